using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Code that runs only when <c>this</c> is not exactly its own class C (the side of <c>GetType() == typeof(C)</c>, or
    /// of a private bool field only C's constructors set to that, that does not hold), in a class no type in source
    /// derives from: it never runs (the engine's ExactTypeTests; Json.NET's <c>_safeAsync</c>).
    /// </summary>
    internal static class SourceExactTypeTests
    {
        private static readonly ConditionalWeakTable<IFieldSymbol, object> FieldAnswers = new ConditionalWeakTable<IFieldSymbol, object>();

        /// <summary>
        /// Whether <paramref name="node"/> runs only for objects of a subclass of its class (<paramref name="own"/> when the
        /// caller knows it), which has none in source.
        /// </summary>
        public static bool OnlySubclassesRun(SyntaxNode node, SemanticModel model, System.Func<INamedTypeSymbol, bool> hasSubtypes, INamedTypeSymbol? own = null)
        {
            bool read = false;
            foreach (var (condition, value) in Branches.Governing(node))
            {
                if (!read)
                {
                    read = true;
                    own ??= model.GetEnclosingSymbol(node.SpanStart)?.ContainingType;
                    if (own == null || own.IsGenericType || own.IsStatic || !TestsOwnType(own)) return false;
                }
                if (Holds(condition, own!, model) is bool exact && exact != value) return !hasSubtypes(own!);
            }
            return false;
        }

        private static readonly ConditionalWeakTable<INamedTypeSymbol, object> TypeAnswers = new ConditionalWeakTable<INamedTypeSymbol, object>();

        /// <summary>
        /// Whether the class's code compares <c>GetType()</c> with a <c>typeof</c> anywhere (read from syntax once per
        /// class): most never do, and then no condition in it is read for this rule.
        /// </summary>
        private static bool TestsOwnType(INamedTypeSymbol own) =>
            (bool)TypeAnswers.GetValue(own, type => type.DeclaringSyntaxReferences.Any(r => r.GetSyntax().DescendantNodes().OfType<BinaryExpressionSyntax>().Any(b =>
                (b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression)) &&
                (Branches.Bare(b.Left) is TypeOfExpressionSyntax || Branches.Bare(b.Right) is TypeOfExpressionSyntax) &&
                (CallsGetType(b.Left) || CallsGetType(b.Right)))));

        private static bool CallsGetType(ExpressionSyntax e) =>
            Branches.Bare(e) is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count == 0 &&
            (call.Expression is IdentifierNameSyntax { Identifier.ValueText: "GetType" } ||
             call.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: "GetType" });

        /// <summary>The condition's value on an object exactly of <paramref name="own"/>, when it is such a test; null otherwise.</summary>
        private static bool? Holds(ExpressionSyntax condition, INamedTypeSymbol own, SemanticModel model)
        {
            var e = Branches.Bare(condition);
            if (e is PrefixUnaryExpressionSyntax not && not.IsKind(SyntaxKind.LogicalNotExpression))
                return Holds(not.Operand, own, model) is bool inner ? !inner : (bool?)null;
            if (Comparison(e, own, model) is bool equality) return equality;
            if ((e is IdentifierNameSyntax || e is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }) &&
                model.GetSymbolInfo(e).Symbol is IFieldSymbol field && IsExactTypeField(field, own, model.Compilation))
                return true;
            return null;
        }

        /// <summary><c>GetType() == typeof(C)</c> on <c>this</c>, either way round: true; <c>!=</c>: false; null for anything else.</summary>
        private static bool? Comparison(ExpressionSyntax e, INamedTypeSymbol own, SemanticModel model)
        {
            if (!(Branches.Bare(e) is BinaryExpressionSyntax b) || !(b.IsKind(SyntaxKind.EqualsExpression) || b.IsKind(SyntaxKind.NotEqualsExpression))) return null;
            bool exact = IsTypeOfThis(b.Left, model) && IsOwnType(b.Right, own, model) || IsTypeOfThis(b.Right, model) && IsOwnType(b.Left, own, model);
            return exact ? b.IsKind(SyntaxKind.EqualsExpression) : (bool?)null;
        }

        private static bool IsTypeOfThis(ExpressionSyntax e, SemanticModel model) =>
            CallsGetType(e) && model.GetSymbolInfo(Branches.Bare(e)).Symbol is IMethodSymbol m && m.ContainingType.SpecialType == SpecialType.System_Object;

        private static bool IsOwnType(ExpressionSyntax e, INamedTypeSymbol own, SemanticModel model) =>
            Branches.Bare(e) is TypeOfExpressionSyntax t && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(t.Type).Type, own);

        /// <summary>A private bool field of <paramref name="own"/> that only its constructors assign, each time with <c>GetType() == typeof(C)</c>.</summary>
        private static bool IsExactTypeField(IFieldSymbol field, INamedTypeSymbol own, Compilation compilation) =>
            (bool)FieldAnswers.GetValue(field, f =>
            {
                if (f.IsStatic || f.DeclaredAccessibility != Accessibility.Private || f.Type.SpecialType != SpecialType.System_Boolean ||
                    !SymbolEqualityComparer.Default.Equals(f.ContainingType, own)) return false;
                bool stored = false;
                foreach (var reference in own.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax();
                    var model = compilation.GetSemanticModel(declaration.SyntaxTree);
                    foreach (var node in declaration.DescendantNodes())
                    {
                        if (node is VariableDeclaratorSyntax declarator && declarator.Initializer != null &&
                            SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), f)) return false;
                        if (node is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None) &&
                            SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(argument.Expression).Symbol, f)) return false;
                        if (!(node is AssignmentExpressionSyntax assignment) || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol, f)) continue;
                        var constructor = assignment.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is AccessorDeclarationSyntax ||
                                                                                       a is AnonymousFunctionExpressionSyntax || a is LocalFunctionStatementSyntax);
                        if (!(constructor is ConstructorDeclarationSyntax c) || c.Modifiers.Any(SyntaxKind.StaticKeyword) ||
                            !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(c)?.ContainingType, own) ||
                            !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || Comparison(assignment.Right, own, model) != true) return false;
                        stored = true;
                    }
                }
                return stored;
            });
    }
}
