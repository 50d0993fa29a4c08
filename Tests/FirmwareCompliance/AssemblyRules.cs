using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace DcMonitor.FirmwareCompliance
{
    /// <summary>
    /// Metadata check of a built firmware assembly. It catches what a compile against the real
    /// nanoFramework references does not: generic type or method definitions (they pass the C# compiler
    /// and the MetadataProcessor, then crash nanoCLR while it loads the assembly —
    /// docs/reference/nanoframework-toolchain.md §6), any generic instantiation, base-class-library types
    /// that nanoFramework 1.x lacks (allow-list <c>NanoFrameworkTypes.txt</c>), and use of the emulator's
    /// internals instead of the nanoFramework API it emulates.
    /// </summary>
    public sealed class AssemblyRules
    {
        /// <summary>Namespaces of emulator types that mirror real nanoFramework packages (allowed in firmware).</summary>
        private static readonly string[] s_emulatedNamespaces =
        {
            "System.Device.I2c", "System.Device.Pwm", "System.Device.Gpio", "System.IO.Ports",
            "nanoFramework.Hardware.Esp32", "nanoFramework.Runtime.Events", "nanoFramework.Runtime.Native", "System.Device.Wifi", "nanoFramework.Networking",
            "nanoFramework.M2Mqtt",
        };

        /// <summary>Emulated nanoFramework types that live in namespaces the BCL also uses.</summary>
        private static readonly string[] s_emulatedTypes =
        {
            "System.SpanByte",
            "System.Reflection.AssemblyNativeVersionAttribute", // mscorlib's own in nanoFramework; the desktop BCL has none
            "DcMonitor.Emulator.Storage.FlashDrive", // only called by the storage shim compiled into firmware host assemblies
            "DcMonitor.Emulator.Mesh.NativeMeshBridge", // only called by the NativeMesh shim of the interop's host build
        };

        /// <summary>
        /// Generic helpers Roslyn calls only when the corlib has them (the host's does, nanoFramework's has not):
        /// field-like event add/remove use <c>Interlocked.CompareExchange&lt;T&gt;</c> (else a non-generic accessor),
        /// an empty <c>params</c> array uses <c>Array.Empty&lt;T&gt;()</c> (else <c>new T[0]</c>). Host-build artifacts,
        /// so not violations.
        /// </summary>
        private static readonly string[] s_compilerGenericHelpers =
        {
            "System.Threading.Interlocked.CompareExchange",
            "System.Array.Empty",
        };

        private readonly HashSet<string> _allowedBaseClassTypes;

        /// <summary>Creates the rules with an allow-list of BCL type names (one per line, '#' comments).</summary>
        public AssemblyRules(IEnumerable<string> allowListLines)
        {
            _allowedBaseClassTypes = new HashSet<string>(StringComparer.Ordinal);
            foreach (string raw in allowListLines)
            {
                int hash = raw.IndexOf('#');
                string line = (hash >= 0 ? raw.Substring(0, hash) : raw).Trim();
                if (line.Length > 0)
                {
                    _allowedBaseClassTypes.Add(line);
                }
            }
        }

        /// <summary>Rules with the allow-list shipped beside this tool.</summary>
        public static AssemblyRules LoadDefault()
        {
            string path = Path.Combine(AppContext.BaseDirectory, "NanoFrameworkTypes.txt");
            return new AssemblyRules(File.ReadAllLines(path));
        }

        /// <summary>Checks an assembly file.</summary>
        public List<Violation> CheckFile(string assemblyPath)
        {
            using FileStream stream = File.OpenRead(assemblyPath);
            return Check(stream, Path.GetFileName(assemblyPath));
        }

        /// <summary>Checks an assembly image.</summary>
        public List<Violation> Check(Stream image, string name)
        {
            var violations = new List<Violation>();
            using var reader = new PEReader(image);
            MetadataReader metadata = reader.GetMetadataReader();

            foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
            {
                TypeDefinition type = metadata.GetTypeDefinition(handle);
                string typeName = FullName(metadata, type);
                if (type.GetGenericParameters().Count > 0)
                {
                    violations.Add(new Violation("NF2001", name + ": " + typeName, "generic type definition: nanoCLR 1.x crashes loading the assembly"));
                }

                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = metadata.GetMethodDefinition(methodHandle);
                    if (method.GetGenericParameters().Count > 0)
                    {
                        violations.Add(new Violation("NF2001", name + ": " + typeName + "." + metadata.GetString(method.Name), "generic method definition: nanoCLR 1.x crashes loading the assembly"));
                    }
                }
            }

            int typeSpecificationCount = metadata.GetTableRowCount(TableIndex.TypeSpec);
            for (int row = 1; row <= typeSpecificationCount; row++)
            {
                TypeSpecificationHandle handle = global::System.Reflection.Metadata.Ecma335.MetadataTokens.TypeSpecificationHandle(row);
                BlobReader blob = metadata.GetBlobReader(metadata.GetTypeSpecification(handle).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    violations.Add(new Violation("NF2002", name + ": type specification " + MetadataTokens(handle), "generic type instantiation: nanoFramework 1.x has no generics"));
                }
            }

            int methodSpecificationCount = metadata.GetTableRowCount(TableIndex.MethodSpec);
            for (int row = 1; row <= methodSpecificationCount; row++)
            {
                MethodSpecificationHandle handle = global::System.Reflection.Metadata.Ecma335.MetadataTokens.MethodSpecificationHandle(row);
                string generic = GenericMethodName(metadata, metadata.GetMethodSpecification(handle).Method);
                if (Array.IndexOf(s_compilerGenericHelpers, generic) >= 0)
                {
                    continue;
                }

                violations.Add(new Violation("NF2002", name + ": " + generic, "generic method instantiation: nanoFramework 1.x has no generics"));
            }

            foreach (TypeReferenceHandle handle in metadata.TypeReferences)
            {
                TypeReference reference = metadata.GetTypeReference(handle);
                string fullName = ReferenceName(metadata, reference, out string assembly);
                if (assembly == null || assembly.StartsWith("DcMonitor.", StringComparison.Ordinal) && !assembly.StartsWith("DcMonitor.Emulator", StringComparison.Ordinal))
                {
                    continue; // another firmware assembly, or a module-local reference
                }

                if (assembly.StartsWith("nanoFramework.", StringComparison.Ordinal))
                {
                    continue; // host emulation of a nanoFramework package (e.g. nanoFramework.TestFramework)
                }

                if (assembly.StartsWith("DcMonitor.Emulator", StringComparison.Ordinal))
                {
                    if (!IsEmulatedNanoFrameworkType(fullName))
                    {
                        violations.Add(new Violation("NF2004", name + ": " + fullName, "firmware uses an emulator internal; use the nanoFramework API it emulates"));
                    }

                    continue;
                }

                string outer = fullName.Split('/')[0];
                if (!_allowedBaseClassTypes.Contains(fullName) && !_allowedBaseClassTypes.Contains(outer))
                {
                    string hint = fullName == "System.ReadOnlySpan`1"
                        ? " (if the source has no span, the host compiler made one for a string + char concatenation, even with char.ToString(): build the text from a char[] or with new string(c, 1))"
                        : string.Empty;
                    violations.Add(new Violation("NF2003", name + ": " + fullName + " (" + assembly + ")", "type not available in nanoFramework 1.x (or its package is not referenced by the device project); see Tests/FirmwareCompliance/NanoFrameworkTypes.txt" + hint));
                }
            }

            return violations;
        }

        private static bool IsEmulatedNanoFrameworkType(string fullName)
        {
            foreach (string type in s_emulatedTypes)
            {
                if (fullName == type)
                {
                    return true;
                }
            }

            foreach (string space in s_emulatedNamespaces)
            {
                if (fullName.StartsWith(space + ".", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static string GenericMethodName(MetadataReader metadata, EntityHandle method)
        {
            if (method.Kind == HandleKind.MemberReference)
            {
                MemberReference member = metadata.GetMemberReference((MemberReferenceHandle)method);
                string parent = member.Parent.Kind == HandleKind.TypeReference
                    ? ReferenceName(metadata, metadata.GetTypeReference((TypeReferenceHandle)member.Parent), out _)
                    : "?";
                return parent + "." + metadata.GetString(member.Name);
            }

            if (method.Kind == HandleKind.MethodDefinition)
            {
                return metadata.GetString(metadata.GetMethodDefinition((MethodDefinitionHandle)method).Name);
            }

            return "method";
        }

        private static string MetadataTokens(TypeSpecificationHandle handle)
        {
            return global::System.Reflection.Metadata.Ecma335.MetadataTokens.GetToken(handle).ToString("X8");
        }

        private static string FullName(MetadataReader metadata, TypeDefinition type)
        {
            string space = metadata.GetString(type.Namespace);
            string simple = metadata.GetString(type.Name);
            return space.Length == 0 ? simple : space + "." + simple;
        }

        private static string ReferenceName(MetadataReader metadata, TypeReference reference, out string assembly)
        {
            string space = metadata.GetString(reference.Namespace);
            string simple = metadata.GetString(reference.Name);
            string own = space.Length == 0 ? simple : space + "." + simple;
            assembly = null;
            EntityHandle scope = reference.ResolutionScope;
            if (scope.Kind == HandleKind.AssemblyReference)
            {
                assembly = metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                return own;
            }

            if (scope.Kind == HandleKind.TypeReference)
            {
                string outer = ReferenceName(metadata, metadata.GetTypeReference((TypeReferenceHandle)scope), out assembly);
                return outer + "/" + simple;
            }

            return own;
        }
    }
}
