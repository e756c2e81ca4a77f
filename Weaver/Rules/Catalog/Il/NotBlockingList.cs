using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// Members that never block although they look like it (not-blocking-apis.txt, plus the user's own entries):
    /// in-memory types, Dispose beside DisposeAsync, EF Core's Add. Checked against the call's declaring type and,
    /// where the IL shows it, the receiver's own type.
    /// </summary>
    internal sealed class NotBlockingList
    {
        private const string AnyMember = "*";
        private readonly Dictionary<string, HashSet<string>> _byType = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        /// <param name="userEntries">Entries like <c>MyLib.Cache.Get</c>, or <c>MyLib.InMemoryStore.*</c> for every member.</param>
        public static NotBlockingList Load(IEnumerable<string>? userEntries = null)
        {
            var list = new NotBlockingList();
            foreach (var (type, members, _) in CatalogFile.Read("not-blocking-apis.txt"))
                foreach (var member in members) list.Add(type, member);
            foreach (var (type, member) in CatalogFile.UserEntries(userEntries)) list.Add(type, member);
            return list;
        }

        private void Add(string type, string member)
        {
            if (!_byType.TryGetValue(type, out var members)) _byType[type] = members = new HashSet<string>(StringComparer.Ordinal);
            members.Add(member);
            _typeNames.Add(type.Substring(Math.Max(type.LastIndexOf('.'), type.LastIndexOf('/')) + 1));
        }

        /// <summary>The listed types' own names, so most methods are answered without building their type's full name.</summary>
        private readonly HashSet<string> _typeNames = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Whether an entry names this method of the analysed code, or its property, or every member of its type: the
        /// user's word that it does not block in practice, so no path is followed into it. Entries for any type
        /// (<c>*.Dispose</c>) are about other assemblies' APIs and do not apply.
        /// </summary>
        public bool ListsOwn(MethodDefinition method)
        {
            var type = method.DeclaringType;
            if (type == null || !_typeNames.Contains(type.Name)) return false;
            string full = type.FullName, name = method.Name;
            return In(full, name) || (method.IsGetter || method.IsSetter) && name.Length > 4 && In(full, name.Substring(4));
        }

        /// <summary>Whether <paramref name="member"/> of <paramref name="type"/> (a metadata name) never blocks.</summary>
        public bool Excludes(string type, string member) =>
            In(type, member) || In("*", member);

        /// <summary>Whether an entry names <paramref name="member"/> of this very type (not '*'): a user's word beats a catalogued disposal.</summary>
        public bool ExcludesOnType(string type, string member) => In(type, member);

        /// <summary>Whether every member of the type is excluded (an in-memory type as a receiver).</summary>
        public bool ExcludesType(string type) =>
            _byType.TryGetValue(type, out var members) && members.Contains(AnyMember);

        private bool In(string type, string member) =>
            _byType.TryGetValue(type, out var members) && (members.Contains(member) || members.Contains(AnyMember));

        /// <summary>Identifies the list for caches keyed by the analysis settings.</summary>
        public string Key => string.Join(";", _byType.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Key + ":" + string.Join(",", t.Value.OrderBy(m => m, StringComparer.Ordinal))));
    }
}
