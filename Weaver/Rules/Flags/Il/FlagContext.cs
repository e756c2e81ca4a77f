using System;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// What is known of a method's parameters on one call path: for each of the first 32 <c>bool</c> parameters, known
    /// or not, and its value; and which of its first 32 Stream parameters are passed in-memory streams (a sync helper
    /// handed a MemoryStream). A state machine's MoveNext reads its async method's parameters from hoisted fields, so its
    /// context is indexed by the async method's parameters. <see cref="Unknown"/> is the context of a method analysed
    /// on its own.
    /// </summary>
    internal readonly struct FlagContext : IEquatable<FlagContext>
    {
        private readonly uint _known;
        private readonly uint _values;
        private readonly uint _inMemory;

        private FlagContext(uint known, uint values, uint inMemory)
        {
            _known = known;
            _values = values;
            _inMemory = inMemory;
        }

        public static FlagContext Unknown => default;

        public bool IsUnknown => _known == 0 && _inMemory == 0;

        /// <summary>Whether any bool flag is known (only those decide branches).</summary>
        public bool KnowsFlags => _known != 0;

        /// <summary>Whether some Stream parameter is known to hold an in-memory stream.</summary>
        public bool KnowsStreams => _inMemory != 0;

        public FlagContext With(int parameter, bool value) =>
            parameter < 0 || parameter >= 32 ? this
                : new FlagContext(_known | (1u << parameter), value ? _values | (1u << parameter) : _values & ~(1u << parameter), _inMemory);

        /// <summary>This context with the Stream parameter at <paramref name="parameter"/> known to hold an in-memory stream.</summary>
        public FlagContext WithInMemory(int parameter) =>
            parameter < 0 || parameter >= 32 ? this : new FlagContext(_known, _values, _inMemory | (1u << parameter));

        public bool InMemory(int parameter) => parameter >= 0 && parameter < 32 && (_inMemory & (1u << parameter)) != 0;

        public bool? ValueOf(int parameter) =>
            parameter < 0 || parameter >= 32 || (_known & (1u << parameter)) == 0 ? (bool?)null : (_values & (1u << parameter)) != 0;

        public bool Equals(FlagContext other) => _known == other._known && _values == other._values && _inMemory == other._inMemory;
        public override bool Equals(object? obj) => obj is FlagContext other && Equals(other);
        public override int GetHashCode() => (int)((_known * 31 + _values) * 31 + _inMemory);

        /// <summary>As a message shows it: <c>async: true</c>, with the parameters' names.</summary>
        public string Describe(Mono.Cecil.MethodDefinition owner)
        {
            var parts = new System.Collections.Generic.List<string>();
            for (int i = 0; i < owner.Parameters.Count && i < 32; i++)
                if (ValueOf(i) is bool value) parts.Add(owner.Parameters[i].Name + ": " + (value ? "true" : "false"));
            return string.Join(", ", parts);
        }
    }
}
