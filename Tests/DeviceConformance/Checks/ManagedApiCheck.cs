using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DcMonitor.DeviceConformance.Findings;
using DcMonitor.DeviceConformance.Projects;
using DcMonitor.DeviceConformance.Surface;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DcMonitor.DeviceConformance.Checks
{
    /// <summary>
    /// Compiles every device project as the device build does — its listed sources, C# 9, only its own
    /// <c>&lt;Reference&gt;</c>s (classic MSBuild hands csc the primary references, not their dependencies) plus the
    /// outputs of its project references — against the real library surface, and turns what fails into findings:
    /// a type from an unreferenced assembly is a missing reference, anything else the real libraries lack is an
    /// unknown API, as are constructs nanoCLR 1.x cannot run. A reference whose removal changes nothing is unused.
    /// </summary>
    public sealed class ManagedApiCheck
    {
        /// <summary>References that are not library code the sources use (the test host the adapter deploys).</summary>
        public static readonly IReadOnlyCollection<string> TestHostAssemblies = new[] { "nanoFramework.UnitTestLauncher" };

        private static readonly Regex Quoted = new Regex("'([^']+)'", RegexOptions.Compiled);
        private readonly ApiSurface _surface;
        private readonly ReferenceAssemblies _libraries;
        private readonly string _root;
        private readonly ConformanceReport _report;
        private readonly Dictionary<string, CSharpCompilation> _built = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
        private readonly HashSet<string> _typesUsed = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _membersUsed = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Creates the check.</summary>
        public ManagedApiCheck(ApiSurface surface, ReferenceAssemblies libraries, string repositoryRoot, ConformanceReport report)
        {
            _surface = surface;
            _libraries = libraries;
            _root = repositoryRoot;
            _report = report;
        }

        /// <summary>Compiles and checks every project (project references first), then records the usage counts.</summary>
        /// <param name="projects">The device projects.</param>
        public void Run(IReadOnlyList<DeviceProject> projects)
        {
            var byPath = projects.ToDictionary(project => project.Path, StringComparer.Ordinal);
            var done = new HashSet<string>(StringComparer.Ordinal);

            void Visit(DeviceProject project, int depth)
            {
                if (done.Contains(project.Path) || depth > projects.Count)
                {
                    return;
                }

                foreach (string dependency in project.ProjectReferences)
                {
                    if (byPath.TryGetValue(dependency, out DeviceProject other))
                    {
                        Visit(other, depth + 1);
                    }
                    else
                    {
                        _report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, 0,
                            "project reference " + DeviceProject.Relative(_root, dependency) + " is not a device project of this repository",
                            "point the ProjectReference at an existing .nfproj"));
                    }
                }

                done.Add(project.Path);
                Check(project, byPath);
            }

            foreach (DeviceProject project in projects)
            {
                Visit(project, 0);
            }

            _report.Projects = projects.Count;
            _report.TypesUsed = _typesUsed.Count;
            _report.MembersUsed = _membersUsed.Count;
        }

        private void Check(DeviceProject project, Dictionary<string, DeviceProject> byPath)
        {
            var missingSources = project.Sources.Where(source => !File.Exists(source)).ToList();
            foreach (string source in missingSources)
            {
                _report.Add(new Finding(FindingCategory.UnknownApi, project.RelativePath, 0, "Compile item " + DeviceProject.Relative(_root, source) + " does not exist",
                    "remove the Compile item or restore the file"));
            }

            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            List<SyntaxTree> trees = project.Sources.Except(missingSources)
                .Select(source => CSharpSyntaxTree.ParseText(File.ReadAllText(source), parse, path: source)).ToList();

            var libraryReferences = new List<(AssemblyReference Reference, MetadataReference Metadata)>();
            foreach (AssemblyReference reference in project.References)
            {
                MetadataReference metadata = _libraries.ReferenceTo(reference.AssemblyName);
                if (metadata != null)
                {
                    libraryReferences.Add((reference, metadata));
                }
                else if (!TestHostAssemblies.Contains(reference.AssemblyName))
                {
                    _report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                        "reference " + reference.AssemblyName + " is not a nanoFramework 1.x library the conformance data knows",
                        "reference the library by its assembly name (assemblies.tsv) or add its surface to the data"));
                }
            }

            var projectReferences = project.ProjectReferences.Where(path => _built.ContainsKey(path))
                .Select(path => (MetadataReference)_built[path].ToMetadataReference()).ToList();

            CSharpCompilation Compile(IEnumerable<MetadataReference> libraries)
            {
                return CSharpCompilation.Create(project.AssemblyName, trees, libraries.Concat(projectReferences),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: false));
            }

            CSharpCompilation compilation = Compile(libraryReferences.Select(entry => entry.Metadata));
            _built[project.Path] = compilation;
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
            var referenced = new HashSet<string>(project.References.Select(reference => reference.AssemblyName), StringComparer.Ordinal);
            foreach (Diagnostic error in errors)
            {
                _report.Add(Classify(error, project, referenced));
            }

            var usedAssemblies = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in trees)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                RecordUsage(model, usedAssemblies);
                foreach (NanoFrameworkConstructWalker.Construct construct in NanoFrameworkConstructWalker.Find(model))
                {
                    _report.Add(new Finding(FindingCategory.UnknownApi, DeviceProject.Relative(_root, tree.FilePath), Line(construct.Node.GetLocation()),
                        construct.What, "write it without generics, async or LINQ (object-typed collections, explicit loops, threads)"));
                }
            }

            if (errors.Count > 0)
            {
                return; // unused references are only meaningful once the project compiles
            }

            // nanoFramework deploys an application's own references: the libraries its project references need at run time
            // must be referenced (and restored) by it too, so those are not "unused". Likewise the libraries a referenced
            // library itself needs (System.IO.Ports needs System.IO.Streams).
            HashSet<string> neededByLibraries = ReferencedThroughProjects(project, byPath);
            foreach (AssemblyReference other in project.References)
            {
                neededByLibraries.UnionWith(_libraries.RuntimeDependenciesOf(other.AssemblyName));
            }

            foreach ((AssemblyReference reference, MetadataReference _) in libraryReferences)
            {
                if (usedAssemblies.Contains(reference.AssemblyName) || reference.AssemblyName == "mscorlib" || neededByLibraries.Contains(reference.AssemblyName))
                {
                    continue;
                }

                CSharpCompilation without = Compile(libraryReferences.Where(entry => entry.Reference != reference).Select(entry => entry.Metadata));
                if (!without.GetDiagnostics().Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
                {
                    _report.Add(new Finding(FindingCategory.MissingReference, project.RelativePath, reference.Line,
                        "reference " + reference.AssemblyName + " is not used by the project's sources",
                        "remove the <Reference> and, if no other reference needs it, its packages.config entry"));
                }
            }
        }

        private static HashSet<string> ReferencedThroughProjects(DeviceProject project, Dictionary<string, DeviceProject> byPath)
        {
            var needed = new HashSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(project.ProjectReferences);
            while (pending.Count > 0)
            {
                string path = pending.Pop();
                if (!seen.Add(path) || !byPath.TryGetValue(path, out DeviceProject library))
                {
                    continue;
                }

                needed.UnionWith(library.References.Select(reference => reference.AssemblyName));
                foreach (string next in library.ProjectReferences)
                {
                    pending.Push(next);
                }
            }

            return needed;
        }

        private Finding Classify(Diagnostic error, DeviceProject project, HashSet<string> referenced)
        {
            string file = error.Location.IsInSource ? DeviceProject.Relative(_root, error.Location.SourceTree.FilePath) : project.RelativePath;
            int line = error.Location.IsInSource ? Line(error.Location) : 0;
            string message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (error.Id == "CS0012")
            {
                // "The type 'X' is defined in an assembly that is not referenced. You must add a reference to assembly 'Y, Version=…'."
                MatchCollection names = Quoted.Matches(message);
                string assembly = names.Count > 1 ? names[1].Groups[1].Value.Split(',')[0] : "?";
                return new Finding(FindingCategory.MissingReference, file, line,
                    error.Id + " " + message, FixFor(project, assembly));
            }

            if (error.Id == "CS0246" || error.Id == "CS0234" || error.Id == "CS0103")
            {
                MatchCollection names = Quoted.Matches(message);
                string simple = names.Count > 0 ? names[0].Groups[1].Value : string.Empty;
                int dot = simple.LastIndexOf('.');
                if (dot >= 0)
                {
                    simple = simple.Substring(dot + 1);
                }

                if (error.Id == "CS0234" && names.Count > 1)
                {
                    // "The type or namespace name 'Text' does not exist in the namespace 'System'": a namespace of an unreferenced library?
                    string space = names[1].Groups[1].Value + "." + names[0].Groups[1].Value;
                    ApiType inNamespace = _surface.Types.FirstOrDefault(type => type.FullName.StartsWith(space + ".", StringComparison.Ordinal) && !referenced.Contains(type.Assembly));
                    if (inNamespace != null && !_surface.Types.Any(type => type.FullName.StartsWith(space + ".", StringComparison.Ordinal) && referenced.Contains(type.Assembly)))
                    {
                        return new Finding(FindingCategory.MissingReference, file, line,
                            error.Id + " " + message + " (namespace " + space + " is in " + inNamespace.Assembly + ", which " + project.RelativePath + " does not reference)",
                            FixFor(project, inNamespace.Assembly));
                    }
                }

                ApiType elsewhere = _surface.TypesWithSimpleName(simple).FirstOrDefault(type => !referenced.Contains(type.Assembly))
                    ?? _surface.TypesWithSimpleName(simple + "Attribute").FirstOrDefault(type => !referenced.Contains(type.Assembly));
                if (elsewhere != null && !_surface.TypesWithSimpleName(simple).Any(type => referenced.Contains(type.Assembly)))
                {
                    return new Finding(FindingCategory.MissingReference, file, line,
                        error.Id + " " + message + " (" + elsewhere.FullName + " is in " + elsewhere.Assembly + ", which " + project.RelativePath + " does not reference)",
                        FixFor(project, elsewhere.Assembly));
                }
            }

            return new Finding(FindingCategory.UnknownApi, file, line, error.Id + " " + message + " (not in the real nanoFramework 1.x libraries this project references)",
                "use what the real library offers (Tests/DeviceConformance/Reference/nanoframework-1x-api/api.tsv lists every member) or reference the library that has it");
        }

        private string FixFor(DeviceProject project, string assembly)
        {
            if (_surface.Assemblies.TryGetValue(assembly, out LibraryAssembly library))
            {
                string pinned = PinnedVersion(library.Package) ?? library.Version;
                return "add <Reference Include=\"" + assembly + "\"> with HintPath ..\\packages\\" + library.Package + "." + pinned + "\\lib\\" + assembly
                    + ".dll to " + project.RelativePath + " and <package id=\"" + library.Package + "\" version=\"" + pinned + "\" targetFramework=\"netnano1.0\" /> to "
                    + project.PackagesConfigRelativePath;
            }

            return "add a reference to " + assembly + " to " + project.RelativePath;
        }

        /// <summary>The version of a package the repository pins somewhere (packages.config of any project), set by <see cref="Pins"/>.</summary>
        private string PinnedVersion(string package) => Pins != null && Pins.TryGetValue(package, out string version) ? version : null;

        /// <summary>Package id → version pinned by the repository's packages.config files (for the fix text).</summary>
        public IReadOnlyDictionary<string, string> Pins { get; set; }

        private void RecordUsage(SemanticModel model, HashSet<string> usedAssemblies)
        {
            foreach (SyntaxNode node in model.SyntaxTree.GetRoot().DescendantNodes())
            {
                ISymbol symbol = model.GetSymbolInfo(node).Symbol;
                if (symbol == null)
                {
                    continue;
                }

                IAssemblySymbol assembly = symbol.ContainingAssembly ?? (symbol as ITypeSymbol)?.ContainingAssembly;
                if (assembly == null || _libraries.CompilationOf(assembly.Name) == null)
                {
                    continue;
                }

                usedAssemblies.Add(assembly.Name);
                if (symbol is INamedTypeSymbol type)
                {
                    _typesUsed.Add(assembly.Name + ":" + type.ToDisplayString());
                }
                else if (symbol is IMethodSymbol || symbol is IPropertySymbol || symbol is IFieldSymbol || symbol is IEventSymbol)
                {
                    _membersUsed.Add(assembly.Name + ":" + symbol.ToDisplayString());
                    if (symbol.ContainingType != null)
                    {
                        _typesUsed.Add(assembly.Name + ":" + symbol.ContainingType.ToDisplayString());
                    }
                }
            }
        }

        private static int Line(Location location) => location.GetLineSpan().StartLinePosition.Line + 1;
    }
}
