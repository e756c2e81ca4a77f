using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

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
            using (var stream = typeof(NotBlockingList).Assembly.GetManifestResourceStream("NonBlocking.Weaver.not-blocking-apis.txt")
                                ?? throw new InvalidOperationException("not-blocking-apis.txt is not embedded in the weaver"))
            using (var reader = new StreamReader(stream))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    line = line.Trim();
                    if (line.Length == 0 || line[0] == '#') continue;
                    var parts = line.Split('|').Select(p => p.Trim()).ToArray();
                    if (parts.Length < 2) continue;
                    foreach (var member in parts[1].Split(',').Select(m => m.Trim()).Where(m => m.Length > 0))
                        list.Add(parts[0], member);
                }
            }
            foreach (var entry in userEntries ?? Enumerable.Empty<string>())
            {
                string e = entry.Trim();
                int dot = e.LastIndexOf('.');
                if (dot <= 0 || dot == e.Length - 1) continue;
                list.Add(e.Substring(0, dot).Replace('+', '/'), e.Substring(dot + 1));
            }
            return list;
        }

        private void Add(string type, string member)
        {
            if (!_byType.TryGetValue(type, out var members)) _byType[type] = members = new HashSet<string>(StringComparer.Ordinal);
            members.Add(member);
        }

        /// <summary>Whether <paramref name="member"/> of <paramref name="type"/> (a metadata name) never blocks.</summary>
        public bool Excludes(string type, string member) =>
            In(type, member) || In("*", member);

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
