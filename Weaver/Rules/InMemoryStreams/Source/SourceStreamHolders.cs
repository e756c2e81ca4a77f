using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A class of this compilation, not a stream, that holds what its constructor is handed (the engine's StreamHolders):
    /// a stream, a catalogued writer or reader (or one it builds over the stream), or another such holder, in a field
    /// only its constructors store, and that does nothing else that blocks — built over in-memory objects, it is in
    /// memory too. A call on a held field is what such a class does with what it holds: <see cref="Classify"/> does not
    /// read past it.
    /// </summary>
    internal sealed partial class SourceStreamTypes
    {
        private readonly Dictionary<INamedTypeSymbol, HashSet<IFieldSymbol>?> _held = new Dictionary<INamedTypeSymbol, HashSet<IFieldSymbol>?>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, bool> _carrierInterfaces = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>The fields of a plain class (its base is object) that hold what its constructors are handed; null when it holds none.</summary>
        private HashSet<IFieldSymbol>? Held(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            lock (_kinds)
            {
                if (_held.TryGetValue(type, out var known)) return known;
                _held[type] = null; // while in progress: a class that holds itself holds nothing
                if (_compilation == null || type.TypeKind != TypeKind.Class || type.BaseType?.SpecialType != SpecialType.System_Object || IsStream(type) ||
                    !DeclaredHere(type)) return null;
                HashSet<IFieldSymbol>? held = null;
                foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
                {
                    if (field.IsStatic || field.IsImplicitlyDeclared || !(field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly) ||
                        !IsCarrier(field.Type)) continue;
                    if (OnlyHanded(type, field)) (held ??= new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default)).Add(field);
                }
                return _held[type] = held;
            }
        }

        /// <summary>Whether every write of the field, one at least, is in a constructor of the type and stores a carrier parameter of it (or a catalogued writer built over one).</summary>
        private bool OnlyHanded(INamedTypeSymbol type, IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is VariableDeclaratorSyntax { Initializer: not null })) return false;
            int writes = 0;
            foreach (var declaration in type.DeclaringSyntaxReferences)
            {
#pragma warning disable RS1030 // the type's own code, read once per class that may hold a stream
                var model = _compilation!.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                foreach (var name in SourceKnownValues.Names(new[] { declaration }, field.Name))
                {
                    var node = SourceKnownValues.Reference(name);
                    if (!(model.GetOperation(node) is IFieldReferenceOperation use) || !SymbolEqualityComparer.Default.Equals(use.Field.OriginalDefinition, field)) continue;
                    if (!SourceKnownValues.Written(use, node, out var value)) return false;
                    if (value == null) continue;
                    var constructor = node.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
                    if (constructor == null || !(model.GetDeclaredSymbol(constructor) is IMethodSymbol built) ||
                        !SymbolEqualityComparer.Default.Equals(built.ContainingType.OriginalDefinition, type) || !Handed(value, built)) return false;
                    writes++;
                }
            }
            return writes > 0;
        }

        private bool Handed(IOperation value, IMethodSymbol constructor)
        {
            while (value is IConversionOperation conversion) value = conversion.Operand;
            if (value is IObjectCreationOperation creation && creation.Type is INamedTypeSymbol created &&
                NonBlocking.Weaver.Catalog.StreamWrappers.Types.Contains(SymbolCatalog.MetadataName(created.OriginalDefinition)) && creation.Arguments.Length > 0)
            {
                value = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value ?? value;
                while (value is IConversionOperation inner) value = inner.Operand;
            }
            return value is IParameterReferenceOperation parameter &&
                   SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, constructor) && IsCarrier(parameter.Parameter.Type);
        }

        /// <summary>
        /// Whether a value of this type can carry an in-memory stream into an object: a stream, a catalogued writer or
        /// reader, a text reader or writer, or a holder (<see cref="IsHolder"/>).
        /// </summary>
        public bool IsCarrier(ITypeSymbol? type) =>
            CarriesStream(type) ||
            type is INamedTypeSymbol named && NonBlocking.Weaver.Catalog.StreamWrappers.IsTextCarrier(SymbolCatalog.MetadataName(named.OriginalDefinition)) ||
            IsHolder(type);

        /// <summary>Whether the type is a class of this compilation that holds a carrier, or an interface of it one implements (or a stream does).</summary>
        public bool IsHolder(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named) || !DeclaredHere(named)) return false;
            named = named.OriginalDefinition;
            if (named.TypeKind != TypeKind.Interface) return Held(named) != null;
            lock (_kinds)
            {
                if (_carrierInterfaces.TryGetValue(named, out bool carries)) return carries;
                _carrierInterfaces[named] = false;
                carries = _dispatch != null && _dispatch.SourceTypes().Any(t => t.TypeKind != TypeKind.Interface &&
                    t.Interfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, named)) && (IsStream(t) || Held(t) != null));
                return _carrierInterfaces[named] = carries;
            }
        }

        /// <summary>Whether a call is made on a held field of the class's own object (<c>_stream.Flush()</c>).</summary>
        private static bool OnHeld(IOperation? instance, HashSet<IFieldSymbol> held)
        {
            while (instance is IConversionOperation conversion) instance = conversion.Operand;
            return instance is IFieldReferenceOperation field && field.Instance is IInstanceReferenceOperation && held.Contains(field.Field.OriginalDefinition);
        }
    }
}
