using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The source methods a call may run, by the engine's dispatch rule: a virtual or interface call runs the override
    /// the receiver's static type has (its own or the nearest base's) or one in a subtype of it; a sealed receiver has
    /// no subtypes. An unknown receiver (a type parameter) may run any implementation in source.
    /// </summary>
    internal sealed class SourceDispatch
    {
        private readonly System.Lazy<List<INamedTypeSymbol>> _types;
        private readonly SourceReceiverTypes _receiverTypes;

        private readonly Compilation _compilation;

        public SourceDispatch(Compilation compilation)
        {
            _compilation = compilation;
            _types = new System.Lazy<List<INamedTypeSymbol>>(() => TypesOf(compilation));
            _receiverTypes = new SourceReceiverTypes(compilation, Implementations);
            _instances = new System.Lazy<SourceInstances>(() => new SourceInstances(compilation, SourceTypes()));
        }

        private readonly System.Lazy<SourceInstances> _instances;

        /// <summary>Every method in source that runs for <paramref name="method"/> in some type: its overrides and implementations (and itself, unless abstract).</summary>
        public IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method) => SourceTypes().SelectMany(type => ImplementationsIn(type, method));

        /// <summary>
        /// The methods a call may run; for a virtual call whose receiver the path knows more of (<paramref name="known"/>:
        /// the types it is one of or derives from), only the implementations those allow.
        /// </summary>
        /// <param name="closed">The call's target with the caller's type arguments read in, where the path knows them
        /// (<c>IApplicable&lt;TA&gt;.Apply</c> as <c>IApplicable&lt;DataConnection&gt;.Apply</c>); null: the call's own.</param>
        public IEnumerable<IMethodSymbol> Targets(HelperPaths.Call call, List<ITypeSymbol>? known = null, IMethodSymbol? closed = null)
        {
            var target = closed ?? call.Target;
            if (!call.IsVirtual || !(target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType.TypeKind == TypeKind.Interface))
                return new[] { target.PartialImplementationPart ?? target };
            var receiver = call.Receiver as INamedTypeSymbol;
            var targets = ForReceiver(receiver, call, target, call.OnThis);
            // Where the object comes from may allow fewer than its declared type (a parameter typed as the interface whose
            // callers all hand one implementation), and so may what the path knows of it: only what both allow runs (the
            // engine's CallGraph does the same).
            var sources = known ?? (targets.Count > 1 && call.ReceiverValue != null ? _receiverTypes.Of(call.ReceiverValue) : null);
            if (targets.Count > 1 && sources != null && !sources.Any(s => SymbolEqualityComparer.Default.Equals(s, receiver)))
            {
                var allowed = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
                foreach (var source in sources)
                    if (source is INamedTypeSymbol named) allowed.UnionWith(ForReceiver(named, call, target, onThis: false));
                targets = targets.Where(allowed.Contains).ToList();
            }
            // Only implementations of types that can have instances run (the engine's Instances).
            if (targets.Count > 1) targets = targets.Where(t => _instances.Value.Possible(t.ContainingType)).ToList();
            return targets;
        }

        /// <summary>The types a value can have, from where it comes from (<see cref="SourceReceiverTypes"/>); null where not known.</summary>
        public List<ITypeSymbol>? SourcesOf(IOperation value) => _receiverTypes.Of(value);

        /// <summary>
        /// Whether knowing an object is one of <paramref name="types"/> (or derives from one) says more than its declared
        /// type: each is declared in source, and below <paramref name="declared"/> (the engine's CallGraph.Narrows).
        /// </summary>
        public bool Narrows(List<ITypeSymbol> types, INamedTypeSymbol declared)
        {
            if (types.Count == 0 || types.Count > MaxTypes) return false;
            foreach (var type in types)
                if (!(type is INamedTypeSymbol named) || named.DeclaringSyntaxReferences.IsEmpty ||
                    SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, declared.OriginalDefinition) || !DerivesFrom(named, declared)) return false;
            return true;
        }

        /// <summary>
        /// Whether an object known to be <paramref name="type"/> or derived from it is narrower than <paramref name="declared"/>:
        /// a type below it (below <c>System.Object</c>, any other type), from any assembly (the engine's CallGraph.Bounds).
        /// </summary>
        public static bool Bounds(ITypeSymbol type, INamedTypeSymbol declared) =>
            type is INamedTypeSymbol named && !SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, declared.OriginalDefinition) &&
            (named.TypeKind == TypeKind.Class || named.TypeKind == TypeKind.Interface) &&
            (declared.SpecialType == SpecialType.System_Object || DerivesFrom(named, declared));

        /// <summary>
        /// Whether a type of the compilation derives from or implements <paramref name="type"/> (System.Object aside): only
        /// then can knowing more of an object typed as it narrow a dispatch (the engine's CallGraph.HasSubtypesHere).
        /// </summary>
        public bool HasSubtypesInSource(INamedTypeSymbol type) =>
            type.SpecialType != SpecialType.System_Object && _extended.GetOrAdd(type.OriginalDefinition,
                t => SourceTypes().Any(s => !SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, t) && DerivesFrom(s, (INamedTypeSymbol)t)));

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> _extended =
            new System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>The most types one object may be said to have (the engine's ArgumentTypes.MaxTypes).</summary>
        private const int MaxTypes = 4;

        /// <summary>The implementations an object of <paramref name="receiver"/> or a type derived from it may run; all in source where it is unknown.</summary>
        private List<IMethodSymbol> ForReceiver(INamedTypeSymbol? receiver, HelperPaths.Call call, IMethodSymbol target, bool onThis)
        {
            var targets = new List<IMethodSymbol>();
            if (receiver != null && receiver.TypeKind != TypeKind.Interface)
                for (INamedTypeSymbol? type = receiver; type != null; type = type.BaseType)
                {
                    var own = ImplementationsIn(type, target);
                    if (own.Count > 0) { targets.AddRange(own); break; }
                }
            foreach (var type in SourceTypes())
            {
                if (receiver != null && (SymbolEqualityComparer.Default.Equals(type, receiver) || !DerivesFrom(type, receiver))) continue;
                if (onThis && receiver != null && ReplacedBelow(call.Caller, type, receiver)) continue;
                targets.AddRange(ImplementationsIn(type, target));
            }
            return targets;
        }

        /// <summary>
        /// Whether an object of <paramref name="type"/> never runs <paramref name="caller"/>'s body: a class between it and
        /// <paramref name="declaring"/> (itself included) overrides the caller without calling the base (the engine's
        /// CallGraph.ReplacedBelow).
        /// </summary>
        private bool ReplacedBelow(IMethodSymbol caller, INamedTypeSymbol type, INamedTypeSymbol declaring)
        {
            if (!(caller.IsVirtual || caller.IsOverride || caller.IsAbstract)) return false;
            for (INamedTypeSymbol? t = type; t != null && !SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, declaring.OriginalDefinition); t = t.BaseType)
            {
                var replacement = Implementation(t, caller);
                if (replacement != null && !SymbolEqualityComparer.Default.Equals(replacement.OriginalDefinition, caller.OriginalDefinition))
                    return !CallsBase(replacement, caller);
            }
            return false;
        }

        /// <summary>Whether an override calls the base in code that can run (not only for subclasses, <see cref="SourceExactTypeTests"/>).</summary>
        private bool CallsBase(IMethodSymbol replacement, IMethodSymbol caller) =>
            replacement.DeclaringSyntaxReferences.Any(r => r.GetSyntax().DescendantNodes()
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax>()
                .Any(m => m.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax && m.Name.Identifier.ValueText == caller.Name &&
                          !SourceExactTypeTests.OnlySubclassesRun(m, _compilation.GetSemanticModel(m.SyntaxTree), HasSubtypesInSource)));

        /// <summary>The member <paramref name="type"/> itself declares that runs for <paramref name="target"/>, if any.</summary>
        private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol target) => ImplementationsIn(type, target).FirstOrDefault();

        /// <summary>
        /// The members <paramref name="type"/> itself declares that may run for <paramref name="target"/>: one, except for
        /// a call on an interface instantiated with a type parameter, which each of the type's own instantiations of that
        /// interface may serve (ConnectionOptions implements IApplicable&lt;DataConnection&gt; and
        /// IApplicable&lt;RemoteDataContextBase&gt;, each with its own Apply: a call on IApplicable&lt;TA&gt; may run either).
        /// </summary>
        private static IReadOnlyList<IMethodSymbol> ImplementationsIn(INamedTypeSymbol type, IMethodSymbol target)
        {
            // Asked of every type in source for every virtual call: most declare nothing, and get no list.
            var original = target.OriginalDefinition;
            if (original.ContainingType.TypeKind != TypeKind.Interface)
                return ClassImplementation(type, target) is IMethodSymbol single ? new[] { single } : None;
            if (type.FindImplementationForInterfaceMember(target) is IMethodSymbol impl)
                return Declares(type, impl) ? new[] { impl } : None;
            List<IMethodSymbol>? found = null;
            // A generic type implements the interface with its own type parameters (TaskFormatter<T> :
            // IFormatter<Task<T>>): it may serve a call on IFormatter<Task<int>>, not one on IFormatter<string>.
            if (target.ContainingType is INamedTypeSymbol called)
                foreach (var candidate in type.AllInterfaces)
                    if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, called.OriginalDefinition) && Unify(candidate, called) &&
                        candidate.GetMembers(target.Name).OfType<IMethodSymbol>().FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, original)) is IMethodSymbol member &&
                        type.FindImplementationForInterfaceMember(member) is IMethodSymbol serving && Declares(type, serving) &&
                        !(found ??= new List<IMethodSymbol>()).Contains(serving, SymbolEqualityComparer.Default))
                        found.Add(serving);
            return found ?? (IReadOnlyList<IMethodSymbol>)None;
        }

        private static readonly IMethodSymbol[] None = new IMethodSymbol[0];

        /// <summary>Whether the implementation is the type's own member (not one it inherits).</summary>
        private static bool Declares(INamedTypeSymbol type, IMethodSymbol implementation) =>
            SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type.OriginalDefinition);

        /// <summary>The type's own member that a virtual call of <paramref name="target"/> runs (the target itself where the type declares it); null when it declares none.</summary>
        public static IMethodSymbol? ClassImplementation(INamedTypeSymbol type, IMethodSymbol target)
        {
            var original = target.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, original.ContainingType)) return original.IsAbstract ? null : original;
            foreach (var member in type.GetMembers(target.Name).OfType<IMethodSymbol>())
                for (var o = member.OverriddenMethod; o != null; o = o.OverriddenMethod)
                    if (SymbolEqualityComparer.Default.Equals(o.OriginalDefinition, original)) return member;
            return null;
        }

        /// <summary>Whether two types can be one instantiation: a type parameter on either side matches anything.</summary>
        private static bool Unify(ITypeSymbol a, ITypeSymbol b)
        {
            if (a is ITypeParameterSymbol || b is ITypeParameterSymbol) return true;
            if (a is IArrayTypeSymbol arrayA && b is IArrayTypeSymbol arrayB) return arrayA.Rank == arrayB.Rank && Unify(arrayA.ElementType, arrayB.ElementType);
            if (a is INamedTypeSymbol namedA && b is INamedTypeSymbol namedB && namedA.IsGenericType && namedB.IsGenericType)
                return SymbolEqualityComparer.Default.Equals(namedA.OriginalDefinition, namedB.OriginalDefinition) &&
                       namedA.TypeArguments.Zip(namedB.TypeArguments, Unify).All(x => x);
            return SymbolEqualityComparer.Default.Equals(a, b);
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol receiver)
        {
            var r = receiver.OriginalDefinition;
            if (receiver.TypeKind == TypeKind.Interface) return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, r));
            for (var b = type.BaseType; b != null; b = b.BaseType)
                if (SymbolEqualityComparer.Default.Equals(b.OriginalDefinition, r)) return true;
            return false;
        }

        /// <summary>Every type declared in the compilation, nested ones too (listed once, when first asked for).</summary>
        public List<INamedTypeSymbol> SourceTypes() => _types.Value;

        private static List<INamedTypeSymbol> TypesOf(Compilation compilation)
        {
            var types = new List<INamedTypeSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns) pending.Push(ns);
                    else if (member is INamedTypeSymbol type) { types.Add(type); pending.Push(type); }
                }
            return types;
        }
    }
}
