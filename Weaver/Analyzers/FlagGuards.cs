using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Whether a call runs only for one value of a <c>bool</c> parameter of its method (<c>if (async) … else s.Read()</c>,
    /// the ternary, <c>&amp;&amp;</c>, an early <c>if (!async) { …; return; }</c>). Which value the callers pass is a
    /// question for the whole assembly, so such calls are left to the weave-time analysis, which follows the values along
    /// call paths; it reports exactly these sites, by the same reading of the branches in IL.
    /// </summary>
    internal static class FlagGuards
    {
        public static bool IsGuarded(IOperation operation, IMethodSymbol function, SyntaxNode body)
        {
            var flags = function.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_Boolean && p.Ordinal < 16).ToList();
            if (flags.Count == 0 || operation.SemanticModel == null) return false;
            var model = operation.SemanticModel;
            // A flag the method assigns is not its caller's value.
            flags.RemoveAll(p => body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => Refers(a.Left, p, model)));
            if (flags.Count == 0) return false;

            SyntaxNode child = operation.Syntax;
            foreach (var ancestor in operation.Syntax.Ancestors())
            {
                if (ancestor == body) break;
                switch (ancestor)
                {
                    case IfStatementSyntax branch when child == branch.Statement && Requires(branch.Condition, true, flags, model):
                    case IfStatementSyntax elseBranch when child == elseBranch.Else && Requires(elseBranch.Condition, false, flags, model):
                    case ConditionalExpressionSyntax c when child == c.WhenTrue && Requires(c.Condition, true, flags, model):
                    case ConditionalExpressionSyntax c2 when child == c2.WhenFalse && Requires(c2.Condition, false, flags, model):
                    case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) && child == both.Right && Requires(both.Left, true, flags, model):
                    case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) && child == either.Right && Requires(either.Left, false, flags, model):
                        return true;
                    case BlockSyntax block when child is StatementSyntax statement &&
                        block.Statements.TakeWhile(s => s != statement).Any(s => s is IfStatementSyntax guard && guard.Else == null &&
                                                                                  Exits(guard.Statement) && Requires(guard.Condition, false, flags, model)):
                        return true;
                }
                child = ancestor;
            }
            return false;
        }

        /// <summary>Whether the condition having this value pins a flag, so one value of the flag alone rules the code out.</summary>
        private static bool Requires(ExpressionSyntax condition, bool value, System.Collections.Generic.List<IParameterSymbol> flags, SemanticModel model)
        {
            while (condition is ParenthesizedExpressionSyntax p) condition = p.Expression;
            switch (condition)
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return Requires(not.Operand, !value, flags, model);
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    return value && (Requires(both.Left, true, flags, model) || Requires(both.Right, true, flags, model));
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return !value && (Requires(either.Left, false, flags, model) || Requires(either.Right, false, flags, model));
                case IdentifierNameSyntax _:
                    return flags.Any(f => Refers(condition, f, model));
                default:
                    return false;
            }
        }

        private static bool Exits(StatementSyntax s) =>
            s is ReturnStatementSyntax || s is ThrowStatementSyntax ||
            s is BlockSyntax b && b.Statements.Count > 0 && Exits(b.Statements[b.Statements.Count - 1]);

        private static bool Refers(ExpressionSyntax e, ISymbol symbol, SemanticModel model) =>
            e is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, symbol);
    }
}
