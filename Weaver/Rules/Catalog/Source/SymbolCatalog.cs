using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Analyzers
{
    /// <summary>One blocking API a call was matched to.</summary>
    internal sealed class BlockingMatch
    {
        public BlockingMatch(string alternative, bool syncOverAsync, bool queryable, IMethodSymbol? twin, string? disposalOf = null)
        {
            Alternative = alternative;
            SyncOverAsync = syncOverAsync;
            Queryable = queryable;
            Twin = twin;
            DisposalOf = disposalOf;
        }

        /// <summary>For a catalogued disposal, the catalogued type (metadata name) whose entry it is; else null.</summary>
        public string? DisposalOf { get; }

        public string Alternative { get; }
        public bool SyncOverAsync { get; }
        public bool Queryable { get; }
        /// <summary>The awaitable XAsync beside the call's X, when there is one (the code fix calls it).</summary>
        public IMethodSymbol? Twin { get; }
    }

    /// <summary>
    /// The engine's catalog (blocking-apis.txt, not-blocking-apis.txt) over Roslyn symbols: a call matches an entry when
    /// it targets the member on that type or a type derived from it; then the async-counterpart rule for other
    /// assemblies' APIs (<see cref="SymbolCounterparts"/>). The data files are read once per process.
    /// </summary>
    internal sealed class SymbolCatalog
    {
        private sealed class Entry
        {
            public string Alternative = "";
            public bool SyncOverAsync, RuntimeOnly, Queryable, Disposal;
        }

        private readonly Dictionary<string, Dictionary<string, Entry>> _byType = new Dictionary<string, Dictionary<string, Entry>>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _notBlocking = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private readonly HashSet<string> _memberNames = new HashSet<string>(StringComparer.Ordinal);

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SymbolCatalog> ByUserLists =
            new System.Collections.Concurrent.ConcurrentDictionary<string, SymbolCatalog>(StringComparer.Ordinal);

        /// <summary>
        /// The catalog with the project's own entries (NonBlockingBlockingApi / NonBlockingNotBlockingApi items, which
        /// the package passes as build properties, ';'-separated); built once per distinct pair of lists.
        /// </summary>
        public static SymbolCatalog For(string? userBlocking, string? userNotBlocking) =>
            ByUserLists.GetOrAdd((userBlocking ?? "") + "|" + (userNotBlocking ?? ""), _ => Load(Split(userBlocking), Split(userNotBlocking)));

        private static string[] Split(string? list) =>
            (list ?? "").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();

        private static SymbolCatalog Load(string[] userBlocking, string[] userNotBlocking)
        {
            var catalog = new SymbolCatalog();
            foreach (var (type, members, columns) in CatalogFile.Read("blocking-apis.txt"))
            {
                var flags = columns.Length > 3 ? columns[3].Split(',').Select(f => f.Trim()).ToList() : new List<string>();
                foreach (var member in members)
                {
                    string name = member.EndsWith(":user", StringComparison.Ordinal) ? member.Substring(0, member.Length - 5) : member;
                    if (!catalog._byType.TryGetValue(type, out var byMember)) catalog._byType[type] = byMember = new Dictionary<string, Entry>(StringComparer.Ordinal);
                    byMember[name] = new Entry
                    {
                        Alternative = columns.Length > 2 ? columns[2].Replace("{Member}", name) : "an asynchronous alternative",
                        SyncOverAsync = flags.Contains("sync-over-async"),
                        RuntimeOnly = flags.Contains("runtime-only"),
                        Queryable = flags.Contains("queryable"),
                        Disposal = flags.Contains("disposal"),
                    };
                    catalog._memberNames.Add(name);
                }
            }
            foreach (var (type, member) in CatalogFile.UserEntries(userBlocking))
            {
                if (!catalog._byType.TryGetValue(type, out var byMember)) catalog._byType[type] = byMember = new Dictionary<string, Entry>(StringComparer.Ordinal);
                byMember[member] = new Entry { Alternative = "an asynchronous alternative" };
                catalog._memberNames.Add(member);
            }
            foreach (var (type, members, _) in CatalogFile.Read("not-blocking-apis.txt"))
                foreach (var member in members) catalog.AddNotBlocking(type, member);
            foreach (var (type, member) in CatalogFile.UserEntries(userNotBlocking)) catalog.AddNotBlocking(type, member);
            return catalog;
        }

        private void AddNotBlocking(string type, string member)
        {
            if (!_notBlocking.TryGetValue(type, out var set)) _notBlocking[type] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(member);
            _notBlockingTypeNames.Add(type.Substring(Math.Max(type.LastIndexOf('.'), type.LastIndexOf('/')) + 1));
        }

        /// <summary>The listed types' own names (without arity), so most methods are answered without building a metadata name.</summary>
        private readonly HashSet<string> _notBlockingTypeNames = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Whether an entry names this method of the compilation, its property, or every member of its type: the user's
        /// word that it does not block in practice, so no path is followed into it (as the weave's NotBlockingList).
        /// Entries for any type (<c>*.Dispose</c>) are about other assemblies' APIs and do not apply.
        /// </summary>
        public bool ListsOwn(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null || !_notBlockingTypeNames.Contains(type.MetadataName)) return false;
            string full = MetadataName(type);
            return In(full, method.Name) ||
                   method.AssociatedSymbol is IPropertySymbol property && In(full, property.Name);
        }

        /// <summary>Whether the type (a metadata name) is listed as never blocking in any member: an in-memory type.</summary>
        public bool InMemoryType(ITypeSymbol? type) =>
            type != null && _notBlocking.TryGetValue(MetadataName(type), out var members) && members.Contains("*");

        public bool Excludes(string type, string member) =>
            In(type, member) || In("*", member);

        private bool In(string type, string member) =>
            _notBlocking.TryGetValue(type, out var members) && (members.Contains(member) || members.Contains("*"));

        /// <summary>The blocking API a call or property read targets, or null. <paramref name="member"/> is the metadata name (get_Result).</summary>
        public BlockingMatch? Match(IMethodSymbol method, Compilation compilation)
        {
            var declaring = method.ContainingType;
            if (declaring == null) return null;
            string name = method.Name;
            if (_memberNames.Contains(name))
            {
                // A catalogued disposal beats the rule that disposing is not waiting (not-blocking-apis.txt's '* | Dispose'),
                // though not an entry for the type itself.
                if (name == "Dispose" && method.Parameters.IsEmpty && MatchDisposal(declaring) is BlockingMatch disposal)
                    return In(MetadataName(declaring), name) ? null : disposal;
                if (Excludes(MetadataName(declaring), name)) return null;
                for (var type = declaring; type != null; type = type.BaseType)
                {
                    if (!_byType.TryGetValue(MetadataName(type), out var members) || !members.TryGetValue(name, out var entry)) continue;
                    // A derived type's own overload of the name is not the catalogued member (the weave's SameMember).
                    if (!SymbolEqualityComparer.Default.Equals(type, declaring) && !SameMember(method, type)) break;
                    if (entry.RuntimeOnly) return null;
                    // A library's own task-returning overload of a catalogued name is its async path.
                    if (!entry.SyncOverAsync && Awaitables.Is(method.OriginalDefinition.ReturnType)) return null;
                    return new BlockingMatch(entry.Alternative, entry.SyncOverAsync, entry.Queryable, SymbolCounterparts.Twin(method, this));
                }
            }
            if (SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)) return null;
            var twin = SymbolCounterparts.Find(method, this);
            return twin == null ? null : new BlockingMatch($"await {twin.Name}(...)", false, false, twin);
        }

        /// <summary>
        /// Whether a method of a derived type named as a catalogued member of <paramref name="baseType"/> is that member: an
        /// override, or a method with its parameters (an interface's implementation has them).
        /// </summary>
        private static bool SameMember(IMethodSymbol method, INamedTypeSymbol baseType)
        {
            var original = method.OriginalDefinition;
            if (original.IsOverride || original.IsVirtual || original.IsAbstract) return true;
            foreach (var candidate in baseType.GetMembers(original.Name))
                if (candidate is IMethodSymbol m && m.Parameters.Length == original.Parameters.Length &&
                    m.Parameters.Zip(original.Parameters, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(x => x))
                    return true;
            return false;
        }

        /// <summary>
        /// The catalogued disposal (a 'disposal' entry) for disposing a value of <paramref name="type"/>, where the type
        /// has an awaitable <c>DisposeAsync</c> to use instead (as the weave's <c>BlockingCatalog.MatchDisposal</c>); else null.
        /// </summary>
        private BlockingMatch? MatchDisposal(ITypeSymbol type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (!_byType.TryGetValue(MetadataName(t), out var members) || !members.TryGetValue("Dispose", out var entry)) continue;
                if (!entry.Disposal || !HasDisposeAsync(type)) return null;
                return new BlockingMatch(entry.Alternative, false, false, null, MetadataName(t));
            }
            return null;
        }

        private static bool HasDisposeAsync(ITypeSymbol type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
                foreach (var member in t.GetMembers("DisposeAsync"))
                    if (member is IMethodSymbol { Parameters.IsEmpty: true, IsStatic: false } m && Awaitables.Is(m.ReturnType)) return true;
            return false;
        }

        /// <summary>A type's metadata name as the catalog writes it: <c>Namespace.Outer/Inner`1</c>.</summary>
        public static string MetadataName(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol || type is ITypeParameterSymbol) return type.ToDisplayString();
            var names = new List<string>();
            INamedTypeSymbol? t = type as INamedTypeSymbol;
            string name = type.MetadataName;
            for (; t != null; t = t.ContainingType) names.Insert(0, t.MetadataName);
            if (names.Count == 0) names.Add(name);
            var ns = type.ContainingNamespace;
            string prefix = ns == null || ns.IsGlobalNamespace ? "" : Namespaces.Name(ns) + ".";
            return prefix + string.Join("/", names);
        }
    }
}
