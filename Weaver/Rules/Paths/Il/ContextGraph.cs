using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Analyse.Flags;
using NonBlocking.Weaver.Catalog;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse.Reachability
{
    /// <summary>
    /// The call graph with what each call passes for its callee's <c>bool</c> flags: every method once as it is on its
    /// own (flags unknown), and again for each set of known flag values a call gives it, with the branches those values
    /// decide left out. An async method that takes a flag (<c>ReadAsync(…, bool async)</c>) is analysed under the
    /// values its async-side callers pass — async methods and methods that return an awaitable — and not for its
    /// sync-side callers (<c>Read() =&gt; ReadCore(async: false).GetAwaiter().GetResult()</c>), whose blocking is the
    /// sync API's own; under unknown values only when nothing in the assembly calls it. A sync callee's context also
    /// says which of its Stream parameters its caller hands an in-memory stream: on that path a blocking call on such a
    /// stream, or on a stream built over it, does no I/O (MimeKit's DKIM code hands a hashing stream down
    /// <c>MimeEntity.WriteTo</c>), and a call into the stream's own methods is not followed. And it says which of the
    /// analysed code's types the callee's <c>this</c> and reference parameters are (<see cref="ArgumentTypes"/>), where
    /// that is narrower than declared: a virtual call on them runs only those types' implementations.
    /// </summary>
    internal sealed class ContextGraph
    {
        private readonly CallGraph _graph;
        private readonly FlagReader _flags;
        private readonly Dictionary<FlagNode, HashSet<Instruction>?> _live = new Dictionary<FlagNode, HashSet<Instruction>?>();
        private readonly Dictionary<FlagNode, List<(FlagNode Caller, Instruction At)>> _callers = new Dictionary<FlagNode, List<(FlagNode, Instruction)>>();
        private readonly Dictionary<MethodDefinition, List<FlagContext>> _asyncSide = new Dictionary<MethodDefinition, List<FlagContext>>();
        private readonly Queue<FlagNode> _pending = new Queue<FlagNode>();

        /// <param name="inMemoryStreamEntries">
        /// Also read each method with Stream parameters as if handed in-memory streams (<see cref="StreamEntry"/>): for
        /// a reference's summary, which calls from other assemblies consult.
        /// </param>
        public ContextGraph(CallGraph graph, FlagReader flags, IEnumerable<AsyncMachine> machines, bool inMemoryStreamEntries = false)
        {
            _graph = graph;
            _flags = flags;
            var flagged = new Dictionary<MethodDefinition, MethodDefinition>();
            foreach (var machine in machines)
                if (machine.Kickoff != null && FlagReader.HasFlags(machine.Kickoff)) flagged[machine.Kickoff] = machine.MoveNext;

            // A method with flags (or a flagged async method's body) is explored only under the values its callers pass;
            // one nothing calls is an entry point and gets unknown values — in rounds, since exploring it can find calls
            // to others. Exploring every method under unknown values from the start would pass unknown values on from
            // wrappers like Task FlushAsync(bool async) => Flush(async) whose own callers all pass true.
            var flaggedBodies = new Dictionary<MethodDefinition, MethodDefinition>();
            foreach (var pair in flagged) flaggedBodies[pair.Value] = pair.Key;
            var waiting = new List<MethodDefinition>();
            foreach (var method in graph.Methods)
            {
                if (flaggedBodies.ContainsKey(method) || HasFlags(method)) waiting.Add(method);
                else Add(new FlagNode(method, FlagContext.Unknown));
            }
            Drain(flagged);
            if (waiting.Count > 0 || flagged.Count > 0)
            {
                _calledAnywhere = CalledAnywhere(flagged);
                while (true)
                {
                    var entries = waiting.Where(m => !_live.ContainsKey(new FlagNode(m, FlagContext.Unknown)) &&
                                                     !_calledAnywhere.Contains(flaggedBodies.TryGetValue(m, out var kickoff) ? kickoff : m)).ToList();
                    if (entries.Count == 0) break;
                    foreach (var entry in entries) Add(new FlagNode(entry, FlagContext.Unknown));
                    Drain(flagged);
                }
            }
            if (!inMemoryStreamEntries) return;
            foreach (var method in graph.Methods.ToList())
                if (_live.ContainsKey(new FlagNode(method, FlagContext.Unknown)) && StreamEntry(method) is FlagNode entry) Add(entry);
            Drain(flagged);
        }

        /// <summary>The method entered with an in-memory stream for each of its Stream parameters; null when it has none.</summary>
        public FlagNode? StreamEntry(MethodDefinition method)
        {
            var parameters = StreamParameters(method);
            if (parameters.Count == 0) return null;
            var context = FlagContext.Unknown;
            foreach (int i in parameters) context = context.WithInMemory(i);
            return new FlagNode(method, context);
        }

        /// <summary>
        /// The blocking path the call <paramref name="ins"/> of <paramref name="node"/> leads into when its target is in a
        /// summarised reference; the path with in-memory streams when the call hands one for each of the target's Stream
        /// parameters (none, when then it does not block).
        /// </summary>
        public ExternalWitness? External(FlagNode node, Instruction ins) =>
            _graph.External(node.Method, ins, target => StreamArgumentsInMemory(node, ins, target));

        private bool StreamArgumentsInMemory(FlagNode node, Instruction call, MethodDefinition target)
        {
            var parameters = StreamParameters(target);
            if (parameters.Count == 0) return false;
            int count = target.Parameters.Count;
            var streams = _graph.StreamsOf(node.Method.Module).AcrossAssemblies;
            var assumed = Assumed(node);
            foreach (int i in parameters)
                if (!Receivers.InMemoryArgument(node.Method, call, count - 1 - i, streams, assumed)) return false;
            return true;
        }

        /// <summary>Every method with flags, or async method with flags, that some call in the graph targets.</summary>
        private HashSet<MethodDefinition> CalledAnywhere(Dictionary<MethodDefinition, MethodDefinition> flagged)
        {
            var called = new HashSet<MethodDefinition>();
            foreach (var method in _graph.Methods)
            foreach (var ins in method.Body.Instructions)
            {
                if (ins.OpCode.FlowControl != FlowControl.Call) continue;
                foreach (var callee in _graph.Callees(method, ins))
                    if (HasFlags(callee)) called.Add(callee);
                if (flagged.Count == 0) continue;
                foreach (var kickoff in _graph.AsyncCallees(method, ins))
                    if (flagged.ContainsKey(kickoff)) called.Add(kickoff);
            }
            return called;
        }

        private HashSet<MethodDefinition>? _calledAnywhere;

        public CallGraph Graph => _graph;

        /// <summary>Every node: each method under unknown flags, and under each set of values found on a call path.</summary>
        public IEnumerable<FlagNode> Nodes => _live.Keys;

        /// <summary>Who calls a node, and where.</summary>
        public IReadOnlyList<(FlagNode Caller, Instruction At)> CallersOf(FlagNode node) =>
            _callers.TryGetValue(node, out var list) ? list : (IReadOnlyList<(FlagNode, Instruction)>)System.Array.Empty<(FlagNode, Instruction)>();

        /// <summary>The instructions of a node that can run under its flags, in IL order.</summary>
        public IEnumerable<Instruction> LiveInstructions(FlagNode node)
        {
            var live = Live(node);
            return live == null ? node.Method.Body.Instructions : node.Method.Body.Instructions.Where(live.Contains);
        }

        public bool IsLive(FlagNode node, Instruction ins)
        {
            var live = Live(node);
            return live == null || live.Contains(ins);
        }

        /// <summary>The nodes a call instruction of <paramref name="caller"/> runs synchronously.</summary>
        public IEnumerable<FlagNode> Callees(FlagNode caller, Instruction ins)
        {
            // Asked for every instruction of every method: most are not calls, and most calls have one callee.
            if (ins.OpCode.FlowControl != FlowControl.Call) return System.Array.Empty<FlagNode>();
            List<FlagNode>? nodes = null;
            // A call on an interface a holder implements (IDataProvider.Flush) handed one over memory runs none of the implementations.
            if (caller.Context.KnowsStreams && ins.OpCode.Code != Code.Newobj && _graph.TargetsHolderInterface(ins) && InMemoryUnder(caller, ins))
                return System.Array.Empty<FlagNode>();
            foreach (var callee in _graph.Callees(caller.Method, ins, KnownReceiver(caller, ins), caller.Context.Generics))
            {
                // A stream the path hands in memory does no I/O, whatever its methods call.
                if (caller.Context.KnowsStreams && ins.OpCode.Code != Code.Newobj && callee.HasThis && _graph.StreamMethod(callee) &&
                    InMemoryUnder(caller, ins)) break;
                (nodes ??= new List<FlagNode>(1)).Add(new FlagNode(callee, ContextFor(caller, ins, callee, streams: true)));
            }
            return nodes ?? (IEnumerable<FlagNode>)System.Array.Empty<FlagNode>();
        }

        /// <summary>The types the node's context knows its call's receiver to have: <c>this</c> or a parameter it was handed.</summary>
        private static IReadOnlyList<TypeDefinition>? KnownReceiver(FlagNode caller, Instruction call)
        {
            if (!(caller.Context.Types is ArgumentTypes types) || call.OpCode.Code == Code.Newobj ||
                !(call.Operand is MethodReference target) || !target.HasThis) return null;
            var producer = Receivers.Producer(caller.Method.Body, call, target.Parameters.Count);
            return producer != null && Slot(caller.Method, producer) is int slot ? types.For(slot) : null;
        }

        /// <summary>The argument slot a value loads (<see cref="ArgumentTypes.This"/> or a parameter's index); null for any other value.</summary>
        private static int? Slot(MethodDefinition method, Instruction producer)
        {
            // Through a cast or type test and a local stored once (`if (obj is IConfigurationID id) id.ConfigurationID`):
            // still the argument (the analyzer reads the `is` pattern's local only: fewer narrowings there, never a wrong one).
            for (int step = 0; step < 4; step++)
            {
                var code = producer.OpCode.Code;
                Instruction? next = code == Code.Isinst || code == Code.Castclass ? Receivers.Producer(method.Body, producer, 0)
                    : Il.IsLdloc(code) && Receivers.Local(method, producer) is VariableDefinition local ? Receivers.SingleStoreValue(method, local)
                    : null;
                if (next == null) break;
                producer = next;
            }
            if (!Il.IsLdarg(producer.OpCode.Code)) return null;
            if (method.HasThis && producer.OpCode.Code == Code.Ldarg_0) return ArgumentTypes.This;
            return Il.ParameterOf(method, producer)?.Index;
        }

        /// <summary>
        /// What a sync callee is handed, where it says more than the declared types: for its <c>this</c> and each
        /// reference parameter, the types the path knows the argument to have (the caller's own context for what it was
        /// handed) or the ones where the value comes from gives (<see cref="ReceiverTypes"/>: a new object, a factory's
        /// returns; <c>this</c> is its method's class). A base class's method called from a derived one's runs the
        /// derived class's overrides only; a constructor's object is its own class.
        /// </summary>
        private FlagContext WithTypes(FlagNode caller, Instruction call, MethodDefinition callee, FlagContext context)
        {
            // Most callees dispatch on nothing they are handed: nothing to read.
            ulong uses = UsesTypes(callee);
            if (uses == 0) return context;
            List<(int, IReadOnlyList<TypeDefinition>)>? entries = null;
            int count = callee.Parameters.Count;
            // A lambda a delegate's Invoke runs has its closure for this, not the delegate the call is made on.
            if ((uses & Bit(ArgumentTypes.This)) != 0 && callee.HasThis && call.OpCode.Code != Code.Newobj &&
                call.Operand is MethodReference target && target.Name == callee.Name)
                Add(ArgumentTypes.This, count, callee.DeclaringType);
            for (int i = 0; i < count && i < 32; i++)
            {
                if ((uses & Bit(i)) == 0) continue;
                var type = callee.Parameters[i].ParameterType;
                if (type.IsValueType || type.IsGenericParameter || type.IsByReference || type.IsPointer || type.IsArray) continue;
                if (_graph.TypeOf(type) is TypeDefinition declared && !declared.IsSealed) Add(i, count - 1 - i, declared);
            }
            return entries == null ? context : context.WithTypes(ArgumentTypes.Of(entries));

            void Add(int slot, int depth, TypeDefinition declared)
            {
                if (!(Receivers.Producer(caller.Method.Body, call, depth) is Instruction producer)) return;
                int? from = Slot(caller.Method, producer);
                if (from is int f && caller.Context.Types?.For(f) is IReadOnlyList<TypeDefinition> known)
                {
                    // Handed on: each was already below the type it was declared as further up, and is checked against this one.
                    if (known.All(t => _graph.Bounds(t, declared))) (entries ??= new List<(int, IReadOnlyList<TypeDefinition>)>()).Add((slot, known));
                    return;
                }
                if (_graph.HasSubtypesHere(declared))
                {
                    var types = from == ArgumentTypes.This ? new[] { caller.Method.DeclaringType } : _graph.SourcesOf(caller.Method, producer);
                    if (types != null && _graph.Narrows(types, declared))
                    {
                        (entries ??= new List<(int, IReadOnlyList<TypeDefinition>)>()).Add((slot, types));
                        return;
                    }
                }
                // What the IL says the argument is, where that is narrower than the parameter: an object parameter handed a
                // StringComparer is never one of the analysed code's other types (linq2db's GetObjectID(object) tests its
                // argument for IConfigurationID, and no comparer implements it).
                if (from != ArgumentTypes.This && _graph.TypeOf(Receivers.StaticType(caller.Method, producer)) is TypeDefinition bound &&
                    _graph.Bounds(bound, declared))
                    (entries ??= new List<(int, IReadOnlyList<TypeDefinition>)>()).Add((slot, new[] { bound }));
            }
        }

        private static ulong Bit(int slot) => slot + 1 < 64 ? 1UL << (slot + 1) : 0;

        /// <summary>
        /// The slots (<see cref="Bit"/>) whose types a method can use: those it makes a virtual call on that the analysed
        /// code implements more than once, or hands on to a method that can use them. Only these are carried: a context
        /// no call narrows would only make the same method's paths twice (EF Core's services and Json.NET's readers hand
        /// objects down many helpers that never dispatch on them). Worked out once per method; a method met again on a
        /// cycle counts as using nothing there (fewer narrowings, never a wrong one).
        /// </summary>
        private ulong UsesTypes(MethodDefinition method)
        {
            if (_usesTypes.TryGetValue(method, out ulong known)) return known;
            _usesTypes[method] = 0;
            ulong mask = 0;
            if (method.HasBody)
                foreach (var ins in method.Body.Instructions)
                {
                    if ((ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt) || !(ins.Operand is MethodReference target)) continue;
                    // The slot the receiver is, read once and only if something asks.
                    int? receiverSlot = null;
                    bool receiverRead = false;
                    int? ReceiverSlot()
                    {
                        if (!receiverRead && target.HasThis && Receivers.Producer(method.Body, ins, target.Parameters.Count) is Instruction receiver)
                            receiverSlot = Slot(method, receiver);
                        receiverRead = true;
                        return receiverSlot;
                    }
                    if (target.HasThis && ins.OpCode.Code == Code.Callvirt && _graph.Dispatches(target) && ReceiverSlot() is int own)
                        mask |= Bit(own);
                    foreach (var callee in _graph.AnyCallees(ins))
                    {
                        ulong used = UsesTypes(callee);
                        if (used == 0) continue;
                        if (callee.HasThis && (used & Bit(ArgumentTypes.This)) != 0 && callee.Name == target.Name && ReceiverSlot() is int s0)
                            mask |= Bit(s0);
                        for (int i = 0; i < callee.Parameters.Count && i < 32; i++)
                            if ((used & Bit(i)) != 0 && Receivers.Producer(method.Body, ins, callee.Parameters.Count - 1 - i) is Instruction argument &&
                                Slot(method, argument) is int si)
                                mask |= Bit(si);
                    }
                }
            return _usesTypes[method] = mask;
        }

        private readonly Dictionary<MethodDefinition, ulong> _usesTypes = new Dictionary<MethodDefinition, ulong>();

        /// <summary>
        /// Whether the instance call <paramref name="call"/> of <paramref name="node"/> is on a stream in memory once the
        /// node's Stream parameters that its callers pass in memory count as in memory (for CopyTo, its destination too).
        /// </summary>
        public bool InMemoryUnder(FlagNode node, Instruction call) =>
            node.Context.KnowsStreams && call.Operand is MethodReference target && target.HasThis &&
            Receivers.StaysInMemory(node.Method, call, _graph.StreamsOf(node.Method.Module), Assumed(node));

        /// <summary>The node's own Stream parameters that its context says hold in-memory streams; null when none do.</summary>
        private static System.Func<MethodDefinition, ParameterDefinition, bool>? Assumed(FlagNode node)
        {
            if (!node.Context.KnowsStreams) return null;
            var method = node.Method;
            var context = node.Context;
            return (m, p) => m == method && context.InMemory(p.Index);
        }

        /// <summary>
        /// The context a sync callee starts in with its Stream parameters too: each one its caller passes an in-memory
        /// stream, known from the caller's own code or from its own context.
        /// </summary>
        private FlagContext WithStreams(FlagNode caller, Instruction call, MethodDefinition callee, FlagContext context)
        {
            var parameters = StreamParameters(callee);
            if (parameters.Count == 0) return context;
            int count = callee.Parameters.Count;
            var streams = _graph.StreamsOf(caller.Method.Module);
            var assumed = Assumed(caller);
            foreach (int i in parameters)
                if (Receivers.InMemoryArgument(caller.Method, call, count - 1 - i, streams, assumed)) context = context.WithInMemory(i);
            return context;
        }

        /// <summary>The indexes (below 32) of the method's Stream parameters (and writers or readers over one), found once per method.</summary>
        private List<int> StreamParameters(MethodDefinition method)
        {
            if (_streamParameters.TryGetValue(method, out var found)) return found;
            found = new List<int>();
            var streams = _graph.StreamsOf(method.Module);
            for (int i = 0; i < method.Parameters.Count && i < 32; i++)
                if (!method.Parameters[i].ParameterType.IsByReference && (streams.IsStream(method.Parameters[i].ParameterType) ||
                    Catalog.StreamWrappers.CarriesStream(method.Parameters[i].ParameterType.GetElementType().FullName) ||
                    streams.IsHolder(method.Parameters[i].ParameterType))) found.Add(i);
            _streamParameters[method] = found;
            return found;
        }

        private readonly Dictionary<MethodDefinition, List<int>> _streamParameters = new Dictionary<MethodDefinition, List<int>>();

        /// <summary>The flag values under which an async method's body is analysed as a root (none: only run synchronously).</summary>
        public IReadOnlyList<FlagContext> RootContexts(MethodDefinition? kickoff)
        {
            if (kickoff == null || !HasFlags(kickoff)) return OnlyUnknown;
            ResolveSyncModeStarts();
            if (_asyncSide.TryGetValue(kickoff, out var contexts)) return contexts;
            return _calledAnywhere?.Contains(kickoff) == true ? System.Array.Empty<FlagContext>() : OnlyUnknown;
        }

        private static readonly FlagContext[] OnlyUnknown = { FlagContext.Unknown };

        /// <summary>
        /// Whether one value of one of the async method's bool parameters rules the instruction out: the direct calls the
        /// source analyzer leaves to this analysis (it reads the same branches from syntax). Worked out once per method.
        /// </summary>
        public bool FlagDecided(AsyncMachine root, Instruction ins)
        {
            if (!_decidedBy.TryGetValue(root.MoveNext, out var lives))
            {
                lives = new List<HashSet<Instruction>>();
                var kickoff = root.Kickoff;
                for (int i = 0; kickoff != null && i < kickoff.Parameters.Count && i < 16; i++)
                {
                    if (kickoff.Parameters[i].ParameterType.MetadataType != MetadataType.Boolean) continue;
                    foreach (bool value in new[] { true, false })
                        if (LiveCode.Of(root.MoveNext, FlagContext.Unknown.With(i, value), _flags) is HashSet<Instruction> live) lives.Add(live);
                }
                _decidedBy[root.MoveNext] = lives;
            }
            foreach (var live in lives)
                if (!live.Contains(ins)) return true;
            return false;
        }

        private readonly Dictionary<MethodDefinition, List<HashSet<Instruction>>> _decidedBy = new Dictionary<MethodDefinition, List<HashSet<Instruction>>>();

        private FlagContext ContextFor(FlagNode caller, Instruction call, MethodDefinition callee, bool streams)
        {
            var context = HasFlags(callee) ? _flags.Arguments(caller.Method, caller.Context, call, callee) : FlagContext.Unknown;
            // Only into sync code: an async method's stream is read in its state machine's fields, as any caller's.
            if (!streams) return context;
            context = WithGenerics(caller, call, callee, WithTypes(caller, call, callee, WithStreams(caller, call, callee, context)));
            return FreshObjects.Entering(caller.Method, caller.Context.Fresh, call, callee) is FreshFields fresh ? context.WithFresh(fresh) : context;
        }

        /// <summary>
        /// The type arguments a call gives a generic sync callee, where the callee dispatches on them (<see cref="UsesGenerics"/>)
        /// and they are closed once the caller's own are read in.
        /// </summary>
        private FlagContext WithGenerics(FlagNode caller, Instruction call, MethodDefinition callee, FlagContext context)
        {
            if (!callee.HasGenericParameters || !(call.Operand is GenericInstanceMethod instance) || !UsesGenerics(callee)) return context;
            return MethodGenerics.Of(instance, caller.Context.Generics) is MethodGenerics generics ? context.WithGenerics(generics) : context;
        }

        /// <summary>
        /// Whether a generic method makes a virtual call on a type built from its own type parameters
        /// (<c>IApplicable&lt;TA&gt;.Apply</c>) that the analysed code implements more than once, or hands its type
        /// parameters on to a generic method that does. Worked out once per method; a cycle counts as not using them.
        /// </summary>
        private bool UsesGenerics(MethodDefinition method)
        {
            if (_usesGenerics.TryGetValue(method, out bool known)) return known;
            _usesGenerics[method] = false;
            bool uses = false;
            if (method.HasBody && method.HasGenericParameters)
                foreach (var ins in method.Body.Instructions)
                {
                    if ((ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt) || !(ins.Operand is MethodReference target)) continue;
                    if (ins.OpCode.Code == Code.Callvirt && target.DeclaringType is GenericInstanceType declaring && NamesMethodParameter(declaring) &&
                        _graph.Dispatches(target))
                    {
                        uses = true;
                        break;
                    }
                    if (target is GenericInstanceMethod passed && passed.GenericArguments.Any(NamesMethodParameter) &&
                        _graph.AnyCallees(ins).Any(c => c.HasGenericParameters && UsesGenerics(c)))
                    {
                        uses = true;
                        break;
                    }
                }
            return _usesGenerics[method] = uses;
        }

        private static bool NamesMethodParameter(TypeReference type) => type switch
        {
            GenericParameter parameter => parameter.Type == GenericParameterType.Method,
            GenericInstanceType instance => instance.GenericArguments.Any(NamesMethodParameter),
            TypeSpecification specification => NamesMethodParameter(specification.ElementType),
            _ => false,
        };

        private readonly Dictionary<MethodDefinition, bool> _usesGenerics = new Dictionary<MethodDefinition, bool>();

        private bool HasFlags(MethodDefinition method)
        {
            if (!_hasFlags.TryGetValue(method, out bool has)) _hasFlags[method] = has = FlagReader.HasFlags(method);
            return has;
        }

        private readonly Dictionary<MethodDefinition, bool> _hasFlags = new Dictionary<MethodDefinition, bool>();

        private HashSet<Instruction>? Live(FlagNode node)
        {
            if (!_live.TryGetValue(node, out var live)) _live[node] = live = LiveCode.Of(node.Method, node.Context, _flags);
            return live;
        }

        private void Add(FlagNode node)
        {
            if (_live.ContainsKey(node)) return;
            _live[node] = LiveCode.Of(node.Method, node.Context, _flags);
            _pending.Enqueue(node);
        }

        private void Drain(Dictionary<MethodDefinition, MethodDefinition> flagged)
        {
            while (_pending.Count > 0)
            {
                var node = _pending.Dequeue();
                foreach (var ins in LiveInstructions(node))
                {
                    foreach (var callee in Callees(node, ins))
                    {
                        Add(callee);
                        if (!_callers.TryGetValue(callee, out var list)) _callers[callee] = list = new List<(FlagNode, Instruction)>();
                        list.Add((node, ins));
                    }
                    if (flagged.Count == 0 || ins.OpCode.FlowControl != FlowControl.Call) continue;
                    foreach (var kickoff in _graph.AsyncCallees(node.Method, ins))
                    {
                        if (!flagged.TryGetValue(kickoff, out var moveNext)) continue;
                        var side = Side(node);
                        if (side == CallerSide.Sync) continue;
                        var context = ContextFor(node, ins, kickoff, streams: false);
                        if (side == CallerSide.Async)
                        {
                            AddRoot(kickoff, context);
                            if (InSyncMode(kickoff, context) && !_origins.ContainsKey((kickoff, context))) _origins[(kickoff, context)] = _flags.OwnerOf(node.Method);
                        }
                        else _syncModeStarts.Add((kickoff, context, node));
                        Add(new FlagNode(moveNext, context));
                    }
                }
            }
        }

        /// <summary>
        /// An async method's body, or a method that hands an awaitable back (<c>Task ReadAsync() =&gt; Read(async: true)</c>).
        /// A sync iterator's body is the sync side: the Azure SDK's Pageable enumerates pages with
        /// <c>GetNextPageAsync(…, async: false, …).EnsureCompleted()</c>. A method that hands an awaitable back under a
        /// context whose flag named for its mode says sync (<see cref="ModeNames"/>) is the sync side too: Npgsql's sync API
        /// calls <c>ReadBuffer.Ensure(count, async: false).GetAwaiter().GetResult()</c>, and the async body Ensure starts
        /// runs its sync side for that caller only.
        /// </summary>
        private CallerSide Side(FlagNode node)
        {
            var method = node.Method;
            if (!IsAsyncBody(method) && !Awaitable.Is(method.ReturnType)) return CallerSide.Sync;
            return InSyncMode(_flags.OwnerOf(method), node.Context) ? CallerSide.SyncMode : CallerSide.Async;
        }

        /// <summary>Whether a context gives one of the owner's bool parameters named for its mode its sync value (async: false).</summary>
        private static bool InSyncMode(MethodDefinition owner, FlagContext context) => SyncModeParameters(owner, context).Any();

        /// <summary>The owner's bool parameters named for their mode that a context gives their sync value.</summary>
        private static IEnumerable<(ParameterDefinition Parameter, bool Value)> SyncModeParameters(MethodDefinition owner, FlagContext context)
        {
            for (int i = 0; i < owner.Parameters.Count && i < 16; i++)
                if (context.ValueOf(i) is bool value && ModeNames.TrueMeansSync(owner.Parameters[i].Name) is bool trueMeansSync &&
                    value == trueMeansSync)
                    yield return (owner.Parameters[i], value);
        }

        private bool IsAsyncBody(MethodDefinition method) =>
            _flags.OwnerOf(method) != method && AsyncMachineFinder.IsAsyncStateMachine(method.DeclaringType);

        private enum CallerSide { Sync, Async, SyncMode }

        /// <summary>Async bodies a wrapper in sync mode starts, with the wrapper's node: roots only where async code calls that wrapper.</summary>
        private readonly List<(MethodDefinition Kickoff, FlagContext Context, FlagNode Wrapper)> _syncModeStarts = new List<(MethodDefinition, FlagContext, FlagNode)>();

        /// <summary>
        /// A sync-mode start counts as an async root when async code reaches the wrapper: an async method that hands
        /// <c>async: false</c> to it blocks (<c>await Ensure(4, async: false)</c>), where the sync API's own call does not.
        /// </summary>
        private void ResolveSyncModeStarts()
        {
            if (_syncModeStarts.Count == 0) return;
            var memo = new Dictionary<FlagNode, bool>();
            var admitted = _syncModeStarts.Where(start => Started(start.Wrapper, memo)).ToList();
            foreach (var (kickoff, context, _) in admitted) AddRoot(kickoff, context);
            // Each admitted body runs in sync mode because some async-side code passed the sync value further up: name it.
            for (bool more = true; more;)
            {
                more = false;
                foreach (var (kickoff, context, wrapper) in admitted)
                    if (!_origins.ContainsKey((kickoff, context)) && OriginOf(wrapper, new HashSet<FlagNode>()) is MethodDefinition origin)
                    {
                        _origins[(kickoff, context)] = origin;
                        more = true;
                    }
            }
            _syncModeStarts.Clear();
        }

        /// <summary>
        /// For an async method's body analysed in sync mode (<c>async: false</c>) on the async side, the async-side method
        /// that passed that value (NpgsqlTransaction.ReleaseAsync is <c>=&gt; Release(async: false, …)</c>, and every socket
        /// read under it runs synchronously); null for any other body. The body's own code is not the bug: the caller is.
        /// </summary>
        public MethodDefinition? SyncModeOrigin(MethodDefinition? kickoff, FlagContext context) =>
            kickoff != null && _origins.TryGetValue((kickoff, context), out var origin) ? origin : null;

        /// <summary>The flags named for their mode that a context gives their sync value, as a message shows them (<c>async: false</c>).</summary>
        public static string SyncModeFlags(MethodDefinition owner, FlagContext context) =>
            string.Join(", ", SyncModeParameters(owner, context).Select(p => p.Parameter.Name + ": " + (p.Value ? "true" : "false")));

        private readonly Dictionary<(MethodDefinition, FlagContext), MethodDefinition> _origins = new Dictionary<(MethodDefinition, FlagContext), MethodDefinition>();

        /// <summary>The origin of the sync value a node runs under: its own body's, or the first of its callers' that has one.</summary>
        private MethodDefinition? OriginOf(FlagNode node, HashSet<FlagNode> seen)
        {
            if (!seen.Add(node)) return null;
            if (IsAsyncBody(node.Method) && _origins.TryGetValue((_flags.OwnerOf(node.Method), node.Context), out var own)) return own;
            if (_callers.TryGetValue(node, out var callers))
                foreach (var (caller, _) in callers)
                    if (OriginOf(caller, seen) is MethodDefinition found) return found;
            return null;
        }

        /// <summary>Records a context an async method's body is reported under (once).</summary>
        private void AddRoot(MethodDefinition kickoff, FlagContext context)
        {
            if (!_asyncSide.TryGetValue(kickoff, out var contexts)) _asyncSide[kickoff] = contexts = new List<FlagContext>();
            if (!contexts.Contains(context)) contexts.Add(context);
        }

        /// <summary>Whether the node that started a sync-mode body is async code: an async body that runs async, or a wrapper async code reaches.</summary>
        private bool Started(FlagNode starter, Dictionary<FlagNode, bool> memo) =>
            IsAsyncBody(starter.Method) ? RunsAsync(starter, memo) : ReachedFromAsync(starter, memo);

        private bool ReachedFromAsync(FlagNode node, Dictionary<FlagNode, bool> memo)
        {
            if (memo.TryGetValue(node, out bool known)) return known;
            memo[node] = false;
            bool reached = false;
            if (_callers.TryGetValue(node, out var callers))
                foreach (var (caller, _) in callers)
                    if (IsAsyncBody(caller.Method) ? RunsAsync(caller, memo) : Awaitable.Is(caller.Method.ReturnType) && ReachedFromAsync(caller, memo))
                    {
                        reached = true;
                        break;
                    }
            return memo[node] = reached;
        }

        /// <summary>
        /// Whether an async body runs as async code: any context but a sync-mode one, and a sync-mode one only where async
        /// code started it (an async method that a sync API runs with async: false is sync code for that caller).
        /// </summary>
        private bool RunsAsync(FlagNode body, Dictionary<FlagNode, bool> memo)
        {
            var owner = _flags.OwnerOf(body.Method);
            if (!InSyncMode(owner, body.Context)) return true;
            if (_asyncSide.TryGetValue(owner, out var contexts) && contexts.Contains(body.Context)) return true;
            if (memo.TryGetValue(body, out bool known)) return known;
            memo[body] = false;
            foreach (var (kickoff, context, starter) in _syncModeStarts)
                if (kickoff == owner && context.Equals(body.Context) && Started(starter, memo)) return memo[body] = true;
            return false;
        }
    }
}
