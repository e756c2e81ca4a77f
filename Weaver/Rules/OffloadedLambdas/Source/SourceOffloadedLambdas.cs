using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The source form of the engine's OffloadedLambdas: an async lambda with no await (nor <c>await foreach</c> or
    /// <c>await using</c>) written as the first argument of <c>Task.Run</c> or <c>TaskFactory.StartNew</c> is a sync body
    /// offloaded to a pool thread, not async code: nothing in it is reported.
    /// </summary>
    internal static class SourceOffloadedLambdas
    {
        public static bool Is(IMethodSymbol function, SyntaxNode? syntax, SemanticModel? model)
        {
            if (!function.IsAsync || function.MethodKind != MethodKind.AnonymousFunction || model == null ||
                !(syntax is LambdaExpressionSyntax lambda) || Awaits(lambda.Body))
                return false;
            if (!(lambda.Parent is ArgumentSyntax argument) || !(argument.Parent is ArgumentListSyntax list) ||
                list.Arguments.IndexOf(argument) != 0 || !(list.Parent is InvocationExpressionSyntax invocation))
                return false;
            if (!(model.GetSymbolInfo(invocation).Symbol is IMethodSymbol called) || !Namespaces.Is(called.ContainingNamespace, "System.Threading.Tasks"))
                return false;
            return called.Name == "Run" && called.ContainingType.Name == "Task" || called.Name == "StartNew" && called.ContainingType.Name == "TaskFactory";
        }

        /// <summary>An await of the lambda's own (not of a function nested in it).</summary>
        private static bool Awaits(SyntaxNode body) =>
            body.DescendantNodesAndSelf(n => n == body || !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                .Any(n => n is AwaitExpressionSyntax ||
                          n is CommonForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } ||
                          n is UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } ||
                          n is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword });
    }
}
