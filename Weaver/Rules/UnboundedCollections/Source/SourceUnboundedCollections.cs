using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Adding to a <c>BlockingCollection</c> made without a bounded capacity never waits (the engine's
    /// UnboundedCollections): a private field whose every store in its class — its declaration or an assignment — is
    /// <c>new BlockingCollection&lt;T&gt;()</c>, one over a given collection, or null; or one handed down from where it is
    /// made so, through a local its declaration alone sets and a private method's parameter (every caller's argument).
    /// Its <c>Add</c> is no warning.
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
            if (call.SemanticModel == null) return false;
            var compilation = call.SemanticModel.Compilation;
            // One of a private dictionary's values: WorkflowCore keeps a queue per kind, _queues[queue].Add(id).
            if (instance is IPropertyReferenceOperation { Property.IsIndexer: true } item && IsDictionary(item.Property.ContainingType) &&
                Unwrapped(item.Instance) is IFieldReferenceOperation { Field.DeclaredAccessibility: Accessibility.Private } dictionary)
                return (bool)DictionaryVerdicts.GetValue(dictionary.Field.OriginalDefinition, field => OnlyUnboundedValues(field, compilation));
            return HandedUnbounded(instance, compilation, 0);
        }

        private const int MaxDepth = 8;

        /// <summary>
        /// Whether the collection is one made without a capacity: made there, a private field only ever stored so, a local
        /// its declaration alone sets to one, or a private method's parameter every caller hands one (the engine's
        /// HandedUnbounded).
        /// </summary>
        private static bool HandedUnbounded(IOperation? value, Compilation compilation, int depth)
        {
            value = Unwrapped(value);
            if (value == null || depth > MaxDepth) return false;
            if (Unbounded(value)) return true;
            switch (value)
            {
                case IFieldReferenceOperation reference when reference.Field.DeclaredAccessibility == Accessibility.Private:
                    return (bool)Verdicts.GetValue(reference.Field.OriginalDefinition, field => OnlyUnbounded(field, compilation));
                case ILocalReferenceOperation local when value.SemanticModel != null:
                    return SetOnce.Declarator(local.Local, value.SemanticModel) is { Initializer: { } initializer } &&
                           HandedUnbounded(value.SemanticModel.GetOperation(initializer.Value), compilation, depth + 1);
                case IParameterReferenceOperation parameter:
                    return SourceKnownValues.OfParameter(parameter) is { Count: > 0 } arguments &&
                           arguments.TrueForAll(a => HandedUnbounded(a, compilation, depth + 1));
                default:
                    return false;
            }
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IFieldSymbol, object> DictionaryVerdicts =
            new System.Runtime.CompilerServices.ConditionalWeakTable<IFieldSymbol, object>();

        private static bool IsDictionary(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Arity: 2 } named &&
            (named.Name == "Dictionary" && Namespaces.Is(named.ContainingNamespace, "System.Collections.Generic") ||
             named.Name == "ConcurrentDictionary" && Namespaces.Is(named.ContainingNamespace, "System.Collections.Concurrent"));

        /// <summary>
        /// Whether every value a private dictionary field holds is a collection made without a capacity (the engine's
        /// OnlyUnboundedValues): the field holds null or a new, empty dictionary filled by its initializer with such
        /// collections, and its class only reads it or stores such collections into it, never hands it out.
        /// </summary>
        private static bool OnlyUnboundedValues(IFieldSymbol field, Compilation compilation)
        {
            bool made = false;
            foreach (var (model, use) in PrivateFieldUses.Of(field, compilation))
            {
                if (use is VariableDeclaratorSyntax declarator)
                {
                    if (declarator.Initializer == null) continue;
                    if (!NewDictionary(model.GetOperation(declarator.Initializer.Value))) return false;
                    made = true;
                    continue;
                }
                switch (use.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == use:
                        var value = model.GetOperation(assignment.Right);
                        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || !IsNull(value) && !NewDictionary(value)) return false;
                        made |= !IsNull(value);
                        break;
                    case ElementAccessExpressionSyntax element when element.Expression == use:
                        if (element.Parent is AssignmentExpressionSyntax store && store.Left == element &&
                            (!store.IsKind(SyntaxKind.SimpleAssignmentExpression) || !Unbounded(model.GetOperation(store.Right)))) return false;
                        break;
                    case MemberAccessExpressionSyntax member when member.Expression == use:
                        switch (member.Name.Identifier.ValueText)
                        {
                            case "TryGetValue": case "ContainsKey": case "ContainsValue": case "Count": case "Keys": case "Values":
                            case "GetEnumerator": case "Remove": case "TryRemove": case "Clear": case "IsEmpty":
                                break;
                            case "Add": case "TryAdd":
                                if (!(member.Parent is InvocationExpressionSyntax add) || add.ArgumentList.Arguments.Count != 2 ||
                                    !Unbounded(model.GetOperation(add.ArgumentList.Arguments[1].Expression))) return false;
                                break;
                            default:
                                return false;
                        }
                        break;
                    default:
                        return false; // handed out, or its address taken
                }
            }
            return made;
        }

        /// <summary>A new, empty dictionary (no arguments, a capacity or a comparer) its initializer fills only with unbounded collections.</summary>
        private static bool NewDictionary(IOperation? value)
        {
            if (!(Unwrapped(value) is IObjectCreationOperation creation) || !IsDictionary(creation.Type) || creation.Constructor == null) return false;
            foreach (var parameter in creation.Constructor.Parameters)
                if (parameter.Type.SpecialType != SpecialType.System_Int32 && !parameter.Type.Name.StartsWith("IEqualityComparer", System.StringComparison.Ordinal))
                    return false;
            if (creation.Initializer == null) return true;
            foreach (var entry in creation.Initializer.Initializers)
            {
                switch (entry)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } store when Unbounded(store.Value):
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "Add" } add when add.Arguments.Length == 2 && Unbounded(add.Arguments[1].Value):
                        continue;
                    default:
                        return false;
                }
            }
            return true;
        }

        private static bool IsCollection(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "BlockingCollection", Arity: 1 } named &&
            Namespaces.Is(named.ContainingNamespace, "System.Collections.Concurrent");

        private static bool OnlyUnbounded(IFieldSymbol field, Compilation compilation)
        {
            bool made = false;
            foreach (var (model, use) in PrivateFieldUses.Of(field, compilation))
            {
                if (use is VariableDeclaratorSyntax declarator)
                {
                    if (declarator.Initializer == null) continue;
                    if (!Unbounded(model.GetOperation(declarator.Initializer.Value))) return false;
                    made = true;
                    continue;
                }
                // Every form of write (SourceKnownValues.Written): one the rule cannot follow (ref, a deconstruction…) fails it.
                if (!(model.GetOperation(use) is IFieldReferenceOperation reference) || !SourceKnownValues.Written(reference, use, out var value)) return false;
                if (value == null || IsNull(value)) continue;
                if (!Unbounded(value)) return false;
                made = true;
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
