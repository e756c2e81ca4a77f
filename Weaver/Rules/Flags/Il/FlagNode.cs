using System;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>A method on the call paths that give its bool flags these values.</summary>
    internal readonly struct FlagNode : IEquatable<FlagNode>
    {
        public FlagNode(MethodDefinition method, FlagContext context)
        {
            Method = method;
            Context = context;
        }

        public MethodDefinition Method { get; }
        public FlagContext Context { get; }

        public bool Equals(FlagNode other) => Method == other.Method && Context.Equals(other.Context);
        public override bool Equals(object? obj) => obj is FlagNode other && Equals(other);
        public override int GetHashCode() => Method.GetHashCode() * 397 ^ Context.GetHashCode();
    }
}
