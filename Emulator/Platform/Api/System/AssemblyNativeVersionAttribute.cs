namespace System.Reflection
{
    /// <summary>
    /// Emulation of nanoFramework CoreLibrary 1.x's <c>System.Reflection.AssemblyNativeVersionAttribute</c> (mscorlib
    /// 1.17.11; the desktop base class library has no such type): the version of the native code an interop assembly
    /// needs. The device build's MetadataProcessor carries it into the assembly, nanoCLR's native assembly table carries
    /// the version the stubs were generated with, and deployment refuses a mismatch. Host builds only compile it; the
    /// stub generator (native-mesh-interop/tools/InteropStubs) reads it from the compiled assembly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, Inherited = false)]
    public sealed class AssemblyNativeVersionAttribute : Attribute
    {
        /// <summary>Declares the native version, four dot-separated numbers (e.g. "1.0.0.0").</summary>
        public AssemblyNativeVersionAttribute(string version)
        {
            NativeVersion = version;
        }

        /// <summary>The native version as written in the attribute.</summary>
        public string NativeVersion { get; }
    }
}
