using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The source form of the engine's ProcessEnds: a blocking call in a statement of a block that a later statement of
    /// the same block ends the process with (<c>Environment.FailFast</c>, <c>Environment.Exit</c>), no statement between
    /// able to leave the block (a return, throw, break, continue, goto or yield).
    /// </summary>
    internal static class SourceProcessEnds
    {
        public static bool Follows(IInvocationOperation call)
        {
            var model = call.SemanticModel;
            var statement = call.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            if (model == null || !(statement is ExpressionStatementSyntax || statement is LocalDeclarationStatementSyntax) || !(statement.Parent is BlockSyntax block))
                return false;
            foreach (var later in block.Statements.SkipWhile(s => s != statement).Skip(1))
            {
                if (EndsProcess(later, model)) return true;
                if (Leaves(later)) return false;
            }
            return false;
        }

        private static bool EndsProcess(StatementSyntax statement, SemanticModel model) =>
            statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } &&
            model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method && (method.Name == "FailFast" || method.Name == "Exit") &&
            method.ContainingType?.Name == "Environment" && Namespaces.Is(method.ContainingType.ContainingNamespace, "System");

        private static bool Leaves(StatementSyntax statement) =>
            statement.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax)).Any(n =>
                n is ReturnStatementSyntax || n is ThrowStatementSyntax || n is ThrowExpressionSyntax || n is BreakStatementSyntax ||
                n is ContinueStatementSyntax || n is GotoStatementSyntax || n is YieldStatementSyntax);
    }
}
