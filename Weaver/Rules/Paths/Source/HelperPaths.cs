using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// NB0002 within the compilation. While the operations are analysed, each function in source (method, accessor,
    /// constructor, local function, lambda) records the blocking calls it makes and its calls into source, each with the
    /// flag values it needs to run (<see cref="FlagGuards"/>) and, for calls, the bool values and in-memory streams it
    /// passes (a blocking call on a stream the function is handed is left out on a path that hands it one). When the
    /// compilation ends, each async function is read under the flag values its async-side callers pass (unknown when
    /// nothing calls it; not at all when only sync callers wait on it, as the engine's ContextGraph does), and from each
    /// call it makes into sync code the shortest path to a blocking call is searched breadth first over (method, known
    /// flags), skipping what the known flags rule out.
    /// </summary>
    internal sealed class HelperPaths
    {
        /// <summary>A catalogued blocking call in a sync function.</summary>
        public sealed class Site
        {
            public Site(string api, string alternative, Location location, FlagGuards.Requirement[] guards, IParameterSymbol[] unless, SyntaxNode? syntax = null)
            {
                Api = api; Alternative = alternative; Location = location; Guards = guards; Unless = unless; Syntax = syntax;
            }
            /// <summary>The blocking call's syntax: whether a field a path knows is still default rules it out (<see cref="SourceFreshObjects"/>).</summary>
            public SyntaxNode? Syntax { get; }
            public string Api { get; }
            public string Alternative { get; }
            public Location Location { get; }
            public FlagGuards.Requirement[] Guards { get; }
            /// <summary>Stream parameters that, all passed in-memory streams, make the call's stream in memory (none: it never is).</summary>
            public IParameterSymbol[] Unless { get; }
        }

        /// <summary>What a call passes for one Stream parameter: an in-memory stream, or one if the caller's own parameters are.</summary>
        public readonly struct StreamArgument
        {
            public StreamArgument(int ordinal, IParameterSymbol[] inMemoryIf) { Ordinal = ordinal; InMemoryIf = inMemoryIf; }
            public int Ordinal { get; }
            /// <summary>Empty: in memory whatever the caller is passed.</summary>
            public IParameterSymbol[] InMemoryIf { get; }
        }

        /// <summary>What a call passes for one bool parameter: a constant, the caller's own flag, or nothing known.</summary>
        public readonly struct Argument
        {
            public Argument(int ordinal, bool? constant, IParameterSymbol? flag, string? type = null) { Ordinal = ordinal; Constant = constant; Flag = flag; Type = type; }
            public int Ordinal { get; }
            public bool? Constant { get; }
            public IParameterSymbol? Flag { get; }
            /// <summary>For a Type parameter, the type a <c>typeof</c> passes (its fully qualified name); null otherwise.</summary>
            public string? Type { get; }
        }

        /// <summary>
        /// An object a call hands its callee (its receiver, slot -1, or a reference argument): the caller's <c>this</c>,
        /// a parameter of the caller passed on, or another value, read for where it comes from.
        /// </summary>
        public readonly struct TypedArgument
        {
            public TypedArgument(int slot, IOperation value, IParameterSymbol? from, bool fromThis)
            {
                Slot = slot; Value = value; From = from; FromThis = fromThis;
            }
            public const int This = -1;
            public int Slot { get; }
            public IOperation Value { get; }
            public IParameterSymbol? From { get; }
            public bool FromThis { get; }
        }

        /// <summary>A call from one function into source.</summary>
        public sealed class Call
        {
            public Call(IMethodSymbol caller, IMethodSymbol target, ITypeSymbol? receiver, bool isVirtual, Location location, ISymbol owner,
                FlagGuards.Requirement[] guards, Argument[] arguments, StreamArgument[] streams, IParameterSymbol[] unless, bool suppressed,
                bool onThis = false, IOperation? receiverValue = null, TypedArgument[]? typed = null, SyntaxNode? syntax = null, bool creates = false, bool onOwnObject = false)
            {
                Syntax = syntax; Creates = creates; OnOwnObject = onOwnObject;
                ReceiverValue = receiverValue;
                Typed = typed ?? System.Array.Empty<TypedArgument>();
                Caller = caller; Target = target; Receiver = receiver; IsVirtual = isVirtual; Location = location; Owner = owner;
                Guards = guards; Arguments = arguments; Streams = streams; Unless = unless; Suppressed = suppressed; OnThis = onThis;
            }
            /// <summary>The call is made on <c>this</c>: a subclass that replaces the caller never runs it.</summary>
            public bool OnThis { get; }
            /// <summary>The call's syntax (<see cref="SourceFreshObjects"/>).</summary>
            public SyntaxNode? Syntax { get; }
            /// <summary>A <c>new</c>: the constructor runs on an object whose fields are all default.</summary>
            public bool Creates { get; }
            /// <summary>Made on the caller's own object (<c>this</c>, not an object initializer's new object).</summary>
            public bool OnOwnObject { get; }
            /// <summary>Under <c>#pragma warning disable NB0002</c> in sync code: no path runs through it (<see cref="SourcePragmaSuppressions"/>).</summary>
            public bool Suppressed { get; }
            /// <summary>The in-memory streams it passes.</summary>
            public StreamArgument[] Streams { get; }
            /// <summary>For a call on a stream: the caller's Stream parameters that, all in memory, make it one (not followed then).</summary>
            public IParameterSymbol[] Unless { get; }
            public IMethodSymbol Caller { get; }
            public IMethodSymbol Target { get; }
            public ITypeSymbol? Receiver { get; }
            /// <summary>For a virtual call not on <c>this</c>: the receiver, read for where it comes from (<see cref="SourceReceiverTypes"/>).</summary>
            public IOperation? ReceiverValue { get; }
            /// <summary>The objects it hands its callee that a path may know more of (<see cref="SourceCalls.TypedArguments"/>).</summary>
            public TypedArgument[] Typed { get; }
            public bool IsVirtual { get; }
            public Location Location { get; }
            /// <summary>The member the diagnostic names (for a lambda or local function, the method around it).</summary>
            public ISymbol Owner { get; }
            public FlagGuards.Requirement[] Guards { get; }
            public Argument[] Arguments { get; }
        }

        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Site>> _sites =
            new ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Site>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Call>> _calls =
            new ConcurrentDictionary<IMethodSymbol, ConcurrentQueue<Call>>(SymbolEqualityComparer.Default);

        public void AddSite(IMethodSymbol function, Site site) =>
            _sites.GetOrAdd(function.OriginalDefinition, _ => new ConcurrentQueue<Site>()).Enqueue(site);

        public void AddCall(IMethodSymbol function, Call call) =>
            _calls.GetOrAdd(function.OriginalDefinition, _ => new ConcurrentQueue<Call>()).Enqueue(call);

        /// <summary>Each call from an async function that reaches a blocking call: the callee it enters and the path.</summary>
        public IEnumerable<(Call Call, IMethodSymbol Callee, List<IMethodSymbol> Chain, Site Site)> Reached(SourceDispatch dispatch, Compilation compilation)
        {
            var fresh = new SourceFreshObjects(compilation);
            var search = new Search(this, dispatch, fresh);
            foreach (var function in _calls.Keys.Where(f => f.IsAsync).OrderBy(f => f.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
            {
                var reported = new HashSet<Call>();
                foreach (var state in search.RootStates(function))
                foreach (var call in Ordered(function))
                {
                    if (reported.Contains(call) || !state.Allows(call.Guards)) continue;
                    List<IMethodSymbol>? best = null;
                    Site? end = null;
                    foreach (var callee in search.Targets(call, state).Where(t => !t.IsAsync))
                    {
                        var (chain, site) = search.PathFrom(callee, state.Enter(call, callee, streams: true, dispatch, ComparedTypes, UsesGenerics, fresh));
                        if (site != null && (best == null || chain!.Count < best.Count)) { best = chain; end = site; }
                    }
                    if (best == null) continue;
                    reported.Add(call);
                    yield return (call, best[0], best, end!);
                }
            }
        }

        private readonly ConcurrentDictionary<IMethodSymbol, Call[]> _ordered = new ConcurrentDictionary<IMethodSymbol, Call[]>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IMethodSymbol, Dictionary<IParameterSymbol, HashSet<string>>> _compared =
            new ConcurrentDictionary<IMethodSymbol, Dictionary<IParameterSymbol, HashSet<string>>>(SymbolEqualityComparer.Default);

        /// <summary>
        /// The Type flags a function's sites and calls are guarded by (<c>type == typeof(X)</c>), each with the Xs: what
        /// a path carries for them (the engine's FlagReader.ComparedTypes). Read once the compilation's calls are all in.
        /// </summary>
        private Dictionary<IParameterSymbol, HashSet<string>> ComparedTypes(IMethodSymbol function) =>
            _compared.GetOrAdd(function.OriginalDefinition, f =>
            {
                var found = new Dictionary<IParameterSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
                var guards = (_sites.TryGetValue(f, out var sites) ? sites.SelectMany(x => x.Guards) : Enumerable.Empty<FlagGuards.Requirement>())
                    .Concat(_calls.TryGetValue(f, out var calls) ? calls.SelectMany(x => x.Guards) : Enumerable.Empty<FlagGuards.Requirement>());
                foreach (var guard in guards)
                {
                    if (guard.TypeName == null) continue;
                    if (!found.TryGetValue(guard.Flag, out var names)) found[guard.Flag] = names = new HashSet<string>();
                    names.Add(guard.TypeName);
                }
                return found;
            });

        /// <summary>
        /// Whether a generic function makes a virtual call on a type built from its own type parameters
        /// (<c>IApplicable&lt;TA&gt;.Apply</c>), or hands them on to a generic function that does: only then are the type
        /// arguments a path gives it carried (the engine's ContextGraph.UsesGenerics). Read once the calls are all in; a
        /// cycle counts as not using them.
        /// </summary>
        private bool UsesGenerics(IMethodSymbol function)
        {
            function = function.OriginalDefinition;
            if (_usesGenerics.TryGetValue(function, out bool known)) return known;
            _usesGenerics[function] = false;
            bool uses = false;
            if (function.IsGenericMethod)
                foreach (var call in Ordered(function))
                {
                    var target = call.Target;
                    if (call.IsVirtual && target.ContainingType is INamedTypeSymbol declaring && declaring.IsGenericType && NamesTypeParameterOf(declaring, function) &&
                        (target.IsVirtual || target.IsAbstract || target.ContainingType.TypeKind == TypeKind.Interface) ||
                        target.IsGenericMethod && target.TypeArguments.Any(t => NamesTypeParameterOf(t, function)) && UsesGenerics(target))
                    {
                        uses = true;
                        break;
                    }
                }
            return _usesGenerics[function] = uses;
        }

        private static bool NamesTypeParameterOf(ITypeSymbol type, IMethodSymbol function) => type switch
        {
            ITypeParameterSymbol parameter => parameter.TypeParameterKind == TypeParameterKind.Method &&
                                              SymbolEqualityComparer.Default.Equals(parameter.DeclaringMethod?.OriginalDefinition, function),
            INamedTypeSymbol named => named.TypeArguments.Any(t => NamesTypeParameterOf(t, function)),
            IArrayTypeSymbol array => NamesTypeParameterOf(array.ElementType, function),
            _ => false,
        };

        private readonly ConcurrentDictionary<IMethodSymbol, bool> _usesGenerics = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>A function's calls in source order, sorted once: the search reads them under every flag state.</summary>
        private Call[] Ordered(IMethodSymbol function) =>
            _ordered.GetOrAdd(function, f => _calls.TryGetValue(f, out var calls) ? calls.OrderBy(c => c.Location.SourceSpan.Start).ToArray() : System.Array.Empty<Call>());

        /// <summary>
        /// The flag values known on entry to a function (a flag missing from it may have either value), and its Stream
        /// parameters known to hold in-memory streams.
        /// </summary>
        private sealed class FlagState
        {
            public static readonly FlagState Unknown = new FlagState(new Dictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default),
                new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default), null, null, null, null, null, null);
            private readonly Dictionary<IParameterSymbol, bool> _known;
            private readonly HashSet<IParameterSymbol> _inMemory;
            private readonly List<ITypeSymbol>? _this;
            private readonly Dictionary<IParameterSymbol, List<ITypeSymbol>>? _types;
            /// <summary>The types the Type flags hold on this path (the engine's FlagContext.TypeOf), by fully qualified name.</summary>
            private readonly Dictionary<IParameterSymbol, string>? _typeValues;
            /// <summary>The type arguments the path gives a generic function (<see cref="_genericOwner"/>): the engine's FlagContext.Generics.</summary>
            private readonly ITypeSymbol[]? _generics;
            private readonly IMethodSymbol? _genericOwner;
            /// <summary>The object the function runs on when the path made it (the engine's FlagContext.Fresh).</summary>
            private readonly SourceFreshObjects.Fresh? _fresh;

            private FlagState(Dictionary<IParameterSymbol, bool> known, HashSet<IParameterSymbol> inMemory,
                List<ITypeSymbol>? thisTypes, Dictionary<IParameterSymbol, List<ITypeSymbol>>? types, Dictionary<IParameterSymbol, string>? typeValues,
                ITypeSymbol[]? generics, IMethodSymbol? genericOwner, SourceFreshObjects.Fresh? fresh)
            {
                _fresh = fresh;
                _known = known;
                _inMemory = inMemory;
                _this = thisTypes;
                _types = types;
                _typeValues = typeValues;
                _generics = generics;
                _genericOwner = genericOwner;
                var keys = known.Select(k => Name(k.Key) + "=" + (k.Value ? 1 : 0)).Concat(inMemory.Select(p => Name(p) + "=memory"));
                if (typeValues != null) keys = keys.Concat(typeValues.Select(t => Name(t.Key) + "=typeof " + t.Value));
                if (thisTypes != null) keys = keys.Append("this=" + Types(thisTypes));
                if (types != null) keys = keys.Concat(types.Select(t => Name(t.Key) + "=" + Types(t.Value)));
                if (generics != null) keys = keys.Append("<" + string.Join(",", generics.Select(g => g.ToDisplayString())) + ">");
                if (fresh != null) keys = keys.Append(fresh.Key);
                Key = string.Join(";", keys.OrderBy(k => k));
            }

            private static string Types(List<ITypeSymbol> types) => string.Join(",", types.Select(t => t.ToDisplayString()).OrderBy(t => t));

            /// <summary>
            /// The types the path knows the call's receiver to have: this function's <c>this</c>, or a parameter it was
            /// handed; null where it knows nothing more than the call does.
            /// </summary>
            public List<ITypeSymbol>? Receiver(Call call)
            {
                foreach (var typed in call.Typed)
                {
                    if (typed.Slot != TypedArgument.This) continue;
                    if (typed.FromThis) return _this;
                    return typed.From != null && _types != null && _types.TryGetValue(typed.From, out var known) ? known : null;
                }
                return null;
            }

            private static string Name(IParameterSymbol parameter) => parameter.ContainingSymbol.ToDisplayString() + "#" + parameter.Ordinal;

            /// <summary>Equal for equal states: memo keys.</summary>
            public string Key { get; }

            public bool Allows(FlagGuards.Requirement[] guards) =>
                guards.All(g => g.TypeName != null
                    ? !(_typeValues != null && _typeValues.TryGetValue(g.Flag, out var type)) || (type == g.TypeName) == g.Value
                    : _known.TryGetValue(g.Flag, out bool v) ? v == g.Value : !g.SyncSide);

            private FlagState WithoutFresh() => new FlagState(_known, _inMemory, _this, _types, _typeValues, _generics, _genericOwner, null);

            /// <summary>Whether code of <paramref name="function"/> can run on this path: no test on a field still default rules it out.</summary>
            public bool Live(SyntaxNode? node, IMethodSymbol function, SourceFreshObjects fresh) =>
                _fresh == null || node == null || !fresh.Dead(function, _fresh, node);

            /// <summary>Whether each of <paramref name="parameters"/> (one at least) holds an in-memory stream.</summary>
            public bool InMemory(IParameterSymbol[] parameters) => parameters.Length > 0 && parameters.All(_inMemory.Contains);

            /// <summary>
            /// The state <paramref name="callee"/> starts in: the values passed for its flags and, for a lambda or local
            /// function, the caller's (captured); with <paramref name="streams"/>, the in-memory streams passed (into sync code only).
            /// </summary>
            /// <param name="compared">The Type flags of a function and the types each is compared with (<see cref="ComparedTypes"/>); null: none carried.</param>
            /// <param name="usesGenerics">Whether a generic function dispatches on its type arguments (<see cref="UsesGenerics"/>); null: none carried.</param>
            public FlagState Enter(Call call, IMethodSymbol callee, bool streams, SourceDispatch? dispatch = null,
                System.Func<IMethodSymbol, Dictionary<IParameterSymbol, HashSet<string>>>? compared = null,
                System.Func<IMethodSymbol, bool>? usesGenerics = null, SourceFreshObjects? freshObjects = null)
            {
                bool nested = callee.MethodKind == MethodKind.LocalFunction || callee.MethodKind == MethodKind.AnonymousFunction;
                // The object a constructor makes, or this one handed on to what runs on it (a lambda's this is its closure).
                var fresh = !streams || nested || freshObjects == null ? null
                    : call.Creates ? freshObjects.Creating(callee.OriginalDefinition)
                    : call.OnOwnObject && _fresh != null && call.Syntax != null ? freshObjects.Entering(call.Caller, _fresh, call.Syntax, callee.OriginalDefinition)
                    : null;
                // What the objects handed in are known to be, into sync code; a lambda or local function keeps what its
                // caller knows (its this and captured parameters are the caller's), and is handed nothing more.
                var (thisTypes, types) = streams && !nested && dispatch != null ? TypesFor(call, callee, dispatch) : (null, null);
                var generics = nested ? _generics : streams && usesGenerics != null ? GenericsFor(call, callee, usesGenerics) : null;
                var genericOwner = nested ? _genericOwner : generics != null ? callee.OriginalDefinition : null;
                // Most calls pass no bool and no stream: nothing to look up (a symbol's Parameters are built anew at each read).
                if (call.Arguments.Length == 0 && (!streams || call.Streams.Length == 0) && thisTypes == null && types == null && generics == null && fresh == null)
                    return nested ? (_fresh == null ? this : WithoutFresh()) : Unknown;
                var known = nested ? new Dictionary<IParameterSymbol, bool>(_known, SymbolEqualityComparer.Default)
                                   : new Dictionary<IParameterSymbol, bool>(SymbolEqualityComparer.Default);
                var inMemory = nested ? new HashSet<IParameterSymbol>(_inMemory, SymbolEqualityComparer.Default)
                                      : new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
                var parameters = callee.OriginalDefinition.Parameters;
                Dictionary<IParameterSymbol, string>? typeValues = nested && _typeValues != null
                    ? new Dictionary<IParameterSymbol, string>(_typeValues, SymbolEqualityComparer.Default) : null;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Ordinal >= parameters.Length) continue;
                    var parameter = parameters[argument.Ordinal];
                    if (argument.Constant.HasValue) known[parameter] = argument.Constant.Value;
                    else if (argument.Flag != null && _known.TryGetValue(argument.Flag, out bool v)) known[parameter] = v;
                    else known.Remove(parameter);
                    // A Type flag holds the type a typeof passes (or the caller's own known one): one of those compared, or "" for none.
                    string? type = argument.Type ?? (argument.Flag != null && _typeValues != null && _typeValues.TryGetValue(argument.Flag, out var passed) && passed.Length > 0 ? passed : null);
                    if (type != null && compared != null && compared(callee).TryGetValue(parameter, out var names))
                        (typeValues ??= new Dictionary<IParameterSymbol, string>(SymbolEqualityComparer.Default))[parameter] = names.Contains(type) ? type : "";
                    else typeValues?.Remove(parameter);
                }
                if (typeValues != null && typeValues.Count == 0) typeValues = null;
                if (streams)
                    foreach (var argument in call.Streams)
                        if (argument.Ordinal < parameters.Length && (argument.InMemoryIf.Length == 0 || InMemory(argument.InMemoryIf)))
                            inMemory.Add(parameters[argument.Ordinal]);
                if (nested) (thisTypes, types) = (_this, _types);
                return known.Count == 0 && inMemory.Count == 0 && thisTypes == null && types == null && typeValues == null && generics == null && fresh == null
                    ? Unknown : new FlagState(known, inMemory, thisTypes, types, typeValues, generics, genericOwner, fresh);
            }

            /// <summary>The type arguments a call gives a generic sync callee that dispatches on them, once closed; null otherwise.</summary>
            private ITypeSymbol[]? GenericsFor(Call call, IMethodSymbol callee, System.Func<IMethodSymbol, bool> usesGenerics)
            {
                if (!call.Target.IsGenericMethod || !usesGenerics(callee.OriginalDefinition)) return null;
                var arguments = new ITypeSymbol[call.Target.TypeArguments.Length];
                for (int i = 0; i < arguments.Length; i++)
                    if (!(Close(call.Target.TypeArguments[i]) is ITypeSymbol closed) || OpenTypes.IsOpen(closed)) return null;
                    else arguments[i] = closed;
                return arguments;
            }

            /// <summary>
            /// A call's target with this path's type arguments read into its declaring type (<c>IApplicable&lt;TA&gt;.Apply</c>
            /// as <c>IApplicable&lt;DataConnection&gt;.Apply</c>); null where nothing changes or it cannot be built.
            /// </summary>
            public IMethodSymbol? Closed(Call call)
            {
                if (_generics == null || !call.IsVirtual || !(call.Target.ContainingType is INamedTypeSymbol declaring) || !declaring.IsGenericType ||
                    !OpenTypes.IsOpen(declaring) || !(Close(declaring) is INamedTypeSymbol closed) || OpenTypes.IsOpen(closed)) return null;
                var original = call.Target.OriginalDefinition;
                return closed.GetMembers(call.Target.Name).OfType<IMethodSymbol>()
                    .FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, original));
            }

            /// <summary>The type with the owner's type parameters replaced by this path's arguments; null where it cannot be built.</summary>
            private ITypeSymbol? Close(ITypeSymbol type)
            {
                switch (type)
                {
                    case ITypeParameterSymbol parameter:
                        return _generics != null && parameter.TypeParameterKind == TypeParameterKind.Method &&
                               SymbolEqualityComparer.Default.Equals(parameter.DeclaringMethod?.OriginalDefinition, _genericOwner) &&
                               parameter.Ordinal < _generics.Length ? _generics[parameter.Ordinal] : type;
                    case INamedTypeSymbol named when named.IsGenericType && OpenTypes.IsOpen(named):
                        if (named.ContainingType is INamedTypeSymbol outer && outer.IsGenericType) return null;
                        var arguments = new ITypeSymbol[named.TypeArguments.Length];
                        for (int i = 0; i < arguments.Length; i++)
                            if (Close(named.TypeArguments[i]) is ITypeSymbol argument) arguments[i] = argument;
                            else return null;
                        return named.OriginalDefinition.Construct(arguments);
                    default:
                        return OpenTypes.IsOpen(type) ? null : type;
                }
            }

            /// <summary>
            /// What the call hands <paramref name="callee"/> where it says more than the declared types (the engine's
            /// ContextGraph.WithTypes): for its <c>this</c> and each reference parameter, what this state knows of the
            /// caller's own <c>this</c> or parameter passed on, else where the value comes from; the caller's <c>this</c>
            /// is its class.
            /// </summary>
            private (List<ITypeSymbol>?, Dictionary<IParameterSymbol, List<ITypeSymbol>>?) TypesFor(Call call, IMethodSymbol callee, SourceDispatch dispatch)
            {
                List<ITypeSymbol>? thisTypes = null;
                Dictionary<IParameterSymbol, List<ITypeSymbol>>? types = null;
                var parameters = callee.OriginalDefinition.Parameters;
                foreach (var typed in call.Typed)
                {
                    ITypeSymbol? declared = typed.Slot == TypedArgument.This ? callee.OriginalDefinition.ContainingType
                        : typed.Slot < parameters.Length ? parameters[typed.Slot].Type : null;
                    if (!(declared is INamedTypeSymbol named) || named.IsSealed) continue;
                    List<ITypeSymbol>? known;
                    if (!typed.FromThis && typed.From != null && _types != null && _types.TryGetValue(typed.From, out var passed))
                    {
                        // Handed on: each was already below the type it was declared as further up, and is checked against this one.
                        known = passed.All(t => SourceDispatch.Bounds(t, named)) ? passed : null;
                    }
                    else
                    {
                        known = !dispatch.HasSubtypesInSource(named) ? null
                            : typed.FromThis ? _this ?? (call.Caller.MethodKind == MethodKind.LocalFunction || call.Caller.MethodKind == MethodKind.AnonymousFunction
                                                   ? null : new List<ITypeSymbol> { call.Caller.ContainingType })
                            : dispatch.SourcesOf(typed.Value);
                        if (known != null && !dispatch.Narrows(known, named)) known = null;
                        // What the code says the argument is, where that is narrower than the parameter (the engine's
                        // ContextGraph.WithTypes): an object parameter handed a StringComparer is none of the source's other types.
                        if (known == null && !typed.FromThis && StaticType(typed.Value) is ITypeSymbol bound && SourceDispatch.Bounds(bound, named))
                            known = new List<ITypeSymbol> { bound };
                    }
                    if (known == null) continue;
                    if (typed.Slot == TypedArgument.This) thisTypes = known;
                    else (types ??= new Dictionary<IParameterSymbol, List<ITypeSymbol>>(SymbolEqualityComparer.Default))[parameters[typed.Slot]] = known;
                }
                return (thisTypes, types);
            }
        }

        /// <summary>The type of an argument before the implicit conversions to its parameter's type; null for <c>null</c>.</summary>
        private static ITypeSymbol? StaticType(IOperation value)
        {
            while (value is IConversionOperation conversion && conversion.IsImplicit) value = conversion.Operand;
            return value.Type;
        }

        /// <summary>The end-of-compilation search, with its memos.</summary>
        private sealed class Search
        {
            private readonly HelperPaths _paths;
            private readonly SourceDispatch _dispatch;
            private readonly Dictionary<Call, List<IMethodSymbol>> _targets = new Dictionary<Call, List<IMethodSymbol>>();
            private Dictionary<IMethodSymbol, List<Call>>? _callers;
            private readonly Dictionary<IMethodSymbol, List<FlagState>> _roots = new Dictionary<IMethodSymbol, List<FlagState>>(SymbolEqualityComparer.Default);
            private readonly Dictionary<(IMethodSymbol, string), (IMethodSymbol? Next, FlagState? NextState, Site? Site)?> _first =
                new Dictionary<(IMethodSymbol, string), (IMethodSymbol?, FlagState?, Site?)?>(new NodeComparer());

            private readonly SourceFreshObjects _fresh;

            public Search(HelperPaths paths, SourceDispatch dispatch, SourceFreshObjects fresh) { _paths = paths; _dispatch = dispatch; _fresh = fresh; }

            public List<IMethodSymbol> Targets(Call call)
            {
                if (!_targets.TryGetValue(call, out var targets))
                    _targets[call] = targets = _dispatch.Targets(call).Select(t => t.OriginalDefinition).ToList();
                return targets;
            }

            /// <summary>The targets of a call made in <paramref name="state"/>: fewer where it knows more of the receiver.</summary>
            public List<IMethodSymbol> Targets(Call call, FlagState state)
            {
                if (!call.IsVirtual) return Targets(call);
                var known = state.Receiver(call);
                var closed = state.Closed(call);
                return known != null || closed != null ? _dispatch.Targets(call, known, closed).Select(t => t.OriginalDefinition).ToList() : Targets(call);
            }

            /// <summary>
            /// The states an async function is read under: those its async-side callers (async, or returning an
            /// awaitable) pass; unknown when nothing calls it; none when only sync code calls it (its blocking is then
            /// the sync caller's own, which waits on it).
            /// </summary>
            public List<FlagState> RootStates(IMethodSymbol function)
            {
                if (_roots.TryGetValue(function, out var states)) return states;
                if (function.Parameters.All(p => p.Type.SpecialType != SpecialType.System_Boolean))
                    return _roots[function] = new List<FlagState> { FlagState.Unknown };
                _roots[function] = new List<FlagState> { FlagState.Unknown }; // while in progress: a cycle reads as unknown
                var callers = Callers(function);
                var result = new List<FlagState>();
                if (callers.Count == 0) result.Add(FlagState.Unknown);
                foreach (var call in callers)
                {
                    var caller = call.Caller;
                    if (!caller.IsAsync && !Awaitables.Is(caller.ReturnType)) continue;
                    foreach (var state in caller.IsAsync ? RootStates(caller) : new List<FlagState> { FlagState.Unknown })
                    {
                        if (!state.Allows(call.Guards)) continue;
                        var entered = state.Enter(call, function, streams: false);
                        if (result.All(r => r.Key != entered.Key)) result.Add(entered);
                    }
                }
                return _roots[function] = result;
            }

            private List<Call> Callers(IMethodSymbol function)
            {
                if (_callers == null)
                {
                    _callers = new Dictionary<IMethodSymbol, List<Call>>(SymbolEqualityComparer.Default);
                    foreach (var calls in _paths._calls.Values)
                    foreach (var call in calls)
                    foreach (var target in Targets(call))
                    {
                        if (!_callers.TryGetValue(target, out var list)) _callers[target] = list = new List<Call>();
                        list.Add(call);
                    }
                }
                return _callers.TryGetValue(function.OriginalDefinition, out var found) ? found : new List<Call>();
            }

            /// <summary>The shortest chain of methods from <paramref name="start"/> in <paramref name="state"/> to a blocking call, or nothing.</summary>
            public (List<IMethodSymbol>? Chain, Site? Site) PathFrom(IMethodSymbol start, FlagState state)
            {
                var node = (start.OriginalDefinition, state.Key);
                if (!_first.ContainsKey(node)) Explore(start.OriginalDefinition, state);
                var chain = new List<IMethodSymbol>();
                var (method, at) = (start.OriginalDefinition, state);
                while (_first.TryGetValue((method, at.Key), out var step) && step != null)
                {
                    chain.Add(method);
                    if (step.Value.Site != null) return (chain, step.Value.Site);
                    (method, at) = (step.Value.Next!, step.Value.NextState!);
                    if (chain.Count > 10_000) break;
                }
                return (null, null);
            }

            /// <summary>Breadth first from a node, recording the first step of the shortest path for every node on it.</summary>
            private void Explore(IMethodSymbol start, FlagState state)
            {
                var parent = new Dictionary<(IMethodSymbol, string), (IMethodSymbol Method, FlagState State)?>(new NodeComparer()) { [(start, state.Key)] = null };
                var queue = new Queue<(IMethodSymbol Method, FlagState State)>();
                queue.Enqueue((start, state));
                while (queue.Count > 0)
                {
                    var (method, at) = queue.Dequeue();
                    if (_first.TryGetValue((method, at.Key), out var known) && known == null) continue; // explored before: leads nowhere
                    var site = _paths._sites.TryGetValue(method, out var sites)
                        ? sites.Where(s => at.Allows(s.Guards) && !at.InMemory(s.Unless) && at.Live(s.Syntax, method, _fresh)).OrderBy(s => s.Location.SourceSpan.Start).FirstOrDefault() : null;
                    if (site != null)
                    {
                        _first[(method, at.Key)] = (null, null, site);
                        var child = (method, at);
                        for (var up = parent[(method, at.Key)]; up != null; up = parent[(up.Value.Method, up.Value.State.Key)])
                        {
                            _first[(up.Value.Method, up.Value.State.Key)] = (child.method, child.at, null);
                            child = (up.Value.Method, up.Value.State);
                        }
                        return;
                    }
                    foreach (var call in _paths.Ordered(method))
                    {
                        if (call.Suppressed || !at.Allows(call.Guards) || at.InMemory(call.Unless) || !at.Live(call.Syntax, method, _fresh)) continue;
                        foreach (var callee in Targets(call, at))
                        {
                            if (callee.IsAsync) continue;
                            var entered = at.Enter(call, callee, streams: true, _dispatch, _paths.ComparedTypes, _paths.UsesGenerics, _fresh);
                            var next = (callee, entered.Key);
                            if (parent.ContainsKey(next)) continue;
                            parent[next] = (method, at);
                            queue.Enqueue((callee, entered));
                        }
                    }
                }
                // Nothing reachable from here blocks, so nothing reachable from any node seen does either.
                foreach (var seen in parent.Keys) _first[seen] = null;
            }
        }

        private sealed class NodeComparer : IEqualityComparer<(IMethodSymbol, string)>
        {
            public bool Equals((IMethodSymbol, string) x, (IMethodSymbol, string) y) =>
                x.Item2 == y.Item2 && SymbolEqualityComparer.Default.Equals(x.Item1, y.Item1);

            public int GetHashCode((IMethodSymbol, string) obj) =>
                SymbolEqualityComparer.Default.GetHashCode(obj.Item1) * 31 + obj.Item2.GetHashCode();
        }
    }
}
