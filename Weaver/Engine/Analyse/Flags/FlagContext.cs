using System;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// What is known of a method's <c>bool</c> parameters on one call path: for each of the first 32 parameters, known
    /// or not, and its value. A state machine's MoveNext reads its async method's parameters from hoisted fields, so its
    /// context is indexed by the async method's parameters. <see cref="Unknown"/> is the context of a method analysed
    /// on its own.
    /// </summary>
    internal readonly struct FlagContext : IEquatable<FlagContext>
    {
        private readonly uint _known;
        private readonly uint _values;

        private FlagContext(uint known, uint values)
        {
            _known = known;
            _values = values;
        }

        public static FlagContext Unknown => default;

        public bool IsUnknown => _known == 0;

        public FlagContext With(int parameter, bool value) =>
            parameter < 0 || parameter >= 32 ? this
                : new FlagContext(_known | (1u << parameter), value ? _values | (1u << parameter) : _values & ~(1u << parameter));

        public bool? ValueOf(int parameter) =>
            parameter < 0 || parameter >= 32 || (_known & (1u << parameter)) == 0 ? (bool?)null : (_values & (1u << parameter)) != 0;

        public bool Equals(FlagContext other) => _known == other._known && _values == other._values;
        public override bool Equals(object? obj) => obj is FlagContext other && Equals(other);
        public override int GetHashCode() => (int)(_known * 31 + _values);

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
