using System;
using System.Collections.Generic;
using System.Linq;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// The <c>Type</c> values a call path passes for a method's Type flags (<see cref="FlagReader"/>): for each such
    /// parameter, the full name of the type it holds when that is one of the types the method compares it with, or ""
    /// for "none of them" — so every caller passing a model type that is compared with nothing shares one context.
    /// </summary>
    internal sealed class TypeValues : IEquatable<TypeValues>
    {
        private readonly KeyValuePair<int, string>[] _entries;

        private TypeValues(KeyValuePair<int, string>[] entries) => _entries = entries;

        public static TypeValues? With(TypeValues? values, int parameter, string name)
        {
            var entries = (values?._entries ?? Array.Empty<KeyValuePair<int, string>>()).Where(e => e.Key != parameter)
                .Append(new KeyValuePair<int, string>(parameter, name)).OrderBy(e => e.Key).ToArray();
            return new TypeValues(entries);
        }

        /// <summary>The type the parameter is known to hold ("" for none of those it is compared with); null when unknown.</summary>
        public string? Of(int parameter)
        {
            foreach (var entry in _entries)
                if (entry.Key == parameter) return entry.Value;
            return null;
        }

        public bool Equals(TypeValues? other) =>
            other != null && other._entries.Length == _entries.Length &&
            _entries.Zip(other._entries, (a, b) => a.Key == b.Key && a.Value == b.Value).All(same => same);

        public override bool Equals(object? obj) => obj is TypeValues other && Equals(other);

        public override int GetHashCode()
        {
            int hash = 17;
            foreach (var entry in _entries) hash = (hash * 31 + entry.Key) * 31 + entry.Value.GetHashCode();
            return hash;
        }
    }
}
