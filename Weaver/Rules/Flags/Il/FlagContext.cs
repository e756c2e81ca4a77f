using System;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// What is known of a method's parameters on one call path: for each of the first 32 <c>bool</c> parameters, known
    /// or not, and its value; and which of its first 32 Stream parameters are passed in-memory streams (a sync helper
    /// handed a MemoryStream); and which of the analysed code's types its <c>this</c> and reference parameters are known
    /// to have (<see cref="ArgumentTypes"/>, sync callees only); and the types its Type flags hold (<see cref="TypeValues"/>);
    /// and the type arguments a generic method is given (<see cref="MethodGenerics"/>, sync callees only).
    /// A state machine's MoveNext reads its async method's
    /// parameters from hoisted fields, so its context is indexed by the async method's parameters. <see cref="Unknown"/>
    /// is the context of a method analysed on its own.
    /// </summary>
    internal readonly struct FlagContext : IEquatable<FlagContext>
    {
        private readonly uint _known;
        private readonly uint _values;
        private readonly uint _inMemory;
        private readonly ArgumentTypes? _types;
        private readonly TypeValues? _typeValues;
        private readonly MethodGenerics? _generics;
        private readonly FreshFields? _fresh;

        private FlagContext(uint known, uint values, uint inMemory, ArgumentTypes? types, TypeValues? typeValues, MethodGenerics? generics = null,
            FreshFields? fresh = null)
        {
            _fresh = fresh;
            _known = known;
            _values = values;
            _inMemory = inMemory;
            _types = types;
            _typeValues = typeValues;
            _generics = generics;
        }

        public static FlagContext Unknown => default;

        public bool IsUnknown => _known == 0 && _inMemory == 0 && _types == null && _typeValues == null && _generics == null && _fresh == null;

        /// <summary>Whether any bool or Type flag, or a field still at its default, is known (only those decide branches).</summary>
        public bool KnowsFlags => _known != 0 || _typeValues != null || _fresh != null;

        /// <summary>The fields of <c>this</c> still at their defaults on this path (<see cref="FreshObjects"/>); null when none is known.</summary>
        public FreshFields? Fresh => _fresh;

        /// <summary>This context with the fields of <c>this</c> known to be at their defaults (replacing what it had).</summary>
        public FlagContext WithFresh(FreshFields? fresh) => new FlagContext(_known, _values, _inMemory, _types, _typeValues, _generics, fresh);

        /// <summary>Whether some Stream parameter is known to hold an in-memory stream.</summary>
        public bool KnowsStreams => _inMemory != 0;

        /// <summary>The types known for <c>this</c> and the reference parameters on this path; null when none are.</summary>
        public ArgumentTypes? Types => _types;

        /// <summary>This context with what is known of the objects passed (replacing what it had).</summary>
        public FlagContext WithTypes(ArgumentTypes? types) => new FlagContext(_known, _values, _inMemory, types, _typeValues, _generics, _fresh);

        /// <summary>The type arguments this path gives the method (<see cref="MethodGenerics"/>); null when not known.</summary>
        public MethodGenerics? Generics => _generics;

        /// <summary>This context with the method's type arguments known (replacing what it had).</summary>
        public FlagContext WithGenerics(MethodGenerics? generics) => new FlagContext(_known, _values, _inMemory, _types, _typeValues, generics, _fresh);

        public FlagContext With(int parameter, bool value) =>
            parameter < 0 || parameter >= 32 ? this
                : new FlagContext(_known | (1u << parameter), value ? _values | (1u << parameter) : _values & ~(1u << parameter), _inMemory, _types, _typeValues, _generics, _fresh);

        /// <summary>This context with the Stream parameter at <paramref name="parameter"/> known to hold an in-memory stream.</summary>
        public FlagContext WithInMemory(int parameter) =>
            parameter < 0 || parameter >= 32 ? this : new FlagContext(_known, _values, _inMemory | (1u << parameter), _types, _typeValues, _generics, _fresh);

        /// <summary>This context with the Type flag at <paramref name="parameter"/> holding <paramref name="name"/> ("" for none of those compared).</summary>
        public FlagContext WithType(int parameter, string name) =>
            new FlagContext(_known, _values, _inMemory, _types, TypeValues.With(_typeValues, parameter, name), _generics, _fresh);

        /// <summary>The type a Type flag holds on this path ("" for none of those its method compares it with); null when unknown.</summary>
        public string? TypeOf(int parameter) => _typeValues?.Of(parameter);

        public bool InMemory(int parameter) => parameter >= 0 && parameter < 32 && (_inMemory & (1u << parameter)) != 0;

        public bool? ValueOf(int parameter) =>
            parameter < 0 || parameter >= 32 || (_known & (1u << parameter)) == 0 ? (bool?)null : (_values & (1u << parameter)) != 0;

        public bool Equals(FlagContext other) =>
            _known == other._known && _values == other._values && _inMemory == other._inMemory && Equals(_types, other._types) &&
            Equals(_typeValues, other._typeValues) && Equals(_generics, other._generics) && Equals(_fresh, other._fresh);
        public override bool Equals(object? obj) => obj is FlagContext other && Equals(other);
        public override int GetHashCode() =>
            ((int)((_known * 31 + _values) * 31 + _inMemory) * 31 + (_types?.GetHashCode() ?? 0)) * 31 + (_typeValues?.GetHashCode() ?? 0) ^ (_generics?.GetHashCode() ?? 0) ^ (_fresh?.GetHashCode() ?? 0) * 17;

        /// <summary>As a message shows it: <c>async: true</c>, with the parameters' names.</summary>
        public string Describe(Mono.Cecil.MethodDefinition owner)
        {
            var parts = new System.Collections.Generic.List<string>();
            for (int i = 0; i < owner.Parameters.Count && i < 32; i++)
                if (ValueOf(i) is bool value)
                    parts.Add(owner.Parameters[i].ParameterType.MetadataType == Mono.Cecil.MetadataType.Int32
                        ? owner.Parameters[i].Name + (value ? " > 0" : " <= 0")
                        : owner.Parameters[i].Name + ": " + (value ? "true" : "false"));
            return string.Join(", ", parts);
        }
    }
}
