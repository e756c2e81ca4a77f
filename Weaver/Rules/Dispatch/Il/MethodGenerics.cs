using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// The type arguments one call path gives a generic method: <c>Apply&lt;DataConnection&gt;(…)</c> enters
    /// <c>OptionsContainer.Apply&lt;TA&gt;</c>, whose <c>((IApplicable&lt;TA&gt;)option).Apply(obj)</c> then runs only the
    /// implementations of <c>IApplicable&lt;DataConnection&gt;</c> (linq2db). Carried only while every argument is closed
    /// (no type parameter left in it). Immutable, compared by the arguments' names: part of a node's context.
    /// </summary>
    internal sealed class MethodGenerics : IEquatable<MethodGenerics>
    {
        private readonly TypeReference[] _arguments;
        private readonly string[] _names;
        private readonly int _hash;

        private MethodGenerics(TypeReference[] arguments)
        {
            _arguments = arguments;
            _names = arguments.Select(a => a.FullName).ToArray();
            int hash = 17;
            foreach (var name in _names) hash = hash * 31 + StringComparer.Ordinal.GetHashCode(name);
            _hash = hash;
        }

        /// <summary>
        /// The arguments a call to a generic method instance passes, with the caller's own method type parameters read
        /// from <paramref name="outer"/>; null where one stays open.
        /// </summary>
        public static MethodGenerics? Of(GenericInstanceMethod call, MethodGenerics? outer)
        {
            var arguments = new TypeReference[call.GenericArguments.Count];
            for (int i = 0; i < arguments.Length; i++)
            {
                var argument = outer == null ? call.GenericArguments[i] : outer.Substitute(call.GenericArguments[i]);
                if (argument.ContainsGenericParameter) return null;
                arguments[i] = argument;
            }
            return new MethodGenerics(arguments);
        }

        /// <summary>
        /// <paramref name="type"/> with the method's type parameters (<c>!!0</c>…) replaced by this path's arguments;
        /// the type itself where it names none of them.
        /// </summary>
        public TypeReference Substitute(TypeReference type)
        {
            switch (type)
            {
                case GenericParameter parameter when parameter.Type == GenericParameterType.Method:
                    return parameter.Position < _arguments.Length ? _arguments[parameter.Position] : type;
                case GenericInstanceType instance when instance.ContainsGenericParameter:
                    var replaced = new GenericInstanceType(instance.ElementType);
                    bool changed = false;
                    foreach (var argument in instance.GenericArguments)
                    {
                        var substituted = Substitute(argument);
                        changed |= !ReferenceEquals(substituted, argument);
                        replaced.GenericArguments.Add(substituted);
                    }
                    return changed ? replaced : type;
                case ArrayType array when array.ContainsGenericParameter:
                    var element = Substitute(array.ElementType);
                    return ReferenceEquals(element, array.ElementType) ? type : new ArrayType(element, array.Rank);
                default:
                    return type;
            }
        }

        public bool Equals(MethodGenerics? other) => other != null && other._hash == _hash && other._names.SequenceEqual(_names, StringComparer.Ordinal);
        public override bool Equals(object? obj) => obj is MethodGenerics other && Equals(other);
        public override int GetHashCode() => _hash;
    }
}
