using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using DcMonitor.FirmwareCompliance;
using DcMonitor.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DcMonitor.Tests.Compliance
{
    /// <summary>
    /// Runs the three firmware checks of the host build on a code snippet, exactly as a firmware host
    /// project runs them: C# 9 compile with Microsoft.CodeAnalysis.BannedApiAnalyzers and
    /// Emulator/FirmwareHost/BannedSymbols.txt, then the FirmwareCompliance source and assembly rules.
    /// </summary>
    public static class SnippetCompiler
    {
        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_analyzers = new Lazy<ImmutableArray<DiagnosticAnalyzer>>(LoadBannedApiAnalyzers);
        private static readonly Lazy<List<MetadataReference>> s_references = new Lazy<List<MetadataReference>>(References);

        /// <summary>Rule ids reported for the snippet: RS0030 (banned API), NF1xxx (source), NF2xxx (assembly).</summary>
        public static SortedSet<string> Check(string source)
        {
            var rules = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Violation violation in SourceRules.CheckSource(source, "Snippet.cs"))
            {
                rules.Add(violation.Rule);
            }

            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9), "Snippet.cs");
            CSharpCompilation compilation = CSharpCompilation.Create(
                "DcMonitor.Snippet",
                new[] { tree },
                s_references.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

            var banned = new BannedSymbolsText(File.ReadAllText(RepositoryPaths.InRoot("Emulator", "FirmwareHost", "BannedSymbols.txt")));
            var analyzerOptions = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(banned));
            ImmutableArray<Diagnostic> analyzerDiagnostics = compilation
                .WithAnalyzers(s_analyzers.Value, analyzerOptions)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result;
            foreach (Diagnostic diagnostic in analyzerDiagnostics.Where(d => d.Id == "RS0030"))
            {
                rules.Add(diagnostic.Id);
            }

            using var image = new MemoryStream();
            var emit = compilation.Emit(image);
            if (!emit.Success)
            {
                throw new InvalidOperationException("snippet does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            image.Position = 0;
            foreach (Violation violation in AssemblyRules.LoadDefault().Check(image, "DcMonitor.Snippet.dll"))
            {
                rules.Add(violation.Rule);
            }

            return rules;
        }

        private static List<MetadataReference> References()
        {
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Where(path => path.Length > 0)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToList();
            references.Add(MetadataReference.CreateFromFile(typeof(DcMonitor.Emulator.Board.VirtualBoard).Assembly.Location));
            return references;
        }

        private static ImmutableArray<DiagnosticAnalyzer> LoadBannedApiAnalyzers()
        {
            string folder = Path.Combine(RepositoryPaths.BannedApiAnalyzersPackage, "analyzers", "dotnet", "cs");
            var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (string file in Directory.GetFiles(folder, "*.dll"))
            {
                var reference = new AnalyzerFileReference(file, new Loader());
                builder.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }

            return builder.ToImmutable();
        }

        private sealed class BannedSymbolsText : AdditionalText
        {
            private readonly string _text;

            public BannedSymbolsText(string text)
            {
                _text = text;
            }

            public override string Path => "BannedSymbols.txt";

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
