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
            // A lambda or local function also reads the flags of the methods around it, captured.
            var flags = new System.Collections.Generic.List<IParameterSymbol>();
            var outermost = body;
            for (ISymbol? s = function; s is IMethodSymbol m; s = m.ContainingSymbol)
            {
                flags.AddRange(m.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_Boolean && p.Ordinal < 16));
                if (m.MethodKind != MethodKind.LocalFunction && m.MethodKind != MethodKind.AnonymousFunction) break;
                var declaration = m.ContainingSymbol?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                if (declaration != null && declaration.SyntaxTree == body.SyntaxTree && declaration.Span.Contains(body.Span)) outermost = declaration;
            }
            if (flags.Count == 0 || operation.SemanticModel == null) return false;
            var model = operation.SemanticModel;
            // A flag the method assigns is not its caller's value.
            flags.RemoveAll(p => outermost.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => Refers(a.Left, p, model)));
            if (flags.Count == 0) return false;

            return Branches.Governing(operation.Syntax).Any(g => Requires(g.Condition, g.Value, flags, model));
        }

        /// <summary>Whether the condition having this value pins a flag, so one value of the flag alone rules the code out.</summary>
        private static bool Requires(ExpressionSyntax condition, bool value, System.Collections.Generic.List<IParameterSymbol> flags, SemanticModel model)
        {
            switch (Branches.Bare(condition))
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return Requires(not.Operand, !value, flags, model);
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    return value && (Requires(both.Left, true, flags, model) || Requires(both.Right, true, flags, model));
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    return !value && (Requires(either.Left, false, flags, model) || Requires(either.Right, false, flags, model));
                case IdentifierNameSyntax name:
                    return flags.Any(f => Refers(name, f, model));
                default:
                    return false;
            }
        }

        private static bool Refers(ExpressionSyntax e, ISymbol symbol, SemanticModel model) =>
            e is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, symbol);
    }
}
