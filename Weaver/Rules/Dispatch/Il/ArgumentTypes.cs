using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// What one call path knows of the objects a method is handed: for <c>this</c> (slot -1) and for reference
    /// parameters (their index), the analysed code's types each object is one of or derives from, where they say more
    /// than the declared type. <c>JsonReader.Create(bytes).WriteAll(writer)</c> enters the base class's
    /// <c>WriteAll</c> with <c>this</c> a text or binary reader, so its <c>this.Read()</c> runs theirs and not the
    /// Json.NET adapter's; <c>cosmosObject.WriteTo(JsonWriter.Create(Text))</c> hands <c>WriteTo</c> a writer of a
    /// known kind. Immutable, compared by value: part of a node's context.
    /// </summary>
    internal sealed class ArgumentTypes : IEquatable<ArgumentTypes>
    {
        /// <summary>The most types one object may be said to have: beyond it, the declared type decides.</summary>
        public const int MaxTypes = 4;

        public const int This = -1;

        private readonly int[] _slots;
        private readonly TypeDefinition[][] _types;
        private readonly int _hash;

        private ArgumentTypes(int[] slots, TypeDefinition[][] types)
        {
            _slots = slots;
            _types = types;
            int hash = 17;
            for (int i = 0; i < slots.Length; i++)
            {
                hash = hash * 31 + slots[i];
                foreach (var type in types[i]) hash = hash * 31 + type.GetHashCode();
            }
            _hash = hash;
        }

        /// <summary>The entries, each slot once; null when there are none.</summary>
        public static ArgumentTypes? Of(IEnumerable<(int Slot, IReadOnlyList<TypeDefinition> Types)> entries)
        {
            var sorted = entries.OrderBy(e => e.Slot).ToList();
            if (sorted.Count == 0) return null;
            // One order for one set, so that two paths with the same knowledge meet in one node.
            return new ArgumentTypes(sorted.Select(e => e.Slot).ToArray(),
                sorted.Select(e => e.Types.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray()).ToArray());
        }

        /// <summary>The types known for a slot (<see cref="This"/> or a parameter's index); null when none are.</summary>
        public IReadOnlyList<TypeDefinition>? For(int slot)
        {
            int i = Array.IndexOf(_slots, slot);
            return i < 0 ? null : _types[i];
        }

        public bool Equals(ArgumentTypes? other)
        {
            if (other is null || other._hash != _hash || other._slots.Length != _slots.Length) return false;
            for (int i = 0; i < _slots.Length; i++)
                if (_slots[i] != other._slots[i] || !_types[i].SequenceEqual(other._types[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is ArgumentTypes other && Equals(other);
        public override int GetHashCode() => _hash;
    }
}
