using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>One catalogued blocking API.</summary>
    internal sealed class BlockingApi
    {
        public BlockingApi(string type, string member, bool userCallsOnly, string alternative, bool syncOverAsync = false, bool runtimeOnly = false,
            bool counterpart = false, bool queryable = false, bool asyncCall = false, bool disposal = false)
        {
            Disposal = disposal;
            AsyncCall = asyncCall;
            Counterpart = counterpart;
            Queryable = queryable;
            SyncOverAsync = syncOverAsync;
            RuntimeOnly = runtimeOnly;
            Type = type;
            Member = member;
            UserCallsOnly = userCallsOnly;
            Alternative = alternative;
        }

        /// <summary>Metadata name, e.g. <c>System.Threading.Tasks.Task`1</c>.</summary>
        public string Type { get; }
        public string Member { get; }
        /// <summary>Not matched inside the compiler's own await pattern (awaiter GetResult).</summary>
        public bool UserCallsOnly { get; }
        public string Alternative { get; }
        /// <summary>Waits on a task (.Result, .Wait(), GetAwaiter().GetResult()): NB0003 rather than NB0001.</summary>
        public bool SyncOverAsync { get; }

        /// <summary>Blocks only under contention: timed at run time, not warned about at build time.</summary>
        public bool RuntimeOnly { get; }

        /// <summary>Not in the catalog: found by the async-counterpart rule (see <see cref="AsyncCounterparts"/>).</summary>
        public bool Counterpart { get; }

        /// <summary>
        /// Not a blocking API: a call into another assembly's async API, named at run time only when it ran synchronously
        /// (see <see cref="Find.AsyncCallFinder"/>).
        /// </summary>
        public bool AsyncCall { get; }

        /// <summary>A LINQ operator that blocks only over an EF Core query (see <see cref="Find.QueryableSources"/>).</summary>
        public bool Queryable { get; }

        /// <summary>
        /// A <c>Dispose</c> that does I/O, matched where the type has a <c>DisposeAsync</c> to call instead; it beats
        /// not-blocking-apis.txt's rule that disposing is not waiting (see <see cref="BlockingCatalog.MatchDisposal"/>).
        /// </summary>
        public bool Disposal { get; }

        /// <summary>Short form for messages: <c>Thread.Sleep</c>, <c>Task.Result</c>.</summary>
        public string ShortName
        {
            get
            {
                string type = Type.Substring(Type.LastIndexOfAny(new[] { '.', '/' }) + 1);
                int tick = type.IndexOf('`');
                if (tick >= 0) type = type.Substring(0, tick);
                return type + "." + (Member.StartsWith("get_") ? Member.Substring(4) : Member);
            }
        }
    }

    /// <summary>
    /// The blocking-API catalog: data in blocking-apis.txt plus the user's own entries, matched against call
    /// targets by declaring type (or a base of it) and member name; then the async-counterpart rule for other
    /// assemblies' APIs; less what <see cref="NotBlockingList"/> says never blocks.
    /// </summary>
    internal sealed class BlockingCatalog
    {
        private NotBlockingList _notBlocking = null!;
        private AsyncCounterparts _counterparts = null!;

        /// <summary>Members that never block, also consulted for a call's receiver (see <see cref="Find.BlockingCallFinder"/>).</summary>
        public NotBlockingList NotBlocking => _notBlocking;
        private readonly Dictionary<string, Dictionary<string, BlockingApi>> _byType = new Dictionary<string, Dictionary<string, BlockingApi>>(StringComparer.Ordinal);
        private readonly HashSet<string> _memberNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>> _baseChains = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        public int Count => _byType.Values.Sum(m => m.Count);

        /// <param name="userApis">Entries like <c>MyLib.Client.SendSync</c> (nested types as <c>Outer+Inner</c>).</param>
        /// <param name="notBlocking">The user's entries that never block, as <c>MyLib.Cache.Get</c> or <c>MyLib.Store.*</c>.</param>
        public static BlockingCatalog Load(IEnumerable<string>? userApis = null, IEnumerable<string>? notBlocking = null)
        {
            var catalog = new BlockingCatalog();
            catalog._notBlocking = NotBlockingList.Load(notBlocking);
            catalog._counterparts = new AsyncCounterparts(catalog._notBlocking);
            foreach (var (type, members, columns) in CatalogFile.Read("blocking-apis.txt"))
            {
                var flags = columns.Length > 3 ? columns[3].Split(',').Select(f => f.Trim()).ToList() : new List<string>();
                foreach (var member in members)
                {
                    bool userOnly = member.EndsWith(":user", StringComparison.Ordinal);
                    string name = userOnly ? member.Substring(0, member.Length - 5) : member;
                    catalog.Add(new BlockingApi(type, name, userOnly,
                        columns.Length > 2 ? columns[2].Replace("{Member}", name) : "", flags.Contains("sync-over-async"), flags.Contains("runtime-only"),
                        queryable: flags.Contains("queryable"), disposal: flags.Contains("disposal")));
                }
            }
            foreach (var (type, member) in CatalogFile.UserEntries(userApis))
                catalog.Add(new BlockingApi(type, member, false, "an asynchronous alternative"));
            return catalog;
        }

        private void Add(BlockingApi api)
        {
            if (!_byType.TryGetValue(api.Type, out var members)) _byType[api.Type] = members = new Dictionary<string, BlockingApi>(StringComparer.Ordinal);
            members[api.Member] = api;
            _memberNames.Add(api.Member);
        }

        /// <summary>The catalogued API a call targets, or null.</summary>
        public BlockingApi? Match(MethodReference target)
        {
            var declaring = target.DeclaringType.GetElementType();
            if (_memberNames.Contains(target.Name))
            {
                // A catalogued disposal beats the rule that disposing is not waiting (not-blocking-apis.txt's '* | Dispose'),
                // though not an entry for the type itself.
                if (target.Name == "Dispose" && !target.HasParameters && MatchDisposal(declaring) is BlockingApi disposal)
                    return _notBlocking.ExcludesOnType(declaring.FullName, target.Name) ? null : disposal;
                if (_notBlocking.Excludes(declaring.FullName, target.Name)) return null;
                var api = LookupInChain(declaring, target.Name);
                // A library's own overload that hands back a task (Npgsql's ExecuteReader(bool async, …) beside
                // DbCommand.ExecuteReader) is its async path, not the catalogued sync member.
                if (api != null && Awaitable.Is(target.ReturnType)) return null;
                if (api != null && (api.Type == declaring.FullName || SameMember(target, api.Type))) return api;
            }
            return _counterparts.Match(target);
        }

        /// <summary>
        /// Whether a method of a derived type named as a catalogued member of <paramref name="baseType"/> is that member: an
        /// override or interface implementation (virtual), or a method with its parameters. MailKit's private
        /// <c>Pop3Stream.Read(byte[], ref int, int)</c> copies from its own buffer; it is no <c>Stream.Read</c>.
        /// </summary>
        private static bool SameMember(MethodReference target, string baseType)
        {
            MethodDefinition? def;
            try { def = target.Resolve(); }
            catch (AssemblyResolutionException) { return true; }
            if (def == null || def.IsVirtual) return true;
            try
            {
                for (var t = def.DeclaringType.BaseType?.Resolve(); t != null; t = t.BaseType?.Resolve())
                {
                    if (t.FullName != baseType) continue;
                    foreach (var candidate in t.Methods)
                        if (candidate.Name == def.Name && candidate.Parameters.Count == def.Parameters.Count &&
                            candidate.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(def.Parameters.Select(p => p.ParameterType.FullName)))
                            return true;
                    return false;
                }
            }
            catch (AssemblyResolutionException) { return true; }
            return true;
        }

        /// <summary>
        /// The catalogued disposal (a 'disposal' entry) for disposing a value of <paramref name="type"/>, where the type
        /// has an awaitable <c>DisposeAsync</c> to use instead (a netstandard2.0 data reader has none); else null.
        /// </summary>
        private BlockingApi? MatchDisposal(TypeReference type) =>
            LookupInChain(type, "Dispose") is { Disposal: true } api && HasDisposeAsync(type) ? api : null;

        private readonly Dictionary<string, bool> _disposeAsync = new Dictionary<string, bool>(StringComparer.Ordinal);

        private bool HasDisposeAsync(TypeReference type)
        {
            if (_disposeAsync.TryGetValue(type.FullName, out bool has)) return has;
            try
            {
                for (var t = type.Resolve(); t != null && !has; t = t.BaseType?.Resolve())
                    has = t.Methods.Any(m => m.Name == "DisposeAsync" && !m.HasParameters && Awaitable.Is(m.ReturnType));
            }
            catch (AssemblyResolutionException) { }
            catch (NotSupportedException) { }
            return _disposeAsync[type.FullName] = has;
        }

        private BlockingApi? Lookup(string type, string member) =>
            _byType.TryGetValue(type, out var members) && members.TryGetValue(member, out var api) ? api : null;

        /// <summary>The entry for <paramref name="member"/> on the type (an element type) or the nearest base that has one.</summary>
        private BlockingApi? LookupInChain(TypeReference type, string member)
        {
            var api = Lookup(type.FullName, member);
            if (api == null)
                foreach (var baseType in BaseChain(type))
                    if ((api = Lookup(baseType, member)) != null) break;
            return api;
        }

        /// <summary>Base types by name, resolved once per type; empty when the type's assembly is not available.</summary>
        private IReadOnlyList<string> BaseChain(TypeReference type)
        {
            if (_baseChains.TryGetValue(type.FullName, out var chain)) return chain;
            var names = new List<string>();
            try
            {
                for (var t = type.Resolve()?.BaseType; t != null; t = t.Resolve()?.BaseType)
                    names.Add(t.GetElementType().FullName);
            }
            catch (AssemblyResolutionException) { /* unresolvable: match the declared type only */ }
            catch (NotSupportedException) { }
            _baseChains[type.FullName] = names;
            return names;
        }
    }
}
