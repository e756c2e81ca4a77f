using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Which stream types are in memory, as the engine's StreamTypes reads them from IL: the catalog's (MemoryStream, the
    /// project's not-blocking entries), and stream types declared in this compilation whose code shows it. Such a type
    /// is <i>self-contained</i> when its methods (and the compilation's methods they call) reach no blocking call and
    /// touch no other stream; it only <i>wraps</i> when the one thing it does besides is read or write streams it is
    /// handed, so that one built over in-memory streams is in memory too.
    /// </summary>
    /// <remarks>
    /// Reading another type's methods needs their semantic models, which the operation being analysed does not carry:
    /// they are asked for once per stream type, and only when a catalogued call's receiver is one of this compilation's
    /// stream types (none, in most projects).
    /// </remarks>
    internal sealed partial class SourceStreamTypes
    {
        private const int MaxMethods = 200;

        private enum Kind { Blocks, Wraps, SelfContained }

        private readonly Compilation? _compilation;
        private readonly SymbolCatalog _catalog;
        private readonly Dictionary<INamedTypeSymbol, Kind> _kinds = new Dictionary<INamedTypeSymbol, Kind>(SymbolEqualityComparer.Default);
        private readonly SourceDispatch? _dispatch;

        /// <param name="dispatch">Which source methods a virtual call runs, as the paths follow it (null with no compilation).</param>
        public SourceStreamTypes(Compilation? compilation, SymbolCatalog catalog, SourceDispatch? dispatch)
        {
            _compilation = compilation;
            _catalog = catalog;
            _dispatch = dispatch;
        }

        /// <summary>The catalog's types alone: nothing inferred.</summary>
        public SourceStreamTypes Plain() => new SourceStreamTypes(null, _catalog, null);

        /// <summary>Whether every instance of the type stays in memory, its subclasses' too.</summary>
        public bool InMemory(ITypeSymbol? type) =>
            _catalog.InMemoryType(type) || type is INamedTypeSymbol named && DeclaredHere(named) && KindOf(named) == Kind.SelfContained;

        /// <summary>Whether an instance of exactly this type (a new object) stays in memory.</summary>
        public bool InMemoryExactly(ITypeSymbol? type) =>
            _catalog.InMemoryType(type) || type is INamedTypeSymbol named && DeclaredHere(named) && Own(named) == Kind.SelfContained;

        /// <summary>
        /// Whether a new instance of the type built over streams reads and writes only those: a stream type of another
        /// assembly is taken at its word, one of this compilation must show it.
        /// </summary>
        public bool OnlyWraps(ITypeSymbol? type) =>
            IsStream(type) ? !(type is INamedTypeSymbol named) || !DeclaredHere(named) || Own(named) != Kind.Blocks
                // This compilation's subclass of a catalogued wrapper (class AttributeWriter : BinaryWriter) wraps as its base does;
                // a class of its own that holds what it is handed (SourceStreamHolders) wraps that.
                : type is INamedTypeSymbol writer && DeclaredHere(writer) && (DerivesFromWrapper(writer) || Held(writer) != null) && Own(writer) != Kind.Blocks;

        /// <summary>Whether the type derives, through this compilation's types, from a catalogued wrapper of another assembly (BinaryWriter, StreamReader…).</summary>
        private bool DerivesFromWrapper(INamedTypeSymbol type)
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
                if (!DeclaredHere(t)) return IsWrapper(t);
            return false;
        }

        private static bool IsWrapper(INamedTypeSymbol type) =>
            NonBlocking.Weaver.Catalog.StreamWrappers.Types.Contains(SymbolCatalog.MetadataName(type.OriginalDefinition));

        /// <summary>Whether the type is System.IO.Stream or derives from it.</summary>
        public static bool IsStream(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
                if (t.Name == "Stream" && Namespaces.Is(t.ContainingNamespace, "System.IO")) return true;
            return false;
        }

        /// <summary>Whether a parameter of this type can carry an in-memory stream down a call path: a Stream, or a writer or reader over one.</summary>
        public static bool CarriesStream(ITypeSymbol? type) =>
            IsStream(type) || type is INamedTypeSymbol named && NonBlocking.Weaver.Catalog.StreamWrappers.CarriesStream(SymbolCatalog.MetadataName(named.OriginalDefinition));

        /// <summary>Declared in this compilation's source (its code is there to read).</summary>
        public bool DeclaredHere(ITypeSymbol type) =>
            _compilation != null && !type.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty &&
            SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

        /// <summary>
        /// What every body of this compilation a call may run returns (the engine's Receivers.OwnReturnsInMemory): the
        /// method itself and, for a virtual call, the implementations related to the receiver's declared type (it, its
        /// subtypes, its bases); null where one is not in sight.
        /// </summary>
        public List<IOperation>? ReturnedBy(IInvocationOperation call)
        {
            if (_compilation == null || _dispatch == null) return null;
            var target = call.TargetMethod.OriginalDefinition;
            var bodies = new List<IMethodSymbol>();
            if (!target.IsAbstract) bodies.Add(target);
            if (call.IsVirtual && (target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType.TypeKind == TypeKind.Interface))
            {
                var receiver = call.Instance;
                while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
                var declared = receiver?.Type as INamedTypeSymbol;
                foreach (var implementation in _dispatch.Implementations(target))
                    if (!bodies.Contains(implementation, SymbolEqualityComparer.Default) &&
                        (declared == null || Related(implementation.ContainingType, declared))) bodies.Add(implementation);
            }
            if (bodies.Count == 0) return null;
            var values = new List<IOperation>();
            foreach (var body in bodies)
            {
                var returned = ReturnedValues.Of(body, _compilation);
                if (returned == null) return null;
                values.AddRange(returned);
            }
            return values;
        }

        private static bool Related(INamedTypeSymbol a, INamedTypeSymbol b) => Derives(a, b) || Derives(b, a);

        private static bool Derives(INamedTypeSymbol type, INamedTypeSymbol ancestor)
        {
            ancestor = ancestor.OriginalDefinition;
            for (INamedTypeSymbol? t = type.OriginalDefinition; t != null; t = t.BaseType?.OriginalDefinition)
                if (SymbolEqualityComparer.Default.Equals(t, ancestor)) return true;
            return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, ancestor));
        }

        /// <summary>The type's own kind, and no better than any subclass of it here: a receiver typed as the base may be the subclass.</summary>
        private Kind KindOf(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            var kind = Own(type);
            if (kind != Kind.SelfContained) return kind;
            foreach (var other in _dispatch!.SourceTypes())
                if (!SymbolEqualityComparer.Default.Equals(other, type) && DerivesFrom(other, type) && Own(other) != Kind.SelfContained) return Kind.Wraps;
            return kind;
        }

        private Kind Own(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            lock (_kinds)
            {
                if (_kinds.TryGetValue(type, out var kind)) return kind;
                return _kinds[type] = Classify(type);
            }
        }

        private bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
        {
            for (var t = type.BaseType; t != null && DeclaredHere(t); t = t.BaseType)
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, ancestor)) return true;
            return false;
        }

        /// <summary>Reads the type, its bases in this compilation up to Stream (or a type that never blocks), and the compilation's methods they call.</summary>
        private Kind Classify(INamedTypeSymbol type)
        {
            var chain = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            bool wrapper = false;
            // A class of its own holding what its constructor is handed: calls on those fields are what it wraps.
            var held = IsStream(type) ? null : Held(type);
            for (var t = type; ; )
            {
                chain.Add(t);
                var baseType = t.BaseType;
                if (baseType == null) return Kind.Blocks;
                if (baseType.Name == "Stream" && Namespaces.Is(baseType.ContainingNamespace, "System.IO")) break;
                if (held != null && baseType.SpecialType == SpecialType.System_Object) { wrapper = true; break; }
                // A subclass of a type that never blocks (MSAL's StringWriterWithEncoding, a pooled MemoryStream): the
                // base stays in memory whatever it is asked, so the subclass is what its own code shows.
                if (!DeclaredHere(baseType))
                {
                    if (_catalog.InMemoryType(baseType)) break;
                    // A catalogued wrapper: the subclass reads or writes the stream it is handed through its base.
                    if (IsWrapper(baseType)) { wrapper = true; break; }
                    return Kind.Blocks; // FileStream, or a stream of another assembly
                }
                t = baseType.OriginalDefinition;
            }
            var pending = new Queue<SyntaxNode>();
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            // The async overrides (ReadAsync…) run when awaited, not inside a sync Read or Write: a sync method that
            // waits on one calls a catalogued wait, which is read below. Field initialisers run in the constructors.
            foreach (var t in chain)
                foreach (var member in t.GetMembers())
                {
                    if (member is IMethodSymbol m && Awaitables.Is(m.ReturnType)) continue;
                    if (!(member is IMethodSymbol || member is IFieldSymbol || member is IPropertySymbol)) continue;
                    if (!seen.Add(member)) continue;
                    foreach (var reference in member.DeclaringSyntaxReferences) pending.Enqueue(reference.GetSyntax());
                }
            var plain = Plain();
            bool touchesStreams = false;
            while (pending.Count > 0)
            {
                if (seen.Count > MaxMethods) return Kind.Blocks;
                var node = pending.Dequeue();
#pragma warning disable RS1030 // another type's code, read once per stream type and only when one is a catalogued call's receiver
                var model = _compilation!.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                var root = Body(node, model);
                if (root == null) continue;
                foreach (var operation in root.DescendantsAndSelf())
                {
                    IMethodSymbol? target;
                    IOperation? instance = null;
                    bool creation = false, isVirtual = false;
                    switch (operation)
                    {
                        case IInvocationOperation call:
                            target = call.TargetMethod;
                            instance = call.Instance;
                            isVirtual = call.IsVirtual;
                            if (target.MethodKind == MethodKind.DelegateInvoke) return Kind.Blocks;
                            break;
                        case IObjectCreationOperation created:
                            target = created.Constructor;
                            creation = true;
                            break;
                        case IPropertyReferenceOperation property:
                            target = property.Parent is IAssignmentOperation assignment && assignment.Target == property ? property.Property.SetMethod : property.Property.GetMethod;
                            instance = property.Instance;
                            isVirtual = instance != null && !(instance.Syntax is BaseExpressionSyntax);
                            break;
                        case IFunctionPointerInvocationOperation _:
                        case IDynamicInvocationOperation _:
                        case IDynamicMemberReferenceOperation _:
                            return Kind.Blocks;
                        default:
                            continue;
                    }
                    if (target == null) continue;
                    if (held != null && !creation && OnHeld(instance, held)) { touchesStreams = true; continue; }
                    bool onThis = OnThis(instance, chain);
                    if (creation)
                    {
                        // A stream it opens itself (a log file) is not one it is handed.
                        if (IsStream(target.ContainingType) && !plain.InMemory(target.ContainingType) && !chain.Contains(target.ContainingType.OriginalDefinition))
                            return Kind.Blocks;
                    }
                    else if (IsStream(target.ReturnType) && !onThis) return Kind.Blocks;
                    var match = _catalog.Match(target, _compilation);
                    // A LINQ operator over a sequence in memory (Enumerable.Repeat(…).ToArray() in a static constructor) is no query.
                    if (match != null && match.Queryable && !OverQuery(operation)) match = null;
                    if (match != null)
                    {
                        if (onThis || instance != null && !match.SyncOverAsync && InMemoryOperands.Is(instance, plain) &&
                            (target.Name != "CopyTo" || operation is IInvocationOperation copy && copy.Arguments.Length > 0 && InMemoryOperands.Is(copy.Arguments[0].Value, plain)))
                            continue;
                        if (!match.SyncOverAsync && !creation && IsStream(target.ContainingType)) { touchesStreams = true; continue; }
                        return Kind.Blocks;
                    }
                    var declaring = target.ContainingType?.OriginalDefinition;
                    if (declaring == null || !DeclaredHere(declaring)) continue;
                    // The type's own methods are all read already, but native code (a P/Invoke) has nothing to read.
                    if (chain.Contains(declaring)) { if (target.IsExtern) return Kind.Blocks; continue; }
                    // A stream's own interface (MimeKit's ICancellableStream.Read) is another stream's Read.
                    if (declaring.TypeKind == TypeKind.Interface && StreamsOnly(declaring)) { touchesStreams = true; continue; }
                    var callee = target.OriginalDefinition;
                    // Native code (a P/Invoke, an internal call) may do anything.
                    if (callee.IsExtern) return Kind.Blocks;
                    // A virtual or interface call lands in the target or an override of it in this compilation (MimeKit's
                    // FilteredStream calls IMimeFilter.Filter of its 30 filters): each is read, as the paths follow each.
                    if (isVirtual && (callee.IsVirtual || callee.IsOverride || callee.IsAbstract) && !callee.IsSealed && !declaring.IsSealed)
                    {
                        var implementations = _dispatch!.Implementations(callee).ToList();
                        // Declared here and implemented only elsewhere (a callback the user supplies): anything may run.
                        if (implementations.Count == 0 && callee.IsAbstract) return Kind.Blocks;
                        foreach (var implementation in implementations.Select(m => m.OriginalDefinition))
                            if (seen.Add(implementation))
                                foreach (var reference in implementation.DeclaringSyntaxReferences) pending.Enqueue(reference.GetSyntax());
                    }
                    if (callee.IsAbstract || !seen.Add(callee)) continue;
                    foreach (var reference in callee.DeclaringSyntaxReferences) pending.Enqueue(reference.GetSyntax());
                }
            }
            return touchesStreams || wrapper ? Kind.Wraps : Kind.SelfContained;
        }

        /// <summary>Whether a LINQ operator's source is an <c>IQueryable</c> (the engine's QueryableSources.IsQuery, without its EF Core reference check).</summary>
        private static bool OverQuery(IOperation operation)
        {
            if (!(operation is IInvocationOperation call) || call.Arguments.Length == 0) return false;
            var source = call.Arguments[0].Value;
            while (source is IConversionOperation conversion) source = conversion.Operand;
            return source.Type is INamedTypeSymbol type && (IsQueryable(type) || type.AllInterfaces.Any(IsQueryable));
        }

        private static bool IsQueryable(INamedTypeSymbol type) =>
            (type.Name == "IQueryable" || type.Name == "IOrderedQueryable") && Namespaces.Is(type.ContainingNamespace, "System.Linq");

        /// <summary>The operation of a member's declaration: a method's or accessor's body, a field's initialiser.</summary>
        private static IOperation? Body(SyntaxNode node, SemanticModel model)
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Initializer == null ? null : model.GetOperation(declarator.Initializer);
                case PropertyDeclarationSyntax property:
                    // Its accessors are members of their own; only an initialiser belongs to the property.
                    return property.Initializer == null ? null : model.GetOperation(property.Initializer);
                default:
                    return model.GetOperation(node);
            }
        }

        /// <summary>A call on the stream itself (<c>Write</c> from <c>WriteByte</c>, <c>base.Dispose</c>): no other stream.</summary>
        private static bool OnThis(IOperation? instance, HashSet<INamedTypeSymbol> chain)
        {
            while (instance is IConversionOperation conversion) instance = conversion.Operand;
            return instance is IInstanceReferenceOperation self && self.Type is INamedTypeSymbol type && chain.Contains(type.OriginalDefinition);
        }

        /// <summary>Whether the compilation's types that implement <paramref name="contract"/> (one at least) are all streams.</summary>
        private bool StreamsOnly(INamedTypeSymbol contract)
        {
            int found = 0;
            foreach (var type in _dispatch!.SourceTypes())
            {
                if (type.TypeKind == TypeKind.Interface || !type.Interfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, contract))) continue;
                if (!IsStream(type)) return false;
                found++;
            }
            return found > 0;
        }
    }
}
