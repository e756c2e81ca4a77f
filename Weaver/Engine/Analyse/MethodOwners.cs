using System.Collections.Generic;
using Mono.Cecil;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Maps compiler-generated state machine methods to the method the user wrote (Foo for &lt;Foo&gt;d__3.MoveNext),
    /// so call sites inside them are named and opted out as the user sees them.
    /// </summary>
    internal sealed class MethodOwners
    {
        private readonly Dictionary<TypeDefinition, MethodDefinition?> _kickoffs = new Dictionary<TypeDefinition, MethodDefinition?>();

        public MethodDefinition? OwnerOf(MethodDefinition method)
        {
            var type = method.DeclaringType;
            if (!DisplayName.IsCompilerGenerated(type.Name) || type.DeclaringType == null) return null;
            if (!_kickoffs.TryGetValue(type, out var kickoff)) _kickoffs[type] = kickoff = AsyncMachineFinder.FindKickoff(type);
            return kickoff;
        }

        public string DisplayNameOf(MethodDefinition method)
        {
            var owner = OwnerOf(method);
            return owner != null ? DisplayName.Of(owner, method.DeclaringType) : DisplayName.Of(method, method.DeclaringType);
        }
    }
}
