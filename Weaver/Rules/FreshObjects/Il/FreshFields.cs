using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// The object a method runs on when a call path made it (its exact class, so a virtual call on <c>this</c> runs one
    /// known method), and which of its fields still hold their defaults (null, false, zero): nothing has stored them
    /// yet (<see cref="FreshObjects"/>). Only the fields the method, or what it calls on <c>this</c>, tests are kept, so
    /// every path that makes the object shares one context.
    /// </summary>
    internal sealed class FreshFields : IEquatable<FreshFields>
    {
        private readonly FieldDefinition[] _fields;

        private FreshFields(TypeDefinition type, FieldDefinition[] fields)
        {
            Type = type;
            _fields = fields;
        }

        /// <summary>The set of <paramref name="fields"/> of an object of class <paramref name="type"/>; null when it is empty.</summary>
        public static FreshFields? Of(TypeDefinition type, IEnumerable<FieldDefinition> fields)
        {
            var sorted = fields.Distinct().OrderBy(f => f.MetadataToken.ToUInt32()).ToArray();
            return sorted.Length == 0 ? null : new FreshFields(type, sorted);
        }

        /// <summary>The class the object was made as.</summary>
        public TypeDefinition Type { get; }

        public IReadOnlyList<FieldDefinition> Fields => _fields;

        public bool Contains(FieldDefinition field) => Array.IndexOf(_fields, field) >= 0;

        public bool Equals(FreshFields? other) =>
            other != null && other.Type == Type && other._fields.Length == _fields.Length && _fields.SequenceEqual(other._fields);

        public override bool Equals(object? obj) => obj is FreshFields other && Equals(other);

        public override int GetHashCode()
        {
            int hash = Type.GetHashCode();
            foreach (var field in _fields) hash = hash * 31 + field.GetHashCode();
            return hash;
        }
    }
}
