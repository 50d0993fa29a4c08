using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DcMonitor.InteropStubs
{
    /// <summary>
    /// Writes the interop stubs in the layout nf-interpreter's build expects for an entry of NF_INTEROP_ASSEMBLIES
    /// (InteropAssemblies/&lt;Asm&gt;/ and CMake/Modules/FindINTEROP-&lt;Asm&gt;.cmake): <c>&lt;P&gt;.h</c> with one
    /// <c>Library_&lt;P&gt;_&lt;Class&gt;</c> struct per class with native methods, <c>&lt;P&gt;.cpp</c> with the method table and
    /// <c>g_CLR_AssemblyNative_&lt;P&gt;</c> carrying the checksum, one <c>&lt;P&gt;_&lt;Class&gt;_mshl.cpp</c> per class that reads the
    /// arguments from the nanoCLR stack, and <c>&lt;P&gt;_&lt;Class&gt;.h</c> declaring the functions the component implements.
    /// P is the assembly name with '.' replaced by '_'. Parameters may be int, uint, bool, byte and byte[] (what the
    /// interop needs); anything else is refused with an exception naming the method.
    /// </summary>
    public static class StubWriter
    {
        /// <summary>Writes every file into <paramref name="folder"/> (created if missing).</summary>
        /// <param name="assembly">The compiled managed interop assembly.</param>
        /// <param name="folder">Output folder: the future InteropAssemblies/&lt;Asm&gt;/.</param>
        /// <param name="componentSources">Further C/C++ sources of the component, as paths relative to that folder with
        /// '/' separators (e.g. <c>core/dcm_event_queue.c</c>); they are compiled too, and their folders are added to the
        /// include directories.</param>
        /// <exception cref="NotSupportedException">A native method uses a type the marshaller does not handle.</exception>
        /// <exception cref="ArgumentException">A component source path is absolute or leaves the folder.</exception>
        /// <exception cref="InvalidOperationException">The assembly has native methods but no AssemblyNativeVersion attribute.</exception>
        public static void Write(InteropAssembly assembly, string folder, params string[] componentSources)
        {
            Write(assembly, folder, componentSources, Array.Empty<string>());
        }

        /// <summary>As <see cref="Write(InteropAssembly, string, string[])"/>, with further include directories for the finder
        /// module, written as given (e.g. <c>${ESP32_IDF_PATH}/components/bt/esp_ble_mesh/api</c>).</summary>
        public static void Write(InteropAssembly assembly, string folder, IReadOnlyList<string> componentSources, IReadOnlyList<string> extraIncludeDirectories)
        {
            foreach (string source in componentSources)
            {
                if (source.Length == 0 || source.StartsWith("/", StringComparison.Ordinal) || source.Contains('\\') || source.Split('/').Contains(".."))
                {
                    throw new ArgumentException("component source must be a relative path inside the interop folder: '" + source + "'", nameof(componentSources));
                }
            }

            string project = assembly.Name.Replace('.', '_');
            uint checksum = NativeChecksum.Compute(assembly);
            List<InteropType> classes = assembly.Types.Where(t => t.InStub && t.Methods.Any(m => m.IsNative)).ToList();

            // The version in g_CLR_AssemblyNative_<P> comes only from the managed assembly's AssemblyNativeVersion, so the
            // two cannot differ; without the attribute nothing would tie them, so the generator refuses rather than
            // inventing 0.0.0.0.
            if (assembly.NativeVersion == null && classes.Count > 0)
            {
                throw new InvalidOperationException(assembly.Name + " has native methods but no [assembly: AssemblyNativeVersion(\"a.b.c.d\")]: add it (Properties/AssemblyInfo.cs), then generate the stubs");
            }

            Directory.CreateDirectory(folder);

            var header = new StringBuilder();
            header.Append(Banner).Append("#ifndef ").Append(project.ToUpperInvariant()).Append("_H\n#define ").Append(project.ToUpperInvariant()).Append("_H\n\n");
            header.Append("#include <nanoCLR_Interop.h>\n#include <nanoCLR_Runtime.h>\n#include <nanoPackStruct.h>\n#include <corlib_native.h>\n\n");
            foreach (InteropType type in classes)
            {
                header.Append("struct Library_").Append(project).Append('_').Append(type.ClassName).Append("\n{\n");
                foreach (InteropMethod method in type.Methods.Where(m => m.IsNative))
                {
                    header.Append("    NANOCLR_NATIVE_DECLARE(").Append(method.SafeName).Append(");\n");
                }

                header.Append("};\n\n");
            }

            header.Append("extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_").Append(project).Append(";\n\n#endif\n");
            File.WriteAllText(Path.Combine(folder, project + ".h"), header.ToString());

            var table = new StringBuilder();
            table.Append(Banner).Append("#include \"").Append(project).Append(".h\"\n\n// clang-format off\n\nstatic const CLR_RT_MethodHandler method_lookup[] =\n{\n");
            foreach (string entry in NativeChecksum.MethodTable(assembly))
            {
                table.Append("    ").Append(entry).Append(",\n");
            }

            int[] version = assembly.NativeVersion ?? new[] { 0, 0, 0, 0 };
            table.Append("};\n\nconst CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_").Append(project).Append(" =\n{\n    \"").Append(assembly.Name)
                .Append("\",\n    0x").Append(checksum.ToString("X8")).Append(",\n    method_lookup,\n    { ")
                .Append(string.Join(", ", version)).Append(" }\n};\n\n// clang-format on\n");
            File.WriteAllText(Path.Combine(folder, project + ".cpp"), table.ToString());

            var sources = new List<string> { project + ".cpp" };
            foreach (InteropType type in classes)
            {
                string shortName = type.FullName.Substring(type.FullName.LastIndexOfAny(new[] { '.', '/' }) + 1);
                string file = project + "_" + type.ClassName;
                File.WriteAllText(Path.Combine(folder, file + ".h"), ImplementationHeader(project, shortName, type));
                File.WriteAllText(Path.Combine(folder, file + "_mshl.cpp"), Marshalling(project, shortName, file, type));
                sources.Add(file + "_mshl.cpp");
                sources.Add(file + ".cpp");
            }

            sources.AddRange(componentSources);
            // The CLR headers the stubs include, then the component's folders (nf-interpreter's interop modules list the same
            // four CLR folders: nanoframework/Samples samples/Interop FindINTEROP-NF.AwesomeLib.cmake).
            List<string> includeDirectories = new List<string>
            {
                "${PROJECT_SOURCE_DIR}/src/CLR/Core", "${PROJECT_SOURCE_DIR}/src/CLR/Include", "${PROJECT_SOURCE_DIR}/src/HAL/Include",
                "${PROJECT_SOURCE_DIR}/src/PAL/Include", "${BASE_PATH_FOR_THIS_MODULE}",
            };
            foreach (string source in componentSources)
            {
                int slash = source.LastIndexOf('/');
                string directory = slash < 0 ? "${BASE_PATH_FOR_THIS_MODULE}" : "${BASE_PATH_FOR_THIS_MODULE}/" + source.Substring(0, slash);
                if (!includeDirectories.Contains(directory))
                {
                    includeDirectories.Add(directory);
                }
            }

            includeDirectories.AddRange(extraIncludeDirectories.Where(directory => !includeDirectories.Contains(directory)));

            // nf-interpreter reads <Asm>_INCLUDE_DIRS and <Asm>_SOURCES, with the dotted assembly name
            // (CMake/Modules/FindNF_NativeAssemblies.cmake, PerformSettingsForInteropEntry).
            var cmake = new StringBuilder();
            cmake.Append("# Generated by DcMonitor.InteropStubs from the compiled ").Append(assembly.Name).Append(" assembly. Do not edit.\n");
            cmake.Append("# nf-interpreter finds it through NF_INTEROP_ASSEMBLIES=\"").Append(assembly.Name).Append("\" and reads ")
                .Append(assembly.Name).Append("_INCLUDE_DIRS and ").Append(assembly.Name).Append("_SOURCES (CMake/Modules/FindNF_NativeAssemblies.cmake).\n\n");
            cmake.Append("set(BASE_PATH_FOR_THIS_MODULE ${PROJECT_SOURCE_DIR}/InteropAssemblies/").Append(assembly.Name).Append(")\n\n");
            foreach (string directory in includeDirectories)
            {
                cmake.Append("list(APPEND ").Append(assembly.Name).Append("_INCLUDE_DIRS ").Append(directory).Append(")\n");
            }

            cmake.Append("\nset(").Append(assembly.Name).Append("_SOURCES\n");
            foreach (string source in sources)
            {
                cmake.Append("    ${BASE_PATH_FOR_THIS_MODULE}/").Append(source).Append('\n');
            }

            cmake.Append(")\n\ninclude(FindPackageHandleStandardArgs)\nfind_package_handle_standard_args(INTEROP-").Append(assembly.Name)
                .Append(" DEFAULT_MSG ").Append(assembly.Name).Append("_INCLUDE_DIRS ").Append(assembly.Name).Append("_SOURCES)\n");
            File.WriteAllText(Path.Combine(folder, "FindINTEROP-" + assembly.Name + ".cmake"), cmake.ToString());
        }

        private const string Banner = "//-----------------------------------------------------------------------------\n"
            + "// Generated by DcMonitor.InteropStubs (native-mesh-interop/tools). Do not edit: regenerate from the\n"
            + "// compiled managed interop assembly so the checksum and the method table stay in step with it.\n"
            + "//-----------------------------------------------------------------------------\n\n";


        private static string ImplementationHeader(string project, string shortName, InteropType type)
        {
            var text = new StringBuilder(Banner);
            text.Append("#pragma once\n\n#include \"").Append(project).Append(".h\"\n\nnamespace ").Append(project).Append("\n{\n    struct ").Append(shortName).Append("\n    {\n");
            foreach (InteropMethod method in type.Methods.Where(m => m.IsNative))
            {
                string[] tokens = Tokens(method);
                text.Append("        static ").Append(NativeType(tokens[0], method, true)).Append(' ').Append(method.Name).Append('(');
                for (int i = 1; i < tokens.Length; i++)
                {
                    text.Append(NativeType(tokens[i], method, false)).Append(" param").Append(i - 1).Append(", ");
                }

                text.Append("HRESULT &hr);\n");
            }

            text.Append("    };\n}\n");
            return text.ToString();
        }

        private static string Marshalling(string project, string shortName, string file, InteropType type)
        {
            var text = new StringBuilder(Banner);
            text.Append("#include \"").Append(file).Append(".h\"\n\nusing namespace ").Append(project).Append(";\n\n");
            foreach (InteropMethod method in type.Methods.Where(m => m.IsNative))
            {
                string[] tokens = Tokens(method);
                text.Append("HRESULT Library_").Append(project).Append('_').Append(type.ClassName).Append("::").Append(method.SafeName).Append("(CLR_RT_StackFrame &stack)\n{\n");
                text.Append("    NANOCLR_HEADER();\n    hr = S_OK;\n    {\n");
                int first = method.IsStatic ? 0 : 1;
                var arguments = new List<string>();
                for (int i = 1; i < tokens.Length; i++)
                {
                    string name = "param" + (i - 1);
                    text.Append("        ").Append(NativeType(tokens[i], method, false)).Append(' ').Append(name).Append(";\n");
                    text.Append("        NANOCLR_CHECK_HRESULT(Interop_Marshal_").Append(MarshalName(tokens[i])).Append("(stack, ").Append(first + i - 1).Append(", ").Append(name).Append("));\n");
                    arguments.Add(name);
                }

                arguments.Add("hr");
                string call = shortName + "::" + method.Name + "(" + string.Join(", ", arguments) + ")";
                if (tokens[0] == "VOID")
                {
                    text.Append("        ").Append(call).Append(";\n        NANOCLR_CHECK_HRESULT(hr);\n");
                }
                else
                {
                    text.Append("        ").Append(NativeType(tokens[0], method, true)).Append(" result = ").Append(call).Append(";\n");
                    text.Append("        NANOCLR_CHECK_HRESULT(hr);\n        SetResult_").Append(MarshalName(tokens[0])).Append("(stack, result);\n");
                }

                text.Append("    }\n    NANOCLR_NOCLEANUP();\n}\n\n");
            }

            return text.ToString();
        }

        private static string[] Tokens(InteropMethod method)
        {
            int marker = method.SafeName.IndexOf(method.IsStatic ? "___STATIC__" : "___", StringComparison.Ordinal);
            string signature = method.SafeName.Substring(marker + (method.IsStatic ? "___STATIC__".Length : "___".Length));
            return signature.Split("__");
        }

        private static string NativeType(string token, InteropMethod method, bool isReturn) => token switch
        {
            "VOID" when isReturn => "void",
            "I4" => "signed int",
            "U4" => "unsigned int",
            "BOOLEAN" => "bool",
            "U1" => "uint8_t",
            "SZARRAY_U1" when !isReturn => "CLR_RT_TypedArray_UINT8",
            _ => throw new NotSupportedException(method.Name + ": the stub marshaller does not handle " + token),
        };

        private static string MarshalName(string token) => token switch
        {
            "I4" => "INT32",
            "U4" => "UINT32",
            "BOOLEAN" => "bool",
            "U1" => "UINT8",
            "SZARRAY_U1" => "UINT8_ARRAY",
            _ => token,
        };
    }
}
