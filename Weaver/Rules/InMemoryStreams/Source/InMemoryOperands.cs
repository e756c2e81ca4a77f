using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Whether a value is known to be an in-memory object, as the engine's Receivers reads it from IL: a new object,
    /// local, parameter, field or property whose type never blocks (MemoryStream, StringReader…, or a stream type of
    /// this compilation whose code shows it: <see cref="SourceStreamTypes"/>), a wrapper (StreamReader, GZipStream…, any
    /// stream that only wraps what it is handed) built over one, a stream another assembly's factory builds over one,
    /// or a cast of one — also through a local assigned only where it is declared, a private field assigned only such
    /// values (or null), or a private method's parameter only passed such values; and, with an
    /// <see cref="Assumption"/>, the function's own Stream parameters, which a call path may pass in-memory streams.
    /// </summary>
    internal static class InMemoryOperands
    {
        /// <summary>
        /// The Stream parameters of one function taken to hold in-memory streams (a path that hands it some decides),
        /// and those a value's in-memory-ness rested on.
        /// </summary>
        public sealed class Assumption
        {
            public Assumption(IMethodSymbol function) => Function = function;
            public IMethodSymbol Function { get; }
            public List<IParameterSymbol> Used { get; } = new List<IParameterSymbol>();
        }

        /// <summary>
        /// The function's Stream parameters that <paramref name="value"/> is in memory on condition of: empty when it is
        /// not in memory whatever they hold (or is whatever they hold: ask <see cref="Is"/> first).
        /// </summary>
        public static IParameterSymbol[] InMemoryIf(IOperation? value, SourceStreamTypes streams, IMethodSymbol function)
        {
            var assumption = new Assumption(function);
            return Is(value, streams, 0, assumption) ? assumption.Used.Distinct<IParameterSymbol>(SymbolEqualityComparer.Default).ToArray()
                : System.Array.Empty<IParameterSymbol>();
        }

        public static bool Is(IOperation? value, SourceStreamTypes streams, int depth = 0, Assumption? assumption = null)
        {
            if (value == null || depth > 4) return false;
            while (value is IConversionOperation conversion) value = conversion.Operand;
            switch (value)
            {
                case IObjectCreationOperation creation:
                    if (streams.InMemoryExactly(creation.Type)) return true;
                    if (creation.Type != null && NonBlocking.Weaver.Catalog.StreamWrappers.Types.Contains(SymbolCatalog.MetadataName(creation.Type)))
                    {
                        if (creation.Constructor is { Parameters.Length: > 0 } ctor && ctor.Parameters[0].Type is INamedTypeSymbol first &&
                            NonBlocking.Weaver.Catalog.StreamWrappers.IsBufferWriter(SymbolCatalog.MetadataName(first.OriginalDefinition)))
                            return true;
                        return creation.Arguments.Length > 0 && Is(creation.Arguments[0].Value, streams, depth + 1, assumption);
                    }
                    // A class of this compilation holding what it is handed: everything it can hold must be in memory.
                    return streams.OnlyWraps(creation.Type) &&
                           StreamArgumentsInMemory(creation.Arguments, streams, depth, assumption, carriers: !SourceStreamTypes.IsStream(creation.Type));
                case IInvocationOperation call:
                {
                    // A stream another assembly's factory builds over in-memory streams (BouncyCastle's
                    // PgpCompressedDataGenerator.Open(memory)) writes into those; this compilation's own methods are
                    // read: each body the call may run must return only in-memory streams.
                    var target = call.TargetMethod;
                    if (target.ContainingType != null && NonBlocking.Weaver.Catalog.InMemoryStreamSources.Returns(SymbolCatalog.MetadataName(target.ContainingType), target.Name))
                        return true;
                    // A call declared to return a MemoryStream returns one, as a local of that type holds one.
                    if (streams.InMemory(target.ReturnType)) return true;
                    if (target.IsStatic && target.ContainingType != null &&
                        NonBlocking.Weaver.Catalog.StreamWrappers.IsFactory(SymbolCatalog.MetadataName(target.ContainingType), target.Name))
                        return StreamArgumentsInMemory(call.Arguments, streams, depth, assumption, text: true);
                    bool carrier = target.ReturnType is INamedTypeSymbol returnType &&
                                   NonBlocking.Weaver.Catalog.StreamWrappers.CarriesStream(SymbolCatalog.MetadataName(returnType.OriginalDefinition));
                    if (!SourceStreamTypes.IsStream(target.ReturnType) && !carrier || target.ContainingType == null) return false;
                    if (streams.DeclaredHere(target.ContainingType))
                        return streams.ReturnedBy(call) is List<IOperation> returned && returned.Count > 0 &&
                               returned.All(v => !IsNull(v) && Is(v, streams, depth + 1, null));
                    if (carrier) return false;
                    var receiver = call.Instance;
                    while (receiver is IConversionOperation c) receiver = c.Operand;
                    if (receiver != null && (receiver is IInstanceReferenceOperation || SourceStreamTypes.IsStream(receiver.Type) && !Is(receiver, streams, depth + 1, assumption))) return false;
                    return StreamArgumentsInMemory(call.Arguments, streams, depth, assumption);
                }
                case ILocalReferenceOperation local:
                    if (streams.InMemory(local.Local.Type)) return true;
                    // Every value assigned to it in memory or null (a writer a loop replaces with a fresh one over memory).
                    return AssignedValues(local) is List<IOperation> assigned && assigned.Any(v => !IsNull(v)) &&
                           assigned.All(v => NullOrInMemory(v, streams, depth + 1, assumption));
                case IFieldReferenceOperation field:
                    if (streams.InMemory(value.Type)) return true;
                    if (field.Field.ContainingType != null &&
                        NonBlocking.Weaver.Catalog.InMemoryStreamSources.Returns(SymbolCatalog.MetadataName(field.Field.ContainingType), field.Field.Name))
                        return true;
                    return PrivateFieldValues(field, v => NullOrInMemory(v, streams, depth + 1, assumption));
                case IParameterReferenceOperation parameter:
                    if (streams.InMemory(value.Type)) return true;
                    // What the call path passes (an in-memory stream handed down to a helper).
                    if (assumption != null && parameter.Parameter.RefKind == RefKind.None &&
                        (SourceStreamTypes.CarriesStream(parameter.Parameter.Type) || streams.IsHolder(parameter.Parameter.Type)) &&
                        SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, assumption.Function.OriginalDefinition))
                    {
                        assumption.Used.Add(parameter.Parameter.OriginalDefinition);
                        return true;
                    }
                    var arguments = SourceKnownValues.OfParameter(parameter);
                    return arguments != null && arguments.Count > 0 && arguments.All(v => NullOrInMemory(v, streams, depth + 1, assumption));
                case IPropertyReferenceOperation property:
                    if (streams.InMemory(value.Type)) return true;
                    if (property.Property.GetMethod is IMethodSymbol getter && property.Property.ContainingType != null &&
                        NonBlocking.Weaver.Catalog.InMemoryStreamSources.Returns(SymbolCatalog.MetadataName(property.Property.ContainingType), getter.Name))
                        return true;
                    // An auto-property only its own type sets: what it stores there.
                    return AutoPropertyValues(property, v => NullOrInMemory(v, streams, depth + 1, assumption));
                // A value chosen by a conditional (copy ? new MemoryStream() : null, given ?? new MemoryStream()): each
                // side in memory or null, one at least in memory; content?.Write(…): the value tested.
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return EachSide(new[] { conditional.WhenTrue, conditional.WhenFalse }, streams, depth, assumption);
                case ICoalesceOperation coalesce:
                    return EachSide(new[] { coalesce.Value, coalesce.WhenNull }, streams, depth, assumption);
                case IConditionalAccessInstanceOperation instance:
                    for (var up = instance.Parent; up != null; up = up.Parent)
                        if (up is IConditionalAccessOperation access) return Is(access.Operation, streams, depth, assumption);
                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether a stream built by a constructor or factory is built over in-memory streams only: at least one argument
        /// for a Stream-typed parameter, and each such argument in memory or null.
        /// </summary>
        /// <summary>
        /// A static API whose I/O is the streams it is handed (<c>JsonSerializer.Serialize(stream, value)</c>,
        /// <c>JsonDocument.Parse(stream)</c>), each of them in memory: it does none (as the weave's StreamArguments); nor does
        /// an instance method that writes its in-memory receiver into them (<c>XDocument.Save(stream)</c>). Any other
        /// instance method is left alone: its receiver may be the I/O.
        /// </summary>
        public static bool StaticApiOverMemory(IInvocationOperation call, SourceStreamTypes streams) =>
            (call.TargetMethod.IsStatic || call.TargetMethod.ContainingType != null &&
             NonBlocking.Weaver.Catalog.ReceiverWriters.Writes(SymbolCatalog.MetadataName(call.TargetMethod.ContainingType.OriginalDefinition), call.TargetMethod.Name)) &&
            StreamArgumentsInMemory(call.Arguments, streams, 0, null);

        /// <param name="text">
        /// The factory's TextWriter and TextReader parameters count as streams too: <c>XmlWriter.Create(new StringWriter())</c>
        /// writes characters into memory.
        /// </param>
        private static bool StreamArgumentsInMemory(ImmutableArray<IArgumentOperation> arguments, SourceStreamTypes streams, int depth, Assumption? assumption, bool text = false,
            bool carriers = false)
        {
            int found = 0;
            foreach (var argument in arguments)
            {
                if (argument.Parameter == null) continue;
                if (!SourceStreamTypes.IsStream(argument.Parameter.Type) &&
                    !(text && argument.Parameter.Type is INamedTypeSymbol named && NonBlocking.Weaver.Catalog.StreamWrappers.IsTextCarrier(SymbolCatalog.MetadataName(named))) &&
                    !(carriers && streams.IsCarrier(argument.Parameter.Type))) continue;
                var value = argument.Value;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                if (value.ConstantValue.HasValue && value.ConstantValue.Value == null) continue;
                if (!Is(value, streams, depth + 1, assumption)) return false;
                found++;
            }
            return found > 0;
        }

        private static bool EachSide(IOperation[] sides, SourceStreamTypes streams, int depth, Assumption? assumption)
        {
            bool any = false;
            foreach (var side in sides)
            {
                var value = side;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                if (value.ConstantValue.HasValue && value.ConstantValue.Value == null) continue;
                // No step of its own: the IL pushes either side where the conditional stands.
                if (!Is(value, streams, depth, assumption)) return false;
                any = true;
            }
            return any;
        }

        private static bool IsNull(IOperation value)
        {
            while (value is IConversionOperation conversion) value = conversion.Operand;
            return value.ConstantValue.HasValue && value.ConstantValue.Value == null;
        }

        private static bool NullOrInMemory(IOperation value, SourceStreamTypes streams, int depth, Assumption? assumption) =>
            value.ConstantValue.HasValue && value.ConstantValue.Value == null || Is(value, streams, depth, assumption);

        /// <summary>
        /// Whether a private field is assigned at least one value and only values that pass <paramref name="known"/> (its
        /// initializer first, which settles most fields without reading further), when its type is declared in this
        /// one file, so that the file shows every write. False when a write is one <see cref="SourceKnownValues.Written"/> cannot follow.
        /// </summary>
        private static bool PrivateFieldValues(IFieldReferenceOperation reference, System.Func<IOperation, bool> known)
        {
            var field = reference.Field;
            if (field.DeclaredAccessibility != Accessibility.Private || field.IsImplicitlyDeclared) return false;
            var initializers = field.DeclaringSyntaxReferences.Select(d => (d.GetSyntax() as VariableDeclaratorSyntax)?.Initializer?.Value);
            return StoredValues(reference, field, initializers, use => use is IFieldReferenceOperation f ? f.Field : null, known);
        }

        /// <summary>
        /// Whether every value stored into an auto-property (its initializer, and each assignment in its type's one file)
        /// is known, when only its own type can set it (no setter, or a private one).
        /// </summary>
        private static bool AutoPropertyValues(IPropertyReferenceOperation reference, System.Func<IOperation, bool> known)
        {
            var property = reference.Property;
            if (property.IsIndexer || property.IsVirtual || property.IsAbstract || property.IsOverride ||
                property.SetMethod != null && property.SetMethod.DeclaredAccessibility != Accessibility.Private) return false;
            if (!property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property)))
                return false;
            var initializers = property.DeclaringSyntaxReferences.Select(d => (d.GetSyntax() as PropertyDeclarationSyntax)?.Initializer?.Value);
            return StoredValues(reference, property, initializers, use => use is IPropertyReferenceOperation p ? p.Property : null, known);
        }

        /// <summary>
        /// The shared reading of a member only its own type's one file writes: at least one value, every initializer and
        /// every stored value known; false when a write is one <see cref="SourceKnownValues.Written"/> cannot follow.
        /// </summary>
        private static bool StoredValues(IOperation reference, ISymbol member, IEnumerable<ExpressionSyntax?> initializers,
            System.Func<IOperation, ISymbol?> memberOf, System.Func<IOperation, bool> known)
        {
            var model = reference.SemanticModel;
            var declarations = model == null ? null : SourceKnownValues.DeclaredIn(member.ContainingType, reference.Syntax.SyntaxTree);
            if (model == null || declarations == null) return false;
            int values = 0;
            foreach (var initializer in initializers)
            {
                if (initializer == null) continue;
                if (!(model.GetOperation(initializer) is { } initial) || !known(initial)) return false;
                values++;
            }
            foreach (var name in SourceKnownValues.Names(declarations, member.Name))
            {
                var node = SourceKnownValues.Reference(name);
                if (!(model.GetOperation(node) is { } use) || !SymbolEqualityComparer.Default.Equals(memberOf(use), member)) continue;
                if (!SourceKnownValues.Written(use, node, out var value)) return false;
                if (value == null) continue;
                if (!known(value)) return false;
                values++;
            }
            return values > 0;
        }

        /// <summary>
        /// Every value assigned to a local: its initializer (or, for <c>x is T t</c>, the tested value) and each later plain
        /// assignment; null where a write is anything else (ref, out, compound) or the local is declared another way.
        /// </summary>
        private static List<IOperation>? AssignedValues(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            var model = reference.SemanticModel;
            if (model == null || local.DeclaringSyntaxReferences.Length != 1) return null;
            var declared = local.DeclaringSyntaxReferences[0].GetSyntax();
            var values = new List<IOperation>();
            if (declared is VariableDeclaratorSyntax declarator)
            {
                if (declarator.Initializer != null)
                {
                    if (!(model.GetOperation(declarator.Initializer.Value) is IOperation initial)) return null;
                    values.Add(initial);
                }
            }
            // stream is ICancellableStream cancellable: the same object, cast.
            else if (declared is SingleVariableDesignationSyntax && declared.Parent is DeclarationPatternSyntax pattern &&
                     pattern.Parent is IsPatternExpressionSyntax test && model.GetOperation(test.Expression) is IOperation tested)
                values.Add(tested);
            else return null;
            var scope = declared.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax ||
                                                                   a is AnonymousFunctionExpressionSyntax || a is AccessorDeclarationSyntax);
            if (scope == null) return null;
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
                if (name.Identifier.ValueText == local.Name && model.GetOperation(name) is ILocalReferenceOperation use &&
                    SymbolEqualityComparer.Default.Equals(use.Local, local))
                {
                    if (!SourceKnownValues.Written(use, name, out var value)) return null;
                    if (value != null) values.Add(value);
                }
            return values;
        }
    }
}
