using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Which stream types are in memory, for <see cref="Receivers"/>: the catalog's (MemoryStream, and the user's
    /// not-blocking entries), and streams the module declares itself whose own code shows it. A stream type of the
    /// module is <i>self-contained</i> when its methods (and the module's methods they call) reach no blocking call and
    /// touch no other stream — MimeKit's <c>MemoryBlockStream</c>, a byte-counting or hashing stream; it only
    /// <i>wraps</i> when the one thing it does besides is read or write streams it is handed (MimeKit's
    /// <c>FilteredStream</c>), so that one built over in-memory streams is in memory too.
    /// </summary>
    /// <remarks>
    /// The receivers inside a stream type's own code are judged with the catalog alone (<see cref="Plain"/>), so that
    /// classifying one type never waits on another's.
    /// </remarks>
    internal sealed partial class StreamTypes
    {
        private const int MaxMethods = 200;
        private const string StreamType = "System.IO.Stream";

        private enum Kind { Blocks, Wraps, SelfContained }

        private readonly ModuleDefinition? _module;
        private readonly BlockingCatalog? _catalog;
        private readonly System.Func<string, bool> _listed;
        private readonly bool _acrossAssemblies;
        private StreamTypes? _across;
        private readonly Dictionary<TypeDefinition, Kind> _kinds = new Dictionary<TypeDefinition, Kind>();
        private readonly Dictionary<string, bool> _isStream = new Dictionary<string, bool>();

        private StreamTypes(ModuleDefinition? module, BlockingCatalog? catalog, System.Func<string, bool> listed, bool acrossAssemblies = false)
        {
            _module = module;
            _catalog = catalog;
            _listed = listed;
            _acrossAssemblies = acrossAssemblies;
        }

        /// <summary>
        /// These, and a stream type of another assembly (not the framework's) read in its own module: for what a call
        /// into a followed reference passes, since that reference's summary says what its code does with an in-memory
        /// stream (MailKit hands MimeKit's <c>MeasuringStream</c> to <c>MimeMessage.WriteTo</c>).
        /// </summary>
        public StreamTypes AcrossAssemblies => _across ??= new StreamTypes(_module, _catalog, _listed, acrossAssemblies: true);

        private static readonly ConditionalWeakTable<ModuleDefinition, StreamTypes> Cache = new ConditionalWeakTable<ModuleDefinition, StreamTypes>();

        /// <summary>The module's stream types as <paramref name="catalog"/> sees them (one analysis per module and catalog).</summary>
        public static StreamTypes For(ModuleDefinition module, BlockingCatalog catalog)
        {
            lock (Cache)
            {
                if (Cache.TryGetValue(module, out var known) && known._catalog == catalog) return known;
                var types = new StreamTypes(module, catalog, catalog.NotBlocking.ExcludesType);
                Cache.Remove(module);
                Cache.Add(module, types);
                return types;
            }
        }

        /// <summary>Only the types a list names (<paramref name="listed"/>): nothing inferred.</summary>
        public static StreamTypes Plain(System.Func<string, bool> listed) => new StreamTypes(null, null, listed);

        /// <summary>Whether every instance of the type stays in memory, its subclasses' too.</summary>
        public bool InMemory(TypeReference type)
        {
            if (_listed(type.GetElementType().FullName)) return true;
            if (Declared(type) is TypeDefinition definition) return KindOf(definition) == Kind.SelfContained;
            return Foreign(type) is TypeDefinition elsewhere && For(elsewhere.Module, _catalog!).InMemory(elsewhere);
        }

        /// <summary>Whether an instance of exactly this type (a new object) stays in memory.</summary>
        public bool InMemoryExactly(TypeReference type)
        {
            if (_listed(type.GetElementType().FullName)) return true;
            if (Declared(type) is TypeDefinition definition) return Own(definition) == Kind.SelfContained;
            return Foreign(type) is TypeDefinition elsewhere && For(elsewhere.Module, _catalog!).InMemoryExactly(elsewhere);
        }

        /// <summary>
        /// Whether a new instance of <paramref name="type"/> built over streams reads and writes only those: a stream type
        /// of another assembly is taken at its word (BouncyCastle's armored and compressed streams), one of this module
        /// must show it.
        /// </summary>
        public bool OnlyWraps(TypeReference type)
        {
            // This module's subclass of a catalogued wrapper (class AttributeWriter : BinaryWriter) wraps as its base does;
            // a class of its own that holds what it is handed (StreamHolders) wraps that.
            if (!IsStream(type)) return Declared(type) is TypeDefinition writer && (DerivesFromWrapper(writer) || Held(writer) != null) && Own(writer) != Kind.Blocks;
            if (Declared(type) is TypeDefinition definition) return Own(definition) != Kind.Blocks;
            return !(Foreign(type) is TypeDefinition elsewhere) || For(elsewhere.Module, _catalog!).OnlyWraps(elsewhere);
        }

        /// <summary>Whether the type derives, through this module's types, from a catalogued wrapper of another assembly (BinaryWriter, StreamReader…).</summary>
        private bool DerivesFromWrapper(TypeDefinition type)
        {
            for (var t = type; ; )
            {
                var baseType = t.BaseType;
                if (baseType == null) return false;
                if (Declared(baseType) is TypeDefinition next) { t = next; continue; }
                return IsWrapper(baseType);
            }
        }

        private static bool IsWrapper(TypeReference type) => StreamWrappers.Types.Contains(type.GetElementType().FullName);

        /// <summary>With <see cref="AcrossAssemblies"/>, the definition of a type of another assembly that is not the framework's.</summary>
        private TypeDefinition? Foreign(TypeReference type)
        {
            if (!_acrossAssemblies || _catalog == null) return null;
            TypeDefinition? definition;
            try { definition = type.GetElementType().Resolve(); }
            catch (AssemblyResolutionException) { return null; }
            if (definition == null || definition.Module == _module) return null;
            string assembly = definition.Module.Assembly?.Name.Name ?? "";
            // The framework's streams end in the operating system, through code this does not read.
            return assembly == "System" || assembly.StartsWith("System.", System.StringComparison.Ordinal) || assembly == "mscorlib" ||
                   assembly == "netstandard" ? null : definition;
        }

        /// <summary>Whether the type is System.IO.Stream or derives from it (false where it cannot be resolved).</summary>
        public bool IsStream(TypeReference type)
        {
            var element = type.GetElementType();
            string name = element.FullName;
            if (name == StreamType) return true;
            if (element.IsValueType || element.IsGenericParameter || element.IsArray || name == "System.Object" || name == "System.String") return false;
            if (_isStream.TryGetValue(name, out bool known)) return known;
            bool result = false;
            try
            {
                for (var t = element.Resolve()?.BaseType; t != null; t = t.Resolve()?.BaseType)
                    if (t.FullName == StreamType) { result = true; break; }
            }
            catch (AssemblyResolutionException) { }
            catch (System.NotSupportedException) { }
            _isStream[name] = result;
            return result;
        }

        /// <summary>Whether the type is declared in the module being read (its code is there to read).</summary>
        public bool DeclaredHere(TypeReference type) => Declared(type) != null;

        private TypeDefinition? Declared(TypeReference type)
        {
            if (_module == null) return null;
            var element = type.GetElementType();
            if (element is TypeDefinition d) return d.Module == _module ? d : null;
            if (!(element.Scope is ModuleDefinition scope) || scope != _module) return null;
            try { return element.Resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }

        /// <summary>The type's own kind, and no better than any subclass of it in the module: a receiver typed as the base may be the subclass.</summary>
        private Kind KindOf(TypeDefinition type)
        {
            var kind = Own(type);
            if (kind != Kind.SelfContained) return kind;
            foreach (var other in _module!.GetTypes())
                if (other != type && DerivesFrom(other, type) && Own(other) != Kind.SelfContained) return Kind.Wraps;
            return kind;
        }

        private Kind Own(TypeDefinition type)
        {
            if (_kinds.TryGetValue(type, out var kind)) return kind;
            return _kinds[type] = Classify(type);
        }

        private static bool DerivesFrom(TypeDefinition type, TypeDefinition ancestor)
        {
            for (var t = type.BaseType; t != null; )
            {
                if (!(t.GetElementType() is TypeDefinition d) || d.Module != ancestor.Module) return false;
                if (d == ancestor) return true;
                t = d.BaseType;
            }
            return false;
        }

        /// <summary>Reads the type, its bases in this module up to Stream (or a type that never blocks), and the module's methods they call.</summary>
        private Kind Classify(TypeDefinition type)
        {
            var chain = new HashSet<TypeDefinition>();
            bool wrapper = false;
            // A class of its own holding what its constructor is handed: calls on those fields are what it wraps.
            var held = IsStream(type) ? null : Held(type);
            for (var t = type; ; )
            {
                chain.Add(t);
                var baseType = t.BaseType;
                if (baseType == null) return Kind.Blocks;
                if (baseType.FullName == StreamType) break;
                if (held != null && baseType.FullName == "System.Object") { wrapper = true; break; }
                // A subclass of a type that never blocks (MSAL's StringWriterWithEncoding, a pooled MemoryStream): the
                // base stays in memory whatever it is asked, so the subclass is what its own code shows.
                if (!(Declared(baseType) is TypeDefinition next))
                {
                    if (_listed(baseType.GetElementType().FullName)) break;
                    // A catalogued wrapper: the subclass reads or writes the stream it is handed through its base.
                    if (IsWrapper(baseType)) { wrapper = true; break; }
                    return Kind.Blocks; // FileStream, or a stream of another assembly
                }
                t = next;
            }
            var pending = new Queue<MethodDefinition>();
            var seen = new HashSet<MethodDefinition>();
            // The async overrides (ReadAsync…) run when awaited, not inside a sync Read or Write: a sync method that
            // waits on one calls a catalogued wait, which is read below.
            foreach (var t in chain)
                foreach (var m in t.Methods)
                    if (m.HasBody && !Awaitable.Is(m.ReturnType) && seen.Add(m)) pending.Enqueue(m);
            var plain = Plain(_listed);
            bool touchesStreams = false;
            while (pending.Count > 0)
            {
                if (seen.Count > MaxMethods) return Kind.Blocks;
                var method = pending.Dequeue();
                foreach (var ins in method.Body.Instructions)
                {
                    var code = ins.OpCode.Code;
                    if (code == Code.Calli) return Kind.Blocks;
                    // A lambda or local function made into a delegate here may run anywhere: its body is read too.
                    if ((code == Code.Ldftn || code == Code.Ldvirtftn) && ins.Operand is MethodReference pointed && DeclaredHere(pointed.DeclaringType))
                    {
                        MethodDefinition? body;
                        try { body = pointed.Resolve(); }
                        catch (AssemblyResolutionException) { return Kind.Blocks; }
                        if (body == null || (code == Code.Ldvirtftn && body.IsVirtual && !body.IsFinal)) return Kind.Blocks;
                        if (body.HasBody && seen.Add(body)) pending.Enqueue(body);
                        continue;
                    }
                    if ((code != Code.Call && code != Code.Callvirt && code != Code.Newobj) || !(ins.Operand is MethodReference target)) continue;
                    if (held != null && OnHeld(method, ins, target, held)) { touchesStreams = true; continue; }
                    if (code == Code.Newobj)
                    {
                        // A stream it opens itself (a log file) is not one it is handed.
                        if (IsStream(target.DeclaringType) && !plain.InMemory(target.DeclaringType) && !(Declared(target.DeclaringType) is TypeDefinition own && chain.Contains(own)))
                            return Kind.Blocks;
                    }
                    else if (IsStream(target.ReturnType) && !OnThis(method, ins, target, chain)) return Kind.Blocks;
                    var api = _catalog!.Match(target);
                    // A LINQ operator over a sequence in memory (Enumerable.Repeat(…).ToArray() in a static constructor) is no query.
                    if (api != null && api.Queryable && !Find.QueryableSources.IsQuery(method, ins)) api = null;
                    if (api != null && !api.RuntimeOnly)
                    {
                        if (OnThis(method, ins, target, chain) || (target.HasThis && Receivers.StaysInMemory(method, ins, plain))) continue;
                        if (!api.SyncOverAsync && code != Code.Newobj && IsStream(target.DeclaringType)) { touchesStreams = true; continue; }
                        return Kind.Blocks;
                    }
                    if (target.Name == "Invoke" && IsDelegate(target.DeclaringType)) return Kind.Blocks;
                    if (!(Declared(target.DeclaringType) is TypeDefinition declaring)) continue;
                    // The type's own methods are all read already, but native code (a P/Invoke) has nothing to read.
                    if (chain.Contains(declaring)) { if (Native(target)) return Kind.Blocks; continue; }
                    MethodDefinition? callee;
                    try { callee = target.Resolve(); }
                    catch (AssemblyResolutionException) { return Kind.Blocks; }
                    if (callee == null) return Kind.Blocks;
                    // A stream's own interface (MimeKit's ICancellableStream.Read) is another stream's Read.
                    if (declaring.IsInterface && StreamsOnly(declaring)) { touchesStreams = true; continue; }
                    // A virtual or interface call lands in the target or an override of it in this module (MimeKit's
                    // FilteredStream calls IMimeFilter.Filter of its 30 filters): each is read, as the call graph follows
                    // each for the paths.
                    if (code == Code.Callvirt && callee.IsVirtual && !callee.IsFinal && !callee.DeclaringType.IsSealed)
                    {
                        var implementations = Overrides.For(_module!).Of(callee);
                        // Declared here and implemented only elsewhere (a callback the user supplies): anything may run.
                        if (implementations.Count == 0 && !callee.HasBody) return Kind.Blocks;
                        foreach (var implementation in implementations)
                            if (seen.Add(implementation)) pending.Enqueue(implementation);
                    }
                    // Native code (a P/Invoke, an internal call) may do anything.
                    if (Native(callee)) return Kind.Blocks;
                    if (callee.HasBody && seen.Add(callee)) pending.Enqueue(callee);
                }
            }
            return touchesStreams || wrapper ? Kind.Wraps : Kind.SelfContained;
        }

        /// <summary>Whether the module's types that implement <paramref name="contract"/> (one at least) are all streams.</summary>
        private bool StreamsOnly(TypeDefinition contract)
        {
            int found = 0;
            foreach (var type in _module!.GetTypes())
            {
                if (type.IsInterface || !type.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName == contract.FullName)) continue;
                if (!IsStream(type)) return false;
                found++;
            }
            return found > 0;
        }

        /// <summary>A method of this module with no IL to read that is not abstract: a P/Invoke or an internal call.</summary>
        private static bool Native(MethodReference method)
        {
            MethodDefinition? definition;
            try { definition = method.Resolve(); }
            catch (AssemblyResolutionException) { return true; }
            return definition == null || !definition.HasBody && !definition.IsAbstract;
        }

        /// <summary>A call on the stream itself (<c>Write</c> from <c>WriteByte</c>, <c>base.Dispose</c>): no other stream.</summary>
        private static bool OnThis(MethodDefinition method, Instruction call, MethodReference target, HashSet<TypeDefinition> chain)
        {
            if (!target.HasThis || !method.HasThis || !chain.Contains(method.DeclaringType)) return false;
            var receiver = Receivers.Producer(method.Body, call, target.Parameters.Count);
            return receiver != null && receiver.OpCode.Code == Code.Ldarg_0;
        }

        private static bool IsDelegate(TypeReference type)
        {
            try { return type.Resolve()?.BaseType?.FullName == "System.MulticastDelegate"; }
            catch (AssemblyResolutionException) { return true; }
        }
    }
}
