using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Which values of <c>bool</c> parameters a piece of code runs for (<c>if (async) … else s.Read()</c>, the ternary,
    /// <c>&amp;&amp;</c>, an early <c>if (!async) { …; return; }</c>): the function's own flags and, in a lambda or local
    /// function, the captured flags of the methods around it. A flag the code assigns is never one its callers decide.
    /// Direct calls guarded this way are left to the weave-time analysis (its flag contexts); the analyzer's own
    /// NB0002 follows the values along call paths (<see cref="HelperPaths"/>).
    /// </summary>
    internal static class FlagGuards
    {
        /// <summary>A flag and the value it must have for the code to run.</summary>
        public readonly struct Requirement
        {
            public Requirement(IParameterSymbol flag, bool value) { Flag = flag; Value = value; }
            public IParameterSymbol Flag { get; }
            public bool Value { get; }
        }

        private static readonly Requirement[] None = new Requirement[0];
        private static readonly IParameterSymbol[] NoFlags = new IParameterSymbol[0];

        /// <summary>Every value of <paramref name="flags"/> (the function's, see <see cref="Flags"/>) the operation needs to run (all must hold).</summary>
        public static Requirement[] Requirements(IOperation operation, IReadOnlyList<IParameterSymbol> flags)
        {
            var model = operation.SemanticModel;
            if (model == null || flags.Count == 0) return None;
            var found = new List<Requirement>();
            foreach (var (condition, value) in Branches.Governing(operation.Syntax))
                Pins(condition, value, flags, model, found);
            return found.Count == 0 ? None : found.ToArray();
        }

        /// <summary>
        /// The flags a function reads that its callers decide: bool parameters, its own and captured ones, never assigned.
        /// Reading the assignments walks the whole body, so callers keep the answer per function.
        /// </summary>
        public static IReadOnlyList<IParameterSymbol> Flags(IMethodSymbol function, SyntaxNode body, SemanticModel model)
        {
            // The common case, without allocating: a method with no bool parameter of its own and none captured.
            if (function.MethodKind != MethodKind.LocalFunction && function.MethodKind != MethodKind.AnonymousFunction &&
                !function.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Boolean)) return NoFlags;
            var flags = new List<IParameterSymbol>();
            var outermost = body;
            for (ISymbol? s = function; s is IMethodSymbol m; s = m.ContainingSymbol)
            {
                flags.AddRange(m.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_Boolean && p.Ordinal < 16));
                if (m.MethodKind != MethodKind.LocalFunction && m.MethodKind != MethodKind.AnonymousFunction) break;
                var declaration = m.ContainingSymbol?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                if (declaration != null && declaration.SyntaxTree == body.SyntaxTree && declaration.Span.Contains(body.Span)) outermost = declaration;
            }
            if (flags.Count > 0)
                flags.RemoveAll(p => outermost.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => Refers(a.Left, p, model)));
            return flags;
        }

        /// <summary>Adds the flag values the condition having <paramref name="value"/> pins.</summary>
        private static void Pins(ExpressionSyntax condition, bool value, IReadOnlyList<IParameterSymbol> flags, SemanticModel model, List<Requirement> found)
        {
            switch (Branches.Bare(condition))
            {
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    Pins(not.Operand, !value, flags, model, found);
                    break;
                case BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression):
                    if (value) { Pins(both.Left, true, flags, model, found); Pins(both.Right, true, flags, model, found); }
                    break;
                case BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression):
                    if (!value) { Pins(either.Left, false, flags, model, found); Pins(either.Right, false, flags, model, found); }
                    break;
                case IdentifierNameSyntax name:
                    var flag = flags.FirstOrDefault(f => Refers(name, f, model));
                    if (flag != null) found.Add(new Requirement(flag, value));
                    break;
            }
        }

        private static bool Refers(ExpressionSyntax e, ISymbol symbol, SemanticModel model) =>
            e is IdentifierNameSyntax name && name.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, symbol);
    }
}
