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
            public Requirement(IParameterSymbol flag, bool value, bool syncSide = false, string? typeName = null)
            {
                Flag = flag; Value = value; SyncSide = syncSide; TypeName = typeName;
            }
            public IParameterSymbol Flag { get; }
            /// <summary>The flag's value; for a Type flag, whether it must be <see cref="TypeName"/>.</summary>
            public bool Value { get; }
            /// <summary>For a Type flag (<c>type == typeof(X)</c>), X's fully qualified name; null for a bool or null flag.</summary>
            public string? TypeName { get; }
            /// <summary>The value is a mode switch's sync side (<see cref="SourceModeSwitches"/>): undecided, the flag takes the other.</summary>
            public bool SyncSide { get; }
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
            // The common case, without allocating: a method with no bool parameter of its own, none captured, and no
            // reference parameter it tests for null (one walk of the body, only for methods that have such parameters).
            HashSet<string>? tested = null, typeTested = null, positiveTested = null;
            // A Type parameter compared with typeof(X) is a flag in sync code (as the engine reads it; an async method's
            // direct calls are the engine's to decide, and it reads bool flags only there). So is an int the function
            // compares with zero, its own (the engine reads it off the parameter, not a closure's copy).
            bool IsFlag(IParameterSymbol p) =>
                p.Type.SpecialType == SpecialType.System_Boolean ||
                !function.IsAsync && IsType(p.Type) && (typeTested ??= TypeTestedNames(body)).Contains(p.Name) ||
                !function.IsAsync && p.Type.SpecialType == SpecialType.System_Int32 && SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, function) &&
                (positiveTested ??= PositiveTestedNames(body)).Contains(p.Name) ||
                p.Type.IsReferenceType && (tested ??= NullTestedNames(body)).Contains(p.Name);
            if (function.MethodKind != MethodKind.LocalFunction && function.MethodKind != MethodKind.AnonymousFunction &&
                !function.Parameters.Any(IsFlag)) return NoFlags;
            var flags = new List<IParameterSymbol>();
            var outermost = body;
            for (ISymbol? s = function; s is IMethodSymbol m; s = m.ContainingSymbol)
            {
                flags.AddRange(m.Parameters.Where(p => IsFlag(p) && p.Ordinal < 16));
                if (m.MethodKind != MethodKind.LocalFunction && m.MethodKind != MethodKind.AnonymousFunction) break;
                var declaration = m.ContainingSymbol?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                if (declaration != null && declaration.SyntaxTree == body.SyntaxTree && declaration.Span.Contains(body.Span)) outermost = declaration;
            }
            if (flags.Count > 0)
                flags.RemoveAll(p => outermost.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => Refers(a.Left, p, model)));
            return flags;
        }

        private static bool IsType(ITypeSymbol type) => type.Name == "Type" && Namespaces.Is(type.ContainingNamespace, "System");

        /// <summary>The names the body compares with a <c>typeof</c> (<c>type == typeof(Stream)</c>, <c>!=</c>).</summary>
        private static HashSet<string> TypeTestedNames(SyntaxNode body)
        {
            var names = new HashSet<string>();
            foreach (var node in body.DescendantNodes())
                if (TypeTestOf(node, out _, out _) is IdentifierNameSyntax name) names.Add(name.Identifier.ValueText);
            return names;
        }

        /// <summary>The name a <c>typeof</c> comparison compares, the <c>typeof</c>, and whether the comparison is the equality.</summary>
        private static IdentifierNameSyntax? TypeTestOf(SyntaxNode node, out TypeOfExpressionSyntax? typeOf, out bool equality)
        {
            typeOf = null;
            equality = node.IsKind(SyntaxKind.EqualsExpression);
            if (!(node is BinaryExpressionSyntax compare) || !equality && !compare.IsKind(SyntaxKind.NotEqualsExpression)) return null;
            var left = Branches.Bare(compare.Left);
            var right = Branches.Bare(compare.Right);
            if (right is TypeOfExpressionSyntax r && left is IdentifierNameSyntax l) { typeOf = r; return l; }
            if (left is TypeOfExpressionSyntax t && right is IdentifierNameSyntax n) { typeOf = t; return n; }
            return null;
        }

        /// <summary>The fully qualified name (with type arguments) of the type a <c>typeof</c> names, when it is a closed type; null otherwise.</summary>
        public static string? TypeOfName(ITypeSymbol? type) =>
            type == null || type is INamedTypeSymbol { IsUnboundGenericType: true } || OpenTypes.IsOpen(type) ? null
                : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>The names the body compares with zero in a way positivity decides (<c>p &lt;= 0</c>, <c>p &gt; 0</c>, <c>p &lt; 1</c>, <c>p &gt;= 1</c>).</summary>
        private static HashSet<string> PositiveTestedNames(SyntaxNode body)
        {
            var names = new HashSet<string>();
            foreach (var node in body.DescendantNodes())
                if (PositiveTestOf(node, out _) is IdentifierNameSyntax name) names.Add(name.Identifier.ValueText);
            return names;
        }

        /// <summary>
        /// The name a comparison with a constant compares when the value's positivity decides it, and whether it holds for
        /// a positive value (the engine's PositiveFlags); null for any other comparison (<c>p == 0</c> among them).
        /// </summary>
        private static IdentifierNameSyntax? PositiveTestOf(SyntaxNode node, out bool whenPositive)
        {
            whenPositive = false;
            if (!(node is BinaryExpressionSyntax compare)) return null;
            string? op = compare.Kind() switch
            {
                SyntaxKind.GreaterThanExpression => ">", SyntaxKind.GreaterThanOrEqualExpression => ">=",
                SyntaxKind.LessThanExpression => "<", SyntaxKind.LessThanOrEqualExpression => "<=",
                _ => null,
            };
            if (op == null) return null;
            var left = Branches.Bare(compare.Left);
            var right = Branches.Bare(compare.Right);
            IdentifierNameSyntax name;
            bool? holds;
            if (right is LiteralExpressionSyntax r && r.Token.Value is int rv && left is IdentifierNameSyntax l)
                (name, holds) = (l, NonBlocking.Weaver.Analyse.Flags.PositiveComparisons.WhenPositive(op, rv, constantFirst: false));
            else if (left is LiteralExpressionSyntax lt && lt.Token.Value is int lv && right is IdentifierNameSyntax n)
                (name, holds) = (n, NonBlocking.Weaver.Analyse.Flags.PositiveComparisons.WhenPositive(op, lv, constantFirst: true));
            else return null;
            if (!(holds is bool decided)) return null;
            whenPositive = decided;
            return name;
        }

        /// <summary>
        /// The names the body compares with null (<c>p == null</c>, <c>p != null</c>, <c>p is null</c>): a reference
        /// parameter among them is a flag, true when not null, as the engine reads a null test in IL.
        /// </summary>
        private static HashSet<string> NullTestedNames(SyntaxNode body)
        {
            var names = new HashSet<string>();
            foreach (var node in body.DescendantNodes())
                if (NullTestOf(node) is IdentifierNameSyntax name) names.Add(name.Identifier.ValueText);
            return names;
        }

        /// <summary>The name a null test tests, and (<paramref name="whenNotNull"/>) whether the test is true when it is not null.</summary>
        private static ExpressionSyntax? NullTestOf(SyntaxNode node) => NullTestOf(node, out _);

        private static ExpressionSyntax? NullTestOf(SyntaxNode node, out bool whenNotNull)
        {
            whenNotNull = false;
            switch (node)
            {
                case BinaryExpressionSyntax compare when compare.IsKind(SyntaxKind.EqualsExpression) || compare.IsKind(SyntaxKind.NotEqualsExpression):
                    whenNotNull = compare.IsKind(SyntaxKind.NotEqualsExpression);
                    if (compare.Right.IsKind(SyntaxKind.NullLiteralExpression)) return Branches.Bare(compare.Left);
                    if (compare.Left.IsKind(SyntaxKind.NullLiteralExpression)) return Branches.Bare(compare.Right);
                    return null;
                case IsPatternExpressionSyntax test when test.Pattern is ConstantPatternSyntax constant && constant.Expression.IsKind(SyntaxKind.NullLiteralExpression):
                    return Branches.Bare(test.Expression);
                case IsPatternExpressionSyntax test when test.Pattern is UnaryPatternSyntax not && not.Pattern is ConstantPatternSyntax constant &&
                                                        constant.Expression.IsKind(SyntaxKind.NullLiteralExpression):
                    whenNotNull = true;
                    return Branches.Bare(test.Expression);
                default:
                    return null;
            }
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
                    var flag = flags.FirstOrDefault(f => f.Type.SpecialType == SpecialType.System_Boolean && Refers(name, f, model));
                    if (flag != null) found.Add(new Requirement(flag, value));
                    break;
                case BinaryExpressionSyntax compare when TypeTestOf(compare, out var typeOf, out bool equality) is IdentifierNameSyntax compared:
                    var typeFlag = flags.FirstOrDefault(f => IsType(f.Type) && Refers(compared, f, model));
                    if (typeFlag != null && TypeOfName(model.GetTypeInfo(typeOf!.Type).Type) is string typeName)
                        found.Add(new Requirement(typeFlag, value == equality, typeName: typeName));
                    break;
                case BinaryExpressionSyntax compare when PositiveTestOf(compare, out bool whenPositive) is IdentifierNameSyntax counted:
                    var integer = flags.FirstOrDefault(f => f.Type.SpecialType == SpecialType.System_Int32 && Refers(counted, f, model));
                    if (integer != null) found.Add(new Requirement(integer, value == whenPositive));
                    break;
                case var test when NullTestOf(test, out bool whenNotNull) is IdentifierNameSyntax tested:
                    var reference = flags.FirstOrDefault(f => f.Type.IsReferenceType && Refers(tested, f, model));
                    if (reference != null) found.Add(new Requirement(reference, value == whenNotNull));
                    break;
            }
        }

        private static bool Refers(ExpressionSyntax e, ISymbol symbol, SemanticModel model) =>
            e is IdentifierNameSyntax name && name.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, symbol);
    }
}
