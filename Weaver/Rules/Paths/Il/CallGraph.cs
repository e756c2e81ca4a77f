using System;
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
    /// Static call graph over the analysed modules, for finding blocking calls reachable from async methods.
    /// Edges: direct calls; virtual and interface calls to the implementations in the analysed modules that the
    /// receiver's static type allows; and lambdas or local functions invoked right where they are created. A delegate
    /// handed to anything else
    /// (Task.Run, ThreadPool.QueueUserWorkItem, new Thread, …) is not followed: that is offloading.
    /// Methods under [AllowBlocking] are not in the graph, so they neither warn nor pass blocking on; nor are the
    /// analysed code's own methods the catalog's not-blocking list names (the user's word; their probes stay).
    /// </summary>
    internal sealed class CallGraph
    {
        private readonly HashSet<ModuleDefinition> _modules;
        private readonly BlockingCatalog _catalog;
        private readonly Func<MethodDefinition, bool> _excluded;
        private readonly Overrides _overrides;
        private readonly Dictionary<string, ReferenceSummary> _references;
        private readonly HashSet<string> _moduleScopes = new HashSet<string>(StringComparer.Ordinal);

        /// <param name="references">Summaries of the followed references: calls into them end there.</param>
        public CallGraph(IEnumerable<ModuleDefinition> modules, BlockingCatalog catalog, Func<MethodDefinition, bool> excluded,
            IEnumerable<ReferenceSummary>? references = null)
        {
            _modules = new HashSet<ModuleDefinition>(modules);
            foreach (var module in _modules)
            {
                _moduleScopes.Add(module.Name);
                if (module.Assembly == null) continue;
                _moduleScopes.Add(module.Assembly.Name.Name);
                _moduleScopes.Add(module.Assembly.Name.Name + ".dll");
            }
            _catalog = catalog;
            // Asked for every call target, often for the same method: each answer reads custom attributes under Cecil's lock.
            var verdicts = new Dictionary<MethodDefinition, bool>();
            _excluded = m =>
            {
                if (!verdicts.TryGetValue(m, out bool excludedHere))
                    verdicts[m] = excludedHere = excluded(m) || catalog.NotBlocking.ListsOwn(m);
                return excludedHere;
            };
            _references = (references ?? Enumerable.Empty<ReferenceSummary>())
                .GroupBy(r => r.AssemblyName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _overrides = _modules.Count == 1 ? Overrides.For(_modules.First()) : new Overrides(_modules);
            _receiverTypes = new ReceiverTypes(r => Resolve(r), ResolveType, m => _overrides.Of(m));
        }

        /// <summary>For each virtual or interface method, the methods in the analysed modules that implement it.</summary>
        public IEnumerable<KeyValuePair<MethodDefinition, List<MethodDefinition>>> Overriders => _overrides.All;

        /// <summary>Whether any other assembly's paths are known (project references, or packages when asked for).</summary>
        public bool FollowsReferences => _references.Count > 0;

        /// <summary>
        /// The blocking path a call leads into when its target is in a summarised reference, else null; the path with
        /// in-memory streams (or none) when <paramref name="streamsInMemory"/> says the call hands one for each of the
        /// target's Stream parameters.
        /// </summary>
        public ExternalWitness? External(MethodDefinition caller, Instruction ins, Func<MethodDefinition, bool>? streamsInMemory = null)
        {
            if (!FollowsReferences || !(ins.Operand is MethodReference target)) return null;
            if (ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt && ins.OpCode.Code != Code.Newobj) return null;
            var element = target.GetElementMethod();
            if (element is MethodDefinition) return null;
            if (!_references.ContainsKey(AssemblyNameOf(element.DeclaringType.Scope))) return null;
            var def = ResolveCached(element);
            if (def == null) return null;
            // An interface in one reference may be implemented in another: ask them all, keep the shortest.
            ExternalWitness? best = null;
            bool inMemory = streamsInMemory != null && streamsInMemory(def);
            foreach (var summary in _references.Values)
            {
                var found = summary.Find(def.FullName, inMemory);
                if (found != null && (best == null || found.Depth < best.Depth)) best = found;
            }
            return best;
        }

        private static string AssemblyNameOf(IMetadataScope scope) =>
            scope is AssemblyNameReference a ? a.Name : scope is ModuleDefinition m ? m.Assembly?.Name.Name ?? m.Name : scope.Name;

        public IEnumerable<MethodDefinition> Methods =>
            _modules.SelectMany(m => m.GetTypes()).SelectMany(t => t.Methods).Where(m => m.HasBody && !_excluded(m));

        /// <summary>The catalogued blocking calls a method makes itself, in IL order (found once per method).</summary>
        public List<BlockingCallSite> DirectBlockingCalls(MethodDefinition method)
        {
            if (!_direct.TryGetValue(method, out var calls))
                _direct[method] = calls = BlockingCallFinder.Find(new[] { method }, _catalog, forBuildWarnings: true);
            return calls;
        }

        private readonly Dictionary<MethodDefinition, List<BlockingCallSite>> _direct = new Dictionary<MethodDefinition, List<BlockingCallSite>>();

        /// <summary>
        /// Methods in the graph that a call instruction may run synchronously (async methods excluded); for a virtual
        /// call whose receiver the path knows more of (<paramref name="receiver"/>: the types it is one of or derives
        /// from), only the implementations those allow.
        /// </summary>
        /// <param name="generics">The type arguments the path gave the caller, where known: a virtual call on a type built
        /// from them runs only the implementations of that instantiation.</param>
        public IEnumerable<MethodDefinition> Callees(MethodDefinition caller, Instruction ins, IReadOnlyList<TypeDefinition>? receiver = null,
            MethodGenerics? generics = null)
        {
            // Asked for every instruction of every method: answer the common case without an enumerator.
            var code = ins.OpCode.Code;
            if ((code != Code.Call && code != Code.Callvirt && code != Code.Newobj) || !(ins.Operand is MethodReference target))
                return Array.Empty<MethodDefinition>();
            if (!MayRunHere(target))
                return target.Name == "Dispose" && !target.HasParameters ? OwnDisposal(caller, ins, target) : Array.Empty<MethodDefinition>();
            return CallTargets(caller, ins, target, receiver, generics);
        }

        /// <summary>
        /// The analysed code's own override a catalogued disposal runs (<see cref="OwnDisposals"/>), or none: worked out
        /// once per call, since the paths ask again for every context they reach the caller in.
        /// </summary>
        private MethodDefinition[] OwnDisposal(MethodDefinition caller, Instruction ins, MethodReference target)
        {
            if (_ownDisposals.TryGetValue(ins, out var known)) return known;
            return _ownDisposals[ins] = _catalog.Match(target) is BlockingApi api && OwnDisposals.Replaced(caller, ins, target, api, out var runs) &&
                                        runs != null && Followable(runs)
                ? new[] { runs } : Array.Empty<MethodDefinition>();
        }

        /// <summary>The types the value <paramref name="producer"/> pushes can have, from where it comes from (<see cref="ReceiverTypes"/>); null where not known.</summary>
        public IReadOnlyList<TypeDefinition>? SourcesOf(MethodDefinition method, Instruction producer) => _receiverTypes.Of(method, producer);

        /// <summary>
        /// Whether knowing an object is one of <paramref name="types"/> (or derives from one) says more than its declared
        /// type: each is the analysed code's own, and a type below <paramref name="declared"/>.
        /// </summary>
        public bool Narrows(IReadOnlyList<TypeDefinition> types, TypeDefinition declared)
        {
            if (types.Count == 0 || types.Count > ArgumentTypes.MaxTypes) return false;
            foreach (var type in types)
                if (type == declared || !_modules.Contains(type.Module) || !_overrides.SupertypesOf(type).Contains(declared)) return false;
            return true;
        }

        /// <summary>
        /// Whether an object known to be <paramref name="type"/> or derived from it is narrower than <paramref name="declared"/>:
        /// a type below it (below <c>System.Object</c>, any other type), from any assembly.
        /// </summary>
        public bool Bounds(TypeDefinition type, TypeDefinition declared) =>
            type != declared && (declared.FullName == "System.Object" || _overrides.SupertypesOf(type).Contains(declared));

        /// <summary>A type, resolved once (null where it cannot be).</summary>
        public TypeDefinition? TypeOf(TypeReference? reference) => ResolveType(reference);

        /// <summary>
        /// The analysed methods a call instruction may run, read cheaply: the target and every implementation of it, with
        /// no reading of where the receiver comes from (a superset of <see cref="Callees"/>, for questions asked of every call).
        /// </summary>
        public IEnumerable<MethodDefinition> AnyCallees(Instruction ins)
        {
            var code = ins.OpCode.Code;
            if ((code != Code.Call && code != Code.Callvirt && code != Code.Newobj) || !(ins.Operand is MethodReference target) ||
                !MayRunHere(target) || IsDelegateInvoke(target) || !(Resolve(target) is MethodDefinition def))
                return Array.Empty<MethodDefinition>();
            var impls = code == Code.Callvirt ? _overrides.Of(def) : Array.Empty<MethodDefinition>();
            if (impls.Count == 0) return Followable(def) ? new[] { def } : Array.Empty<MethodDefinition>();
            return new[] { def }.Concat(impls).Where(Followable);
        }

        /// <summary>Whether a virtual call to <paramref name="target"/> can run more than one body here: it has implementations in the analysed code.</summary>
        public bool Dispatches(MethodReference target) =>
            MayRunHere(target) && Resolve(target) is MethodDefinition def && (def.IsVirtual || def.IsAbstract) && _overrides.Of(def).Count > 0;

        /// <summary>
        /// Whether some type of the analysed code derives from or implements <paramref name="type"/> (System.Object
        /// aside): only then can knowing more of an object typed as it narrow a dispatch.
        /// </summary>
        public bool HasSubtypesHere(TypeDefinition type)
        {
            if (_extended == null)
            {
                _extended = new HashSet<TypeDefinition>();
                foreach (var module in _modules)
                foreach (var t in module.GetTypes())
                    _extended.UnionWith(_overrides.SupertypesOf(t));
            }
            return type.FullName != "System.Object" && _extended.Contains(type);
        }

        private HashSet<TypeDefinition>? _extended;

        /// <summary>
        /// Whether a call can lead into the analysed modules: a delegate's Invoke, or a method declared in one of them.
        /// Most calls go to the framework; this answers them without the enumerator <see cref="CallTargets"/> would allocate.
        /// </summary>
        private bool MayRunHere(MethodReference target) => target.Name == "Invoke" || DeclaredHere(target.GetElementMethod());

        /// <summary>Declared in an analysed module: anything else is the catalog's business.</summary>
        private bool DeclaredHere(MethodReference element) =>
            element is MethodDefinition || _moduleScopes.Contains(element.DeclaringType.Scope.Name);

        private IEnumerable<MethodDefinition> CallTargets(MethodDefinition caller, Instruction ins, MethodReference target, IReadOnlyList<TypeDefinition>? receiver,
            MethodGenerics? generics)
        {
            if (IsDelegateInvoke(target))
            {
                foreach (var lambda in LambdasInvokedAt(caller, ins)) yield return lambda;
                yield break;
            }
            var def = Resolve(target);
            if (def == null) yield break;
            // A stream in memory does no I/O, whatever its methods call: one built over in-memory streams writes only
            // those, though its own code reads them from fields whose values it cannot know.
            if (target.HasThis && ins.OpCode.Code != Code.Newobj && StreamMethod(def) &&
                Receivers.StaysInMemory(caller, ins, StreamTypes.For(caller.Module, _catalog))) yield break;
            foreach (var callee in DispatchTargets(caller, ins, def, receiver, generics))
                if (Followable(callee)) yield return callee;
        }

        /// <summary>The in-memory stream types as this analysis's catalog sees them in <paramref name="module"/>.</summary>
        public StreamTypes StreamsOf(ModuleDefinition module) => StreamTypes.For(module, _catalog);

        /// <summary>Whether the method is a stream's (declared on System.IO.Stream or a type derived from it), or a writer's or reader's of this module that only wraps one.</summary>
        public bool StreamMethod(MethodDefinition method)
        {
            if (!_streamTypes.TryGetValue(method.DeclaringType, out bool stream))
            {
                var streams = StreamTypes.For(method.Module, _catalog);
                // A subclass of a catalogued writer or reader (BinaryWriter…) writes only the stream it was built over.
                // A class of the module holding what it is handed, or an interface of the module one implements, too.
                _streamTypes[method.DeclaringType] = stream = streams.IsStream(method.DeclaringType) || streams.OnlyWraps(method.DeclaringType) ||
                                                              streams.IsHolder(method.DeclaringType);
            }
            return stream;
        }

        private readonly Dictionary<TypeDefinition, bool> _streamTypes = new Dictionary<TypeDefinition, bool>();

        /// <summary>Whether the call names a method of an interface of the module that a class holding a stream implements.</summary>
        public bool TargetsHolderInterface(Instruction ins) =>
            ins.Operand is MethodReference target && target.HasThis && Resolve(target) is MethodDefinition declared && declared.DeclaringType.IsInterface &&
            StreamMethod(declared);

        /// <summary>
        /// Async methods in the graph that a call instruction starts: their first segment runs on the caller's thread
        /// (so what they are passed matters), but they are analysed as roots of their own, not as callees.
        /// </summary>
        public IEnumerable<MethodDefinition> AsyncCallees(MethodDefinition caller, Instruction ins)
        {
            var code = ins.OpCode.Code;
            if ((code != Code.Call && code != Code.Callvirt) || !(ins.Operand is MethodReference target) || !MayRunHere(target) || IsDelegateInvoke(target))
                return Array.Empty<MethodDefinition>();
            return AsyncTargets(caller, ins, target);
        }

        private IEnumerable<MethodDefinition> AsyncTargets(MethodDefinition caller, Instruction ins, MethodReference target)
        {
            var def = Resolve(target);
            if (def == null) yield break;
            foreach (var callee in DispatchTargets(caller, ins, def))
                if (callee.HasBody && _modules.Contains(callee.Module) && !_excluded(callee) && IsAsync(callee)) yield return callee;
        }

        /// <summary>
        /// The methods a call may run: the target itself and, for a virtual or interface call, the implementations in the
        /// analysed modules that the receiver's static type allows — the override its own class (or the nearest base) has
        /// and those in its subtypes. A sealed type has none of the latter.
        /// </summary>
        private IEnumerable<MethodDefinition> DispatchTargets(MethodDefinition caller, Instruction ins, MethodDefinition def,
            IReadOnlyList<TypeDefinition>? known = null, MethodGenerics? generics = null)
        {
            var impls = _overrides.Of(def);
            if (ins.OpCode.Code != Code.Callvirt || !(def.IsVirtual || def.IsAbstract) || impls.Count == 0)
            {
                yield return def;
                yield break;
            }
            // Only implementations whose instantiation can be the call's (an IJsonFormatter<string> call never runs the
            // formatter of IJsonFormatter<ValueTask<T>>, Elasticsearch.Net's Utf8Json).
            if (ins.Operand is MethodReference called && called.DeclaringType is GenericInstanceType instance)
            {
                if (generics != null && generics.Substitute(instance) is GenericInstanceType closed) instance = closed;
                // A new list only where one is left out: most calls keep them all.
                List<MethodDefinition>? kept = null;
                for (int i = 0; i < impls.Count; i++)
                {
                    if (GenericDispatch.CanRun(instance, def.DeclaringType, impls[i])) kept?.Add(impls[i]);
                    else kept ??= impls.Take(i).ToList();
                }
                if (kept != null) impls = kept;
            }
            var receiver = ReceiverType(caller, ins, def);
            var outer = receiver == null ? null : ThisCallOf(caller, ins, def);
            var targets = ForReceiver(receiver, def, impls, outer);
            // A cast does not change the object: cast from a value declared as another type, it is both (linq2db casts a
            // data provider to IInfrastructure<IServiceProvider>, whose data contexts' implementations it never runs; the
            // analyzer reads the receiver's type before the cast already).
            if (targets.Count > 1 && CastFrom(caller, ins, def) is TypeDefinition before)
            {
                var both = new HashSet<MethodDefinition>(ForReceiver(before, def, impls, null));
                targets = targets.Where(both.Contains).ToList();
            }
            // Where the object comes from may allow fewer than its declared type (a parameter typed as the interface whose
            // callers all hand one implementation), and so may what the path knows of it: only what both allow runs.
            var sources = known;
            if (sources == null && targets.Count > 1 && outer == null && Receivers.Producer(caller.Body, ins, def.Parameters.Count) is Instruction producer)
                sources = _receiverTypes.Of(caller, producer);
            if (targets.Count > 1 && sources != null)
            {
                var allowed = new HashSet<MethodDefinition>();
                foreach (var source in sources)
                    if (source != receiver) allowed.UnionWith(ForReceiver(source, def, impls, null));
                    else { allowed = null; break; }
                if (allowed != null) targets = targets.Where(allowed.Contains).ToList();
            }
            // Only implementations of types that can have instances run (Instances: a BSON reader nobody constructs never reads).
            foreach (var target in targets)
                if (targets.Count == 1 || InstancesHere.Possible(target.DeclaringType)) yield return target;
        }

        private Instances InstancesHere => _instances ??= new Instances(_modules, _overrides, ResolveType);

        private Instances? _instances;

        /// <summary>
        /// The implementations an object whose type is <paramref name="receiver"/> or derives from it may run: the one its
        /// own class runs (the nearest declaration in its base chain) and those of its subtypes; all of them where the
        /// receiver is not known.
        /// </summary>
        private List<MethodDefinition> ForReceiver(TypeDefinition? receiver, MethodDefinition def, IReadOnlyList<MethodDefinition> impls, MethodDefinition? outer)
        {
            // The common question — every implementation, no replacing caller — asked again at each call site and context:
            // answered once per method and receiver type (a generated SDK's model interfaces have thousands of implementations).
            if (outer != null || !ReferenceEquals(impls, _overrides.Of(def))) return ForReceiverOnce(receiver, def, impls, outer);
            var key = (def, receiver);
            if (!_forReceiver.TryGetValue(key, out var known)) _forReceiver[key] = known = ForReceiverOnce(receiver, def, impls, null);
            return known;
        }

        private readonly Dictionary<(MethodDefinition, TypeDefinition?), List<MethodDefinition>> _forReceiver =
            new Dictionary<(MethodDefinition, TypeDefinition?), List<MethodDefinition>>();

        private List<MethodDefinition> ForReceiverOnce(TypeDefinition? receiver, MethodDefinition def, IReadOnlyList<MethodDefinition> impls, MethodDefinition? outer)
        {
            var targets = new List<MethodDefinition>();
            if (receiver == null)
            {
                targets.Add(def);
                targets.AddRange(impls);
                return targets;
            }
            for (var type = receiver; type != null && !type.IsInterface; type = ResolveType(type.BaseType))
            {
                if (type == def.DeclaringType) { targets.Add(def); break; }
                var own = impls.FirstOrDefault(i => i.DeclaringType == type);
                if (own != null) { targets.Add(own); break; }
            }
            foreach (var impl in impls)
                if (impl.DeclaringType != receiver && _overrides.Derives(impl.DeclaringType, receiver) &&
                    !(outer != null && ReplacedBelow(outer, impl.DeclaringType, receiver)))
                    targets.Add(impl);
            return targets;
        }

        /// <summary>
        /// For a virtual call on <c>this</c> made by a virtual method (or by the body of a virtual async method): that
        /// method; null otherwise.
        /// </summary>
        private MethodDefinition? ThisCallOf(MethodDefinition caller, Instruction call, MethodDefinition target)
        {
            var producer = Receivers.Producer(caller.Body, call, target.Parameters.Count);
            if (producer == null) return null;
            if (producer.OpCode.Code == Code.Ldarg_0 && caller.HasThis) return caller.IsVirtual ? caller : null;
            if (producer.OpCode.Code == Code.Ldfld && producer.Operand is FieldReference field && field.Name == "<>4__this" &&
                Receivers.Producer(caller.Body, producer, 0)?.OpCode.Code == Code.Ldarg_0 &&
                _owners.OwnerOf(caller) is MethodDefinition kickoff)
                return kickoff.IsVirtual ? kickoff : null;
            return null;
        }

        private readonly MethodOwners _owners = new MethodOwners();
        private FlagReader? _liveFlags;
        private readonly ReceiverTypes _receiverTypes;

        /// <summary>
        /// Whether an object of <paramref name="type"/> never runs <paramref name="outer"/>'s body: a class between it and
        /// <paramref name="declaring"/> (itself included) overrides <paramref name="outer"/> without calling the base. Then
        /// a call on <c>this</c> in that body does not reach that class's overrides (SharpCompress's FilePart runs the sync
        /// GetCompressedStream from its async default, which SevenZipFilePart replaces).
        /// </summary>
        private bool ReplacedBelow(MethodDefinition outer, TypeDefinition type, TypeDefinition declaring)
        {
            var overrides = _overrides.Of(outer);
            for (var t = type; t != null && t != declaring; t = ResolveType(t.BaseType))
            {
                var replacement = overrides.FirstOrDefault(o => o.DeclaringType == t);
                if (replacement != null) return !CallsBase(replacement, outer);
            }
            return false;
        }

        /// <summary>
        /// Whether an override calls the method it overrides (<c>base.M()</c>; in an async override, through the compiler's
        /// proxy) in code that can run (<see cref="LiveCode"/> with nothing known: not on the side a test of its object's
        /// exact type rules out — Json.NET's <c>_safeAsync ? DoReadAsync(…) : base.ReadAsync(…)</c> in a reader with no
        /// subclass — nor on a mode switch's sync side). Asked for every this-call's dispatch: answered once per pair.
        /// </summary>
        private bool CallsBase(MethodDefinition replacement, MethodDefinition outer)
        {
            var key = (replacement, outer);
            if (!_callsBase.TryGetValue(key, out bool calls)) _callsBase[key] = calls = ReadsBaseCall(replacement, outer);
            return calls;
        }

        private readonly Dictionary<(MethodDefinition, MethodDefinition), bool> _callsBase = new Dictionary<(MethodDefinition, MethodDefinition), bool>();

        private bool ReadsBaseCall(MethodDefinition replacement, MethodDefinition outer)
        {
            var bodies = new List<MethodDefinition> { replacement };
            if (MethodOwners.AsyncMoveNextOf(replacement) is MethodDefinition moveNext) bodies.Add(moveNext);
            foreach (var body in bodies)
            {
                if (!body.HasBody) continue;
                var live = LiveCode.Of(body, FlagContext.Unknown, _liveFlags ??= new FlagReader(_owners));
                foreach (var ins in body.Body.Instructions)
                    if (ins.OpCode.Code == Code.Call && ins.Operand is MethodReference called && (live == null || live.Contains(ins)) &&
                        (called.Name == outer.Name && called.DeclaringType.GetElementType().FullName != replacement.DeclaringType.FullName ||
                         called.Name.StartsWith("<>n__", System.StringComparison.Ordinal)))
                        return true;
            }
            return false;
        }

        /// <summary>The static type of a virtual call's receiver as the IL declares it (<c>this</c> is the caller's type); null if unknown.</summary>
        private TypeDefinition? ReceiverType(MethodDefinition caller, Instruction call, MethodDefinition target)
        {
            var producer = Receivers.Producer(caller.Body, call, target.Parameters.Count);
            if (producer == null) return null;
            if (producer.OpCode.Code == Code.Ldarg_0 && caller.HasThis) return caller.DeclaringType;
            var type = Receivers.StaticType(caller, producer);
            return type == null || type.IsGenericParameter || type.IsByReference ? null : ResolveType(type);
        }

        /// <summary>
        /// For a receiver that is a cast (<c>castclass</c> or <c>isinst</c>, directly or through a local stored once), the
        /// declared type of the value cast; null for any other receiver, or one declared as object.
        /// </summary>
        private TypeDefinition? CastFrom(MethodDefinition caller, Instruction call, MethodDefinition target)
        {
            var producer = Receivers.Producer(caller.Body, call, target.Parameters.Count);
            if (producer != null && Il.IsLdloc(producer.OpCode.Code) && Receivers.Local(caller, producer) is VariableDefinition local)
                producer = Receivers.SingleStoreValue(caller, local);
            if (producer == null || (producer.OpCode.Code != Code.Castclass && producer.OpCode.Code != Code.Isinst)) return null;
            var operand = Receivers.Producer(caller.Body, producer, 0);
            var type = operand == null ? null : Receivers.StaticType(caller, operand);
            if (type == null || type.IsGenericParameter || type.IsByReference || type.FullName == "System.Object") return null;
            return ResolveType(type);
        }

        private TypeDefinition? ResolveType(TypeReference? reference)
        {
            if (reference == null) return null;
            if (!_resolvedTypes.TryGetValue(reference, out var resolved)) _resolvedTypes[reference] = resolved = Safe(() => reference.Resolve());
            return resolved;
        }

        private bool Followable(MethodDefinition m)
        {
            if (!_followable.TryGetValue(m, out bool followable))
                _followable[m] = followable = m.HasBody && _modules.Contains(m.Module) && !_excluded(m) && !IsAsyncOrIterator(m);
            return followable;
        }

        private readonly Dictionary<MethodDefinition, bool> _followable = new Dictionary<MethodDefinition, bool>();

        private static bool IsAsync(MethodDefinition m) => AsyncMachineFinder.IsAsyncMethod(m);

        private static bool IsAsyncOrIterator(MethodDefinition m) =>
            m.HasCustomAttributes && m.CustomAttributes.Any(a =>
                a.AttributeType.Name == "AsyncStateMachineAttribute" || a.AttributeType.Name == "AsyncIteratorStateMachineAttribute" ||
                a.AttributeType.Name == "IteratorStateMachineAttribute");

        private MethodDefinition? Resolve(MethodReference target)
        {
            var element = target.GetElementMethod();
            if (element is MethodDefinition d) return d;
            return DeclaredHere(element) ? ResolveCached(element) : null;
        }

        private static bool IsDelegateInvoke(MethodReference target) =>
            target.Name == "Invoke" && Safe(() => target.DeclaringType.Resolve())?.BaseType?.FullName == "System.MulticastDelegate";

        /// <summary>
        /// Lambdas and local functions whose delegate is invoked here: the delegate was made from <c>ldftn</c> in
        /// this method and this Invoke is the first call that uses a delegate of that type afterwards.
        /// </summary>
        private IEnumerable<MethodDefinition> LambdasInvokedAt(MethodDefinition caller, Instruction invoke)
        {
            var delegateType = ((MethodReference)invoke.Operand).DeclaringType.FullName;
            foreach (var ins in caller.Body.Instructions)
            {
                if (ins.OpCode.Code != Code.Ldftn || !(ins.Operand is MethodReference lambdaRef)) continue;
                var create = ins.Next;
                if (create == null || create.OpCode.Code != Code.Newobj || ((MethodReference)create.Operand).DeclaringType.FullName != delegateType) continue;
                if (FirstUseOfDelegate(create, delegateType) != invoke) continue;
                var lambda = Resolve(lambdaRef);
                if (lambda != null && Followable(lambda)) yield return lambda;
            }
        }

        private static Instruction? FirstUseOfDelegate(Instruction create, string delegateType)
        {
            int budget = 64;
            for (var i = create.Next; i != null && budget-- > 0; i = i.Next)
            {
                if (!(i.Operand is MethodReference m)) continue;
                if (i.OpCode.Code != Code.Call && i.OpCode.Code != Code.Callvirt && i.OpCode.Code != Code.Newobj) continue;
                if (m.Name == "Invoke" && m.DeclaringType.FullName == delegateType) return i;
                if (m.Parameters.Any(p => p.ParameterType.FullName == delegateType)) return i;
            }
            return null;
        }

        /// <summary>
        /// Resolves each member reference once: every state machine overrides the same IAsyncStateMachine methods,
        /// and the paths search and the analyzer both ask about every call instruction.
        /// </summary>
        private MethodDefinition? ResolveCached(MethodReference reference)
        {
            if (!_resolved.TryGetValue(reference, out var def)) _resolved[reference] = def = Safe(() => reference.Resolve());
            return def;
        }

        private readonly Dictionary<MethodReference, MethodDefinition?> _resolved = new Dictionary<MethodReference, MethodDefinition?>();
        private readonly Dictionary<Instruction, MethodDefinition[]> _ownDisposals = new Dictionary<Instruction, MethodDefinition[]>();
        private readonly Dictionary<TypeReference, TypeDefinition?> _resolvedTypes = new Dictionary<TypeReference, TypeDefinition?>();

        private static T? Safe<T>(Func<T> resolve) where T : class
        {
            try { return resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }
    }
}
