using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Adding to a <c>BlockingCollection</c> made without a bounded capacity never waits (the engine's
    /// UnboundedCollections): a private field whose every store in its class — its declaration or an assignment — is
    /// <c>new BlockingCollection&lt;T&gt;()</c>, one over a given collection, or null. Its <c>Add</c> is no warning.
    /// </summary>
    internal static class SourceUnboundedCollections
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IFieldSymbol, object> Verdicts =
            new System.Runtime.CompilerServices.ConditionalWeakTable<IFieldSymbol, object>();

        public static bool Adds(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (method.Name != "Add" && method.Name != "TryAdd" || method.IsStatic || !IsCollection(method.ContainingType)) return false;
            var instance = call.Instance;
            while (instance is IConversionOperation conversion && conversion.IsImplicit) instance = conversion.Operand;
            if (!(instance is IFieldReferenceOperation reference) || reference.Field.DeclaredAccessibility != Accessibility.Private ||
                call.SemanticModel == null) return false;
            var compilation = call.SemanticModel.Compilation;
            return (bool)Verdicts.GetValue(reference.Field.OriginalDefinition, field => OnlyUnbounded(field, compilation));
        }

        private static bool IsCollection(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "BlockingCollection", Arity: 1 } named &&
            Namespaces.Is(named.ContainingNamespace, "System.Collections.Concurrent");

        private static bool OnlyUnbounded(IFieldSymbol field, Compilation compilation)
        {
            bool made = false;
            foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
            {
                var root = part.GetSyntax();
                var model = compilation.GetSemanticModel(root.SyntaxTree);
                foreach (var node in root.DescendantNodes())
                {
                    if (node is VariableDeclaratorSyntax declarator && declarator.Identifier.ValueText == field.Name &&
                        SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), field))
                    {
                        if (declarator.Initializer == null) continue;
                        if (!Unbounded(model.GetOperation(declarator.Initializer.Value))) return false;
                        made = true;
                        continue;
                    }
                    if (!(node is IdentifierNameSyntax name) || name.Identifier.ValueText != field.Name ||
                        !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, field)) continue;
                    SyntaxNode use = name.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == name ? qualified : name;
                    if (use.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None)) return false; // stored through ref
                    if (use.Parent is AssignmentExpressionSyntax assignment && assignment.Left == use)
                    {
                        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)) return false;
                        var value = model.GetOperation(assignment.Right);
                        if (IsNull(value)) continue;
                        if (!Unbounded(value)) return false;
                        made = true;
                    }
                }
            }
            return made;
        }

        private static IOperation? Unwrapped(IOperation? value)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit) value = conversion.Operand;
            return value;
        }

        private static bool IsNull(IOperation? value) => Unwrapped(value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

        /// <summary><c>new BlockingCollection&lt;T&gt;()</c> or <c>new BlockingCollection&lt;T&gt;(collection)</c>: no capacity given.</summary>
        private static bool Unbounded(IOperation? value) =>
            Unwrapped(value) is IObjectCreationOperation creation && IsCollection(creation.Type) && creation.Constructor != null &&
            (creation.Constructor.Parameters.Length == 0 ||
             creation.Constructor.Parameters.Length == 1 && creation.Constructor.Parameters[0].Type.SpecialType != SpecialType.System_Int32);
    }
}
