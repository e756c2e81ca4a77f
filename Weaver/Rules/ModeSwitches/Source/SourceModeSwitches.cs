using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The source form of the engine's ModeSwitches: code on the sync side of a branch on a bare mode value (a bool or
    /// enum parameter or field, compared with a constant at most) whose other side awaits, or hands back a pending
    /// task. Reached with that value undecided, the async side runs; a known value still decides (a bool flag passed
    /// along a path, see <see cref="FlagGuards"/>).
    /// </summary>
    internal static class SourceModeSwitches
    {
        /// <summary>
        /// The condition whose sync side <paramref name="node"/> is on, with the mode value it tests (a bool parameter, or
        /// another symbol); null when it is on no such side.
        /// </summary>
        /// <param name="namedOnly">
        /// For a function that cannot go async (no async, no awaitable return): only a value named for its mode decides, as
        /// the weave reads it in any method.
        /// </param>
        public static ISymbol? SyncSideOf(SyntaxNode node, SemanticModel model, bool namedOnly = false)
        {
            SyntaxNode child = node;
            foreach (var ancestor in node.Ancestors())
            {
                if (ancestor is AnonymousFunctionExpressionSyntax || ancestor is LocalFunctionStatementSyntax || ancestor is BaseMethodDeclarationSyntax)
                    return null;
                ExpressionSyntax? condition = null;
                SyntaxNode? mine = null, other = null;
                switch (ancestor)
                {
                    case IfStatementSyntax branch when child == branch.Statement:
                        (condition, mine, other) = (branch.Condition, branch.Statement, branch.Else?.Statement);
                        break;
                    case ElseClauseSyntax els when els.Parent is IfStatementSyntax branch:
                        (condition, mine, other) = (branch.Condition, els.Statement, branch.Statement);
                        break;
                    case ConditionalExpressionSyntax c when child == c.WhenTrue:
                        (condition, mine, other) = (c.Condition, c.WhenTrue, c.WhenFalse);
                        break;
                    case ConditionalExpressionSyntax c when child == c.WhenFalse:
                        (condition, mine, other) = (c.Condition, c.WhenFalse, c.WhenTrue);
                        break;
                    case BlockSyntax block when child is StatementSyntax statement:
                        // if (async) { await …; return; } Sync(); — the rest of the block is the other side of an exiting guard.
                        foreach (var guard in block.Statements.TakeWhile(s => s != statement).OfType<IfStatementSyntax>())
                        {
                            if (guard.Else != null || !Branches.Exits(guard.Statement)) continue;
                            if (!namedOnly && ModeValue(guard.Condition, model) is ISymbol guarded && GoesAsync(guard.Statement, model) && !GoesAsync(statement, model))
                                return guarded;
                            // if (!context.IsSynchronous) return …Async(…); Wait(); — the guard's true side is the async mode, so the
                            // rest is the sync mode; only for the named value alone (a false `async && x` leaves async open).
                            if (IsLone(guard.Condition) && NamedMode(guard.Condition, model, out var guardName) == false) return guardName;
                        }
                        break;
                }
                if (!namedOnly && condition != null && mine != null && other != null && ModeValue(condition, model) is ISymbol value &&
                    GoesAsync(other, model) && !GoesAsync(mine, model))
                    return value;
                // A value named for its mode decides by its name, with or without an await on the other side.
                if (condition != null && mine != null && NamedMode(condition, model, out var named) is bool trueMeansSync &&
                    OnTrueSide(ancestor, mine) == trueMeansSync)
                    return named;
                child = ancestor;
            }
            return null;
        }

        /// <summary>A condition that is one value, negated or not (no <c>&amp;&amp;</c>, <c>||</c> or comparison).</summary>
        private static bool IsLone(ExpressionSyntax condition)
        {
            var bare = Branches.Bare(condition);
            while (bare is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression)) bare = Branches.Bare(not.Operand);
            return !(bare is BinaryExpressionSyntax);
        }

        /// <summary>Whether <paramref name="side"/> is the side a condition's truth takes (the if's statement, the ternary's first).</summary>
        private static bool OnTrueSide(SyntaxNode ancestor, SyntaxNode side) => ancestor switch
        {
            IfStatementSyntax branch => side == branch.Statement,
            ConditionalExpressionSyntax c => side == c.WhenTrue,
            _ => false,
        };

        /// <summary>
        /// Whether a condition's truth says the sync mode (true) or the async one (false) by the name of a bool it tests
        /// (<see cref="NonBlocking.Weaver.Analyse.Flags.ModeNames"/>): a parameter or field, or a property read off one
        /// (<c>context.IsSynchronous</c>), negated or one operand of an <c>&amp;&amp;</c>; null when none is named so.
        /// </summary>
        private static bool? NamedMode(ExpressionSyntax condition, SemanticModel model, out ISymbol? symbol)
        {
            symbol = null;
            var bare = Branches.Bare(condition);
            if (bare is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression))
                return !NamedMode(not.Operand, model, out symbol);
            if (bare is BinaryExpressionSyntax both && both.IsKind(SyntaxKind.LogicalAndExpression))
                return NamedMode(both.Left, model, out symbol) ?? NamedMode(both.Right, model, out symbol);
            ISymbol? named = model.GetSymbolInfo(bare).Symbol;
            switch (bare)
            {
                case IdentifierNameSyntax _ when named is IParameterSymbol || named is IFieldSymbol:
                    if (!(ModeValue(bare, model) is ISymbol value)) return null;
                    named = value;
                    break;
                case MemberAccessExpressionSyntax member when (named is IPropertySymbol || named is IFieldSymbol) &&
                                                              !NonBlocking.Weaver.Analyse.Flags.ModeNames.DescribesObject(named.ContainingNamespace?.ToDisplayString()):
                    // A static property is the ambient mode of the running operation (DistributedLock's SyncViaAsync.IsSynchronous).
                    if (named is IPropertySymbol { IsStatic: true }) break;
                    var owner = Branches.Bare(member.Expression);
                    if (!(owner is ThisExpressionSyntax) &&
                        !(owner is IdentifierNameSyntax && model.GetSymbolInfo(owner).Symbol is ISymbol held && (held is IParameterSymbol || held is IFieldSymbol)))
                        return null;
                    break;
                case IdentifierNameSyntax _ when named is ILocalSymbol local && AmbientCopy(local, model):
                    break;
                default:
                    return null;
            }
            var type = named switch { IParameterSymbol p => p.Type, IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, ILocalSymbol l => l.Type, _ => null };
            if (type?.SpecialType != SpecialType.System_Boolean) return null;
            var says = NonBlocking.Weaver.Analyse.Flags.ModeNames.TrueMeansSync(named!.Name);
            if (says != null) symbol = named;
            return says;
        }

        /// <summary>
        /// A local that holds the ambient mode: declared with a static property named for its mode as its value
        /// (<c>bool isSynchronous = SyncViaAsync.IsSynchronous;</c>) and never assigned again.
        /// </summary>
        private static bool AmbientCopy(ILocalSymbol local, SemanticModel model)
        {
            if (!(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer } declarator) ||
                !(Branches.Bare(initializer.Value) is MemberAccessExpressionSyntax member) ||
                NamedMode(member, model, out var source) == null || !(source is IPropertySymbol { IsStatic: true })) return false;
            var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax ||
                                                                  a is AnonymousFunctionExpressionSyntax || a is AccessorDeclarationSyntax);
            // Never written again, by any form of write (SourceKnownValues.Written reads them all).
            return body != null && body.DescendantNodes().OfType<IdentifierNameSyntax>().All(name =>
                name.Identifier.ValueText != local.Name || !(model.GetOperation(name) is ILocalReferenceOperation use) ||
                !SymbolEqualityComparer.Default.Equals(use.Local, local) || SourceKnownValues.Written(use, name, out var value) && value == null);
        }

        /// <summary>The bool or enum parameter or field a condition tests bare, or compares with a constant.</summary>
        private static ISymbol? ModeValue(ExpressionSyntax condition, SemanticModel model)
        {
            var bare = Branches.Bare(condition);
            while (bare is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression)) bare = Branches.Bare(not.Operand);
            if (bare is BinaryExpressionSyntax compare && (compare.IsKind(SyntaxKind.EqualsExpression) || compare.IsKind(SyntaxKind.NotEqualsExpression)))
            {
                if (model.GetConstantValue(compare.Right).HasValue) bare = Branches.Bare(compare.Left);
                else if (model.GetConstantValue(compare.Left).HasValue) bare = Branches.Bare(compare.Right);
                else return null;
            }
            // ct.HasValue on a CancellationToken?: the sync API passes no token (SharpZipLib's WriteSyncOrAsync).
            bool presence = false;
            if (bare is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasValue" } hasValue && !(hasValue.Expression is ThisExpressionSyntax))
            {
                bare = Branches.Bare(hasValue.Expression);
                presence = true;
            }
            if (!(bare is IdentifierNameSyntax) && !(bare is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })) return null;
            var symbol = model.GetSymbolInfo(bare).Symbol;
            var type = symbol switch { IParameterSymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
            if (type == null || !IsNullableToken(type) && (presence || !(type.SpecialType == SpecialType.System_Boolean || type.TypeKind == TypeKind.Enum)))
                return null;
            // A parameter the function assigns holds its own value, not a caller's mode.
            if (symbol is IParameterSymbol parameter && parameter.ContainingSymbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is SyntaxNode declaration &&
                Assignments.To(declaration, parameter.Name).Any(a => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(Branches.Bare(a.Left)).Symbol, parameter)))
                return null;
            return symbol;
        }

        private static bool IsNullableToken(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable &&
            nullable.TypeArguments[0] is INamedTypeSymbol token && token.Name == "CancellationToken" && Namespaces.Is(token.ContainingNamespace, "System.Threading");

        /// <summary>Whether a side awaits, or returns an asynchronous call's task (a method named …Async or declared async).</summary>
        private static bool GoesAsync(SyntaxNode side, SemanticModel model)
        {
            bool Asynchronous(ExpressionSyntax? value) =>
                value != null && Branches.Bare(value) is InvocationExpressionSyntax invocation &&
                model.GetSymbolInfo(invocation).Symbol is IMethodSymbol called && Awaitables.IsTask(called.ReturnType) &&
                (called.IsAsync || called.Name.EndsWith("Async", System.StringComparison.Ordinal));

            foreach (var node in side.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax) && !(n is LocalFunctionStatementSyntax)))
            {
                if (node is AwaitExpressionSyntax) return true;
                if (Asynchronous(node switch { ReturnStatementSyntax r => r.Expression, ArrowExpressionClauseSyntax a => a.Expression, _ => null }))
                    return true;
            }
            return side is ExpressionSyntax expression && Asynchronous(expression);
        }
    }
}
