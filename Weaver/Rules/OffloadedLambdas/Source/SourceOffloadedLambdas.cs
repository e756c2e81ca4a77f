using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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
            // The syntax first: it is asked for every call in every async lambda, and most are not Task.Run's argument.
            if (!function.IsAsync || function.MethodKind != MethodKind.AnonymousFunction || model == null ||
                !(syntax is LambdaExpressionSyntax lambda) || !(lambda.Parent is ArgumentSyntax argument) ||
                !(argument.Parent is ArgumentListSyntax list) || list.Arguments.IndexOf(argument) != 0 ||
                !(list.Parent is InvocationExpressionSyntax invocation))
                return false;
            if (!(model.GetOperation(lambda) is IAnonymousFunctionOperation operation) ||
                OwnOperations.Of(operation.Body).Any(o => o is IAwaitOperation || OwnOperations.IsAsynchronousStatement(o)))
                return false;
            if (!(model.GetSymbolInfo(invocation).Symbol is IMethodSymbol called) || !Namespaces.Is(called.ContainingNamespace, "System.Threading.Tasks"))
                return false;
            return called.Name == "Run" && called.ContainingType.Name == "Task" || called.Name == "StartNew" && called.ContainingType.Name == "TaskFactory";
        }
    }
}
