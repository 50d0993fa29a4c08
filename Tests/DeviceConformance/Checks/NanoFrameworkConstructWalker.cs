using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DcMonitor.DeviceConformance.Checks
{
    /// <summary>
    /// Finds what compiles against the real libraries but does not run on nanoCLR 1.x: generic type, method and
    /// delegate definitions (the metadata processor accepts them, the interpreter fails when it loads the assembly),
    /// constructed generic types and generic method calls, async methods and await, query expressions.
    /// </summary>
    public static class NanoFrameworkConstructWalker
    {
        /// <summary>One construct found: the node and what it is.</summary>
        public readonly struct Construct
        {
            /// <summary>Creates the record.</summary>
            public Construct(SyntaxNode node, string what)
            {
                Node = node;
                What = what;
            }

            /// <summary>The syntax node.</summary>
            public SyntaxNode Node { get; }

            /// <summary>What it is, naming the symbol.</summary>
            public string What { get; }
        }

        /// <summary>Every construct of one syntax tree that nanoCLR 1.x cannot run.</summary>
        /// <param name="model">The semantic model of the tree (against the real surface).</param>
        public static IEnumerable<Construct> Find(SemanticModel model)
        {
            SyntaxNode root = model.SyntaxTree.GetRoot();
            foreach (SyntaxNode node in root.DescendantNodes())
            {
                switch (node)
                {
                    case TypeDeclarationSyntax type when type.TypeParameterList != null:
                        yield return new Construct(type.Identifier.Parent, "generic type definition " + type.Identifier.Text + type.TypeParameterList);
                        break;
                    case MethodDeclarationSyntax method when method.TypeParameterList != null:
                        yield return new Construct(method, "generic method definition " + method.Identifier.Text + method.TypeParameterList);
                        break;
                    case DelegateDeclarationSyntax function when function.TypeParameterList != null:
                        yield return new Construct(function, "generic delegate definition " + function.Identifier.Text + function.TypeParameterList);
                        break;
                    case LocalFunctionStatementSyntax local when local.TypeParameterList != null:
                        yield return new Construct(local, "generic local function " + local.Identifier.Text + local.TypeParameterList);
                        break;
                    case GenericNameSyntax generic:
                        yield return new Construct(generic, "generic instantiation " + generic);
                        break;
                    case InvocationExpressionSyntax call when call.Expression is not GenericNameSyntax
                        && !(call.Expression is MemberAccessExpressionSyntax access && access.Name is GenericNameSyntax)
                        && model.GetSymbolInfo(call).Symbol is IMethodSymbol method && method.IsGenericMethod:
                        yield return new Construct(call, "generic method call (type arguments inferred) " + method.ToDisplayString());
                        break;
                    case AwaitExpressionSyntax awaited:
                        yield return new Construct(awaited, "await (nanoFramework 1.x has no Task)");
                        break;
                    case QueryExpressionSyntax query:
                        yield return new Construct(query, "query expression (LINQ: nanoFramework has no System.Linq)");
                        break;
                    case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.AsyncKeyword):
                        yield return new Construct(member, "async method (nanoFramework 1.x has no Task)");
                        break;
                    case AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword):
                        yield return new Construct(lambda, "async lambda (nanoFramework 1.x has no Task)");
                        break;
                }
            }
        }
    }
}
