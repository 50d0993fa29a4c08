using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DcMonitor.DeviceConformance.Surface
{
    /// <summary>
    /// One Roslyn reference per real library assembly, made from the <see cref="ApiSurface"/> by
    /// <see cref="ReferenceSourceWriter"/>: mscorlib is the core library (it declares System.Object and references
    /// nothing), every other assembly references exactly the assemblies its signatures mention.
    /// </summary>
    public sealed class ReferenceAssemblies
    {
        private static readonly Regex TypeToken = new Regex(@"[A-Za-z_][A-Za-z0-9_.`+]*", RegexOptions.Compiled);
        private readonly Dictionary<string, CSharpCompilation> _compilations = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private readonly Dictionary<string, MetadataReference> _references = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);

        private ReferenceAssemblies()
        {
        }

        /// <summary>The assembly names, as the real libraries name them.</summary>
        public IEnumerable<string> Names => _compilations.Keys;

        /// <summary>Builds the references for every assembly of the surface.</summary>
        /// <param name="surface">The real API surface.</param>
        /// <exception cref="InvalidOperationException">The assemblies' signatures reference each other in a cycle.</exception>
        public static ReferenceAssemblies Build(ApiSurface surface)
        {
            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (ApiType type in surface.Types)
            {
                owner[type.FullName] = type.Assembly;
            }

            var dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (IGrouping<string, ApiType> assembly in surface.Types.GroupBy(type => type.Assembly))
            {
                var needs = new HashSet<string>(StringComparer.Ordinal);
                foreach (ApiType type in assembly)
                {
                    foreach (string text in new[] { type.Declaration }.Concat(type.Members.Select(member => member.Signature)))
                    {
                        foreach (Match token in TypeToken.Matches(text))
                        {
                            if (owner.TryGetValue(token.Value, out string other) && other != assembly.Key)
                            {
                                needs.Add(other);
                            }
                        }
                    }
                }

                if (assembly.Key != "mscorlib")
                {
                    needs.Add("mscorlib");
                }

                dependencies[assembly.Key] = needs;
            }

            var result = new ReferenceAssemblies();
            foreach (KeyValuePair<string, HashSet<string>> entry in dependencies)
            {
                result._dependencies[entry.Key] = entry.Value;
            }

            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true);
            var building = new HashSet<string>(StringComparer.Ordinal);

            CSharpCompilation Make(string name)
            {
                if (result._compilations.TryGetValue(name, out CSharpCompilation done))
                {
                    return done;
                }

                if (!building.Add(name))
                {
                    throw new InvalidOperationException("the library surfaces reference each other in a cycle through " + name);
                }

                var references = dependencies[name].Select(dependency => { Make(dependency); return result.ReferenceTo(dependency); }).ToList();
                string source = ReferenceSourceWriter.Write(surface.Types.Where(type => type.Assembly == name).ToList());
                CSharpCompilation compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source, parse, path: name + ".surface.cs") }, references, options);
                result._compilations[name] = compilation;
                return compilation;
            }

            foreach (string name in dependencies.Keys)
            {
                Make(name);
            }

            return result;
        }

        /// <summary>The reference for one assembly, or null when the surface has no such assembly.</summary>
        public MetadataReference ReferenceTo(string assemblyName)
        {
            if (!_references.TryGetValue(assemblyName, out MetadataReference reference) && _compilations.TryGetValue(assemblyName, out CSharpCompilation compilation))
            {
                reference = compilation.ToMetadataReference();
                _references[assemblyName] = reference;
            }

            return reference;
        }

        /// <summary>
        /// The library assemblies one library needs at run time, directly or through others (those its public signatures
        /// name: a base type, a parameter type), e.g. System.IO.Ports → System.IO.Streams, mscorlib.
        /// </summary>
        public HashSet<string> RuntimeDependenciesOf(string assemblyName)
        {
            var closure = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(assemblyName);
            while (pending.Count > 0)
            {
                if (!_dependencies.TryGetValue(pending.Pop(), out HashSet<string> direct))
                {
                    continue;
                }

                foreach (string dependency in direct)
                {
                    if (closure.Add(dependency))
                    {
                        pending.Push(dependency);
                    }
                }
            }

            return closure;
        }

        /// <summary>The declarations compiled for one assembly (for diagnosing the data itself), or null.</summary>
        public CSharpCompilation CompilationOf(string assemblyName)
        {
            return _compilations.TryGetValue(assemblyName, out CSharpCompilation compilation) ? compilation : null;
        }
    }
}
