using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Which conditions decide whether a piece of code runs, read from syntax the way the engine reads branches in IL:
    /// the sides of an <c>if</c> and a <c>?:</c>, the right operand of <c>&amp;&amp;</c> and <c>||</c>, and the
    /// statements after an early <c>if (…) return/throw</c> in the same block.
    /// </summary>
    internal static class Branches
    {
        /// <summary>
        /// The conditions that must hold, with the value each must have, for <paramref name="node"/> to run, from the
        /// innermost out, up to the enclosing method, lambda or local function.
        /// </summary>
        public static IEnumerable<(ExpressionSyntax Condition, bool Value)> Governing(SyntaxNode node)
        {
            SyntaxNode child = node;
            foreach (var ancestor in node.Ancestors())
            {
                if (ancestor is AnonymousFunctionExpressionSyntax || ancestor is LocalFunctionStatementSyntax || ancestor is BaseMethodDeclarationSyntax)
                    yield break;
                switch (ancestor)
                {
                    case IfStatementSyntax branch when child == branch.Statement: yield return (branch.Condition, true); break;
                    case IfStatementSyntax branch when child == branch.Else: yield return (branch.Condition, false); break;
                    case ConditionalExpressionSyntax c when child == c.WhenTrue: yield return (c.Condition, true); break;
                    case ConditionalExpressionSyntax c when child == c.WhenFalse: yield return (c.Condition, false); break;
                    case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) && child == both.Right: yield return (both.Left, true); break;
                    case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) && child == either.Right: yield return (either.Left, false); break;
                    case BlockSyntax block when child is StatementSyntax statement:
                        foreach (var guard in EarlyExits(block))
                            if (guard.SpanStart < statement.SpanStart) yield return (guard.Condition, false);
                        break;
                }
                child = ancestor;
            }
        }

        /// <summary>
        /// A block's <c>if (…) return/throw</c> statements with no else, in order, found once per block: reading the
        /// statements before each node asked about made a method of thousands of statements quadratic (one of 8,000
        /// <c>{ var t = M(i); x += t.Result; }</c> asked at every call).
        /// </summary>
        private static IfStatementSyntax[] EarlyExits(BlockSyntax block) =>
            Guards.GetValue(block, b => b.Statements.OfType<IfStatementSyntax>().Where(g => g.Else == null && Exits(g.Statement)).ToArray());

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BlockSyntax, IfStatementSyntax[]> Guards =
            new System.Runtime.CompilerServices.ConditionalWeakTable<BlockSyntax, IfStatementSyntax[]>();

        /// <summary>The statement always leaves the method: a return or throw, or a block ending in one.</summary>
        public static bool Exits(StatementSyntax s) =>
            s is ReturnStatementSyntax || s is ThrowStatementSyntax ||
            s is BlockSyntax b && b.Statements.Count > 0 && Exits(b.Statements[b.Statements.Count - 1]);

        /// <summary>Strips parentheses.</summary>
        public static ExpressionSyntax Bare(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            return e;
        }
    }
}
