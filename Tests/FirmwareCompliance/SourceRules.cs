using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DcMonitor.FirmwareCompliance
{
    /// <summary>
    /// Syntax check of firmware sources, parsed as C# 9 (the nanoFramework project system's language
    /// version): constructs that compile for the device but fail in nanoCLR (generic definitions), or that
    /// need BCL types nanoFramework 1.x does not have (async/await → Task, tuples → ValueTuple, records and
    /// init accessors → IsExternalInit, dynamic → Microsoft.CSharp, query syntax → LINQ, T? → Nullable&lt;T&gt;,
    /// iterators → IEnumerable&lt;T&gt;, ranges → System.Range).
    /// </summary>
    public static class SourceRules
    {
        /// <summary>Checks every .cs file below <paramref name="directory"/> (bin/ and obj/ excluded).</summary>
        public static List<Violation> CheckDirectory(string directory)
        {
            var violations = new List<Violation>();
            foreach (string file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                string normalized = file.Replace('\\', '/');
                if (normalized.Contains("/obj/") || normalized.Contains("/bin/"))
                {
                    continue;
                }

                violations.AddRange(CheckSource(File.ReadAllText(file), file));
            }

            return violations;
        }

        /// <summary>Checks one source text.</summary>
        public static List<Violation> CheckSource(string text, string path)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp9), path);
            var walker = new Walker(path);
            walker.Visit(tree.GetRoot());
            return walker.Violations;
        }

        private sealed class Walker : CSharpSyntaxWalker
        {
            private readonly string _path;

            public Walker(string path)
            {
                _path = path;
            }

            public List<Violation> Violations { get; } = new List<Violation>();

            public override void VisitTypeParameterList(TypeParameterListSyntax node)
            {
                Report(node, "NF1001", "generic type or method definition: nanoCLR 1.x crashes loading it; use object, arrays or ArrayList");
                base.VisitTypeParameterList(node);
            }

            public override void VisitGenericName(GenericNameSyntax node)
            {
                Report(node, "NF1002", "use of the generic type or method '" + node + "': nanoFramework 1.x has no generics");
                base.VisitGenericName(node);
            }

            public override void VisitAwaitExpression(AwaitExpressionSyntax node)
            {
                Report(node, "NF1003", "await: nanoFramework 1.x has no Task; use a thread, a Timer or a work queue");
                base.VisitAwaitExpression(node);
            }

            public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
            {
                CheckAsync(node.Modifiers, node);
                base.VisitMethodDeclaration(node);
            }

            public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
            {
                CheckAsync(node.Modifiers, node);
                base.VisitLocalFunctionStatement(node);
            }

            public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
            {
                if (node.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    Report(node, "NF1003", "async lambda: nanoFramework 1.x has no Task");
                }

                base.VisitParenthesizedLambdaExpression(node);
            }

            public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
            {
                if (node.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    Report(node, "NF1003", "async lambda: nanoFramework 1.x has no Task");
                }

                base.VisitSimpleLambdaExpression(node);
            }

            public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
            {
                Report(node, "NF1004", "record: needs IsExternalInit and IEquatable<T>, absent from nanoFramework 1.x; write a class");
                base.VisitRecordDeclaration(node);
            }

            public override void VisitWithExpression(WithExpressionSyntax node)
            {
                Report(node, "NF1004", "with expression (records): not available on nanoFramework 1.x");
                base.VisitWithExpression(node);
            }

            public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node)
            {
                if (node.IsKind(SyntaxKind.InitAccessorDeclaration))
                {
                    Report(node, "NF1004", "init accessor: needs IsExternalInit, absent from nanoFramework 1.x; use a constructor");
                }

                base.VisitAccessorDeclaration(node);
            }

            public override void VisitTupleType(TupleTypeSyntax node)
            {
                Report(node, "NF1005", "tuple type: ValueTuple is absent from nanoFramework 1.x; use a small class or out parameters");
                base.VisitTupleType(node);
            }

            public override void VisitTupleExpression(TupleExpressionSyntax node)
            {
                Report(node, "NF1005", "tuple: ValueTuple is absent from nanoFramework 1.x");
                base.VisitTupleExpression(node);
            }

            public override void VisitIdentifierName(IdentifierNameSyntax node)
            {
                if (node.Identifier.ValueText == "dynamic" && node.Parent is not MemberAccessExpressionSyntax)
                {
                    Report(node, "NF1006", "dynamic: the C# runtime binder does not exist on nanoFramework");
                }

                base.VisitIdentifierName(node);
            }

            public override void VisitQueryExpression(QueryExpressionSyntax node)
            {
                Report(node, "NF1007", "LINQ query: System.Linq is absent from nanoFramework 1.x");
                base.VisitQueryExpression(node);
            }

            public override void VisitNullableType(NullableTypeSyntax node)
            {
                Report(node, "NF1008", "nullable type '" + node + "': Nullable<T> is absent from nanoFramework 1.x (and nullable annotations are off)");
                base.VisitNullableType(node);
            }

            public override void VisitYieldStatement(YieldStatementSyntax node)
            {
                Report(node, "NF1009", "iterator (yield): the compiler generates IEnumerable<T>/IEnumerator<T>, absent from nanoFramework 1.x");
                base.VisitYieldStatement(node);
            }

            public override void VisitRangeExpression(RangeExpressionSyntax node)
            {
                Report(node, "NF1010", "range: System.Range is absent from nanoFramework 1.x; use Substring or explicit indexes");
                base.VisitRangeExpression(node);
            }

            public override void VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
            {
                if (node.IsKind(SyntaxKind.IndexExpression))
                {
                    Report(node, "NF1010", "index from end (^): System.Index is absent from nanoFramework 1.x");
                }

                base.VisitPrefixUnaryExpression(node);
            }

            public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
            {
                Report(node, "NF1011", "stackalloc: unsupported by nanoCLR");
                base.VisitStackAllocArrayCreationExpression(node);
            }

            public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
            {
                Report(node, "NF1011", "unsafe code: unsupported by nanoCLR");
                base.VisitUnsafeStatement(node);
            }

            public override void VisitQualifiedName(QualifiedNameSyntax node)
            {
                CheckEmulatorNamespace(node, node.Left, node.Right);
                base.VisitQualifiedName(node);
            }

            public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
            {
                CheckEmulatorNamespace(node, node.Expression, node.Name);
                base.VisitMemberAccessExpression(node);
            }

            public override void VisitUsingDirective(UsingDirectiveSyntax node)
            {
                string name = node.Name?.ToString() ?? string.Empty;
                if (name == "System.Linq" || name.StartsWith("System.Linq.") || name == "System.Collections.Generic" || name == "System.Threading.Tasks")
                {
                    Report(node, "NF1012", "using " + name + ": that namespace is absent from nanoFramework 1.x");
                }

                base.VisitUsingDirective(node);
            }

            /// <summary>Reports the innermost "DcMonitor.Emulator" of a dotted name, in a using, a type or an expression.</summary>
            private void CheckEmulatorNamespace(SyntaxNode node, SyntaxNode left, SimpleNameSyntax right)
            {
                if (left is IdentifierNameSyntax first && first.Identifier.ValueText == "DcMonitor" && right.Identifier.ValueText == "Emulator")
                {
                    Report(node, "NF1013", "firmware refers to the emulator ('" + node.Parent + "'): write against the nanoFramework API it emulates");
                }
            }

            private void CheckAsync(SyntaxTokenList modifiers, SyntaxNode node)
            {
                foreach (SyntaxToken modifier in modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.AsyncKeyword))
                    {
                        Report(node, "NF1003", "async method: nanoFramework 1.x has no Task; use a thread, a Timer or a work queue");
                    }
                }
            }

            private void Report(SyntaxNode node, string rule, string message)
            {
                FileLinePositionSpan span = node.GetLocation().GetLineSpan();
                string location = _path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")";
                Violations.Add(new Violation(rule, location, message));
            }
        }
    }
}
