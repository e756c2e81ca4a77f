using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The types a virtual call's receiver can have, from where the object comes from (the engine's ReceiverTypes): a
    /// new object is its own type; a local, a private or readonly field, a private method's parameter holds only what its
    /// assignments and callers give it (a parameter's: <see cref="SourceKnownValues"/>); a non-virtual method of the
    /// project returns only what its returns give back. Null where a source is not known; then the declared type decides.
    /// </summary>
    internal sealed class SourceReceiverTypes
    {
        private const int MaxDepth = 6;
        private readonly Compilation _compilation;
        private readonly System.Func<IMethodSymbol, IEnumerable<IMethodSymbol>> _implementations;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ISymbol, List<IOperation>?> _values =
            new System.Collections.Concurrent.ConcurrentDictionary<ISymbol, List<IOperation>?>(SymbolEqualityComparer.Default);

        /// <param name="implementations">The methods in source that run for a virtual or interface method (<see cref="SourceDispatch.Implementations"/>).</param>
        public SourceReceiverTypes(Compilation compilation, System.Func<IMethodSymbol, IEnumerable<IMethodSymbol>> implementations)
        {
            _compilation = compilation;
            _implementations = implementations;
        }

        /// <summary>The types the value can have (each one it is or derives from); null where not known.</summary>
        public List<ITypeSymbol>? Of(IOperation value) =>
            _answers.GetOrAdd(value, v => Sources(v, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, new Budget()));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IOperation, List<ITypeSymbol>?> _answers =
            new System.Collections.Concurrent.ConcurrentDictionary<IOperation, List<ITypeSymbol>?>();

        /// <summary>The most values one question reads (the engine's ReceiverTypes.MaxReadings); past it, the declared type.</summary>
        private const int MaxReadings = 64;

        private sealed class Budget { public int Left = MaxReadings; }

        private List<ITypeSymbol>? Sources(IOperation value, HashSet<ISymbol> visiting, int depth, Budget budget)
        {
            if (--budget.Left < 0) return Declared(value.Type);
            switch (value)
            {
                case IConversionOperation conversion when conversion.IsImplicit || conversion.Conversion.IsIdentity:
                    return Sources(conversion.Operand, visiting, depth, budget);
                case IConversionOperation conversion:
                    return Declared(conversion.Type);
                case IObjectCreationOperation created:
                    return Declared(created.Type);
                case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value == null:
                case IThrowOperation _:
                    return new List<ITypeSymbol>();
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Union(new[] { conditional.WhenTrue, conditional.WhenFalse }, visiting, depth, budget);
                case ICoalesceOperation coalesce:
                    return Union(new[] { coalesce.Value, coalesce.WhenNull }, visiting, depth, budget);
                case ISwitchExpressionOperation switchExpression:
                    return Union(switchExpression.Arms.Select(a => a.Value), visiting, depth, budget);
            }
            if (depth >= MaxDepth) return Declared(value.Type);
            var symbol = value switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IInvocationOperation call => call.TargetMethod.OriginalDefinition,
                IPropertyReferenceOperation { Property: { IsIndexer: false, GetMethod: IMethodSymbol getter } } => getter.OriginalDefinition,
                _ => null,
            };
            if (symbol == null) return Declared(value.Type);
            // Met again on the way round a cycle (a parser's helpers hand one reader round): no source of its own.
            if (!visiting.Add(symbol)) return new List<ITypeSymbol>();
            try
            {
                var values = _values.GetOrAdd(symbol, s => Values(value, s));
                return values == null ? Declared(value.Type) : Union(values, visiting, depth + 1, budget) ?? Declared(value.Type);
            }
            finally { visiting.Remove(symbol); }
        }

        private List<ITypeSymbol>? Union(IEnumerable<IOperation> values, HashSet<ISymbol> visiting, int depth, Budget budget)
        {
            var types = new List<ITypeSymbol>();
            foreach (var value in values)
            {
                var found = Sources(value, visiting, depth, budget);
                if (found == null) return null;
                foreach (var type in found)
                    if (!types.Contains(type, SymbolEqualityComparer.Default)) types.Add(type);
            }
            return types;
        }

        /// <summary>The values that flow into the symbol where all of them are in sight (read once per symbol); null where code elsewhere can supply one.</summary>
        private List<IOperation>? Values(IOperation use, ISymbol symbol)
        {
            switch (symbol)
            {
                case ILocalSymbol local:
                    return local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator &&
                           declarator.FirstAncestorOrSelf<MemberDeclarationSyntax>() is SyntaxNode body
                        ? Stores(local, body, declarator.Initializer?.Value)
                        : null;
                case IParameterSymbol _:
                    return use is IParameterReferenceOperation parameter ? SourceKnownValues.OfParameter(parameter) : null;
                case IFieldSymbol field:
                    if (!(field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly) || field.IsImplicitlyDeclared) return null;
                    var values = new List<IOperation>();
                    foreach (var reference in Top(field.ContainingType).DeclaringSyntaxReferences)
                    {
                        var found = Stores(field, reference.GetSyntax(), null);
                        if (found == null) return null;
                        values.AddRange(found);
                    }
                    return values;
                case IMethodSymbol method:
                    return Returns(method);
                default:
                    return null;
            }
        }

        /// <summary>Every value assigned to a local or field within <paramref name="scope"/> (and its initializer); null when it is passed by reference.</summary>
        private List<IOperation>? Stores(ISymbol symbol, SyntaxNode scope, ExpressionSyntax? initializer)
        {
            var model = Model(scope);
            var values = new List<IOperation>();
            if (initializer != null && model.GetOperation(initializer) is IOperation first) values.Add(first);
            foreach (var declarator in scope.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                if (symbol is IFieldSymbol && declarator.Initializer != null && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), symbol))
                {
                    if (model.GetOperation(declarator.Initializer.Value) is IOperation set) values.Add(set);
                    else return null;
                }
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == symbol.Name))
            {
                var target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : name;
                if (!(target.Parent is AssignmentExpressionSyntax || target.Parent is ArgumentSyntax || target.Parent is RefExpressionSyntax)) continue;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, symbol)) continue;
                if (!(target.Parent is AssignmentExpressionSyntax assignment) || assignment.Left != target)
                {
                    if (target.Parent is ArgumentSyntax argument && argument.RefKindKeyword.IsKind(SyntaxKind.None)) continue;
                    return null;
                }
                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && !assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)) return null;
                if (model.GetOperation(assignment.Right) is IOperation assigned) values.Add(assigned);
                else return null;
            }
            return values;
        }

        /// <summary>
        /// What a method of the project returns (a getter too): a static or non-virtual one's returns; a virtual or
        /// interface one's, those of every body the project has for it (the engine's ReceiverTypes.Returns); null where one
        /// is not in sight.
        /// </summary>
        private List<IOperation>? Returns(IMethodSymbol method)
        {
            if (method.ReturnType is ITypeParameterSymbol) return null;
            if (!(method.IsVirtual || method.IsOverride || method.IsAbstract)) return ReturnedValues.Of(method, _compilation);
            // Declared elsewhere (IServiceProvider.GetService): implementations outside the project may return anything.
            if (method.DeclaringSyntaxReferences.IsEmpty) return null;
            var values = new List<IOperation>();
            int bodies = 0;
            foreach (var body in _implementations(method))
            {
                if (body.ReturnType is ITypeParameterSymbol || !(ReturnedValues.Of(body, _compilation) is List<IOperation> returned)) return null;
                values.AddRange(returned);
                bodies++;
            }
            return bodies == 0 ? null : values;
        }

        private SemanticModel Model(SyntaxNode node)
        {
#pragma warning disable RS1030 // another member's code, read only for a virtual call with several implementations
            return _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
        }

        private static INamedTypeSymbol Top(INamedTypeSymbol type)
        {
            while (type.ContainingType != null) type = type.ContainingType;
            return type;
        }

        private static List<ITypeSymbol>? Declared(ITypeSymbol? type) =>
            type == null || type is ITypeParameterSymbol || type is IArrayTypeSymbol || type.TypeKind == TypeKind.Error ? null : new List<ITypeSymbol> { type };
    }
}
