using System.Collections.Generic;
using System.Linq;
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
        private readonly Dictionary<TypeDefinition, Dictionary<string, MethodDefinition>> _byOwner = new Dictionary<TypeDefinition, Dictionary<string, MethodDefinition>>();

        public MethodDefinition? OwnerOf(MethodDefinition method)
        {
            var type = method.DeclaringType;
            if (!DisplayName.IsCompilerGenerated(type.Name) || type.DeclaringType == null) return null;
            return KickoffOf(type);
        }

        /// <summary>The async or iterator method that starts this state machine, or null.</summary>
        public MethodDefinition? KickoffOf(TypeDefinition machine)
        {
            var owner = machine.DeclaringType;
            if (owner == null) return null;
            if (!_byOwner.TryGetValue(owner, out var index)) _byOwner[owner] = index = AsyncMachineFinder.KickoffIndex(owner);
            return index.TryGetValue(machine.FullName, out var kickoff) ? kickoff : null;
        }

        /// <summary>The MoveNext of the state machine an async method's [AsyncStateMachine] names; null for any other method.</summary>
        public static MethodDefinition? AsyncMoveNextOf(MethodDefinition kickoff)
        {
            foreach (var attribute in kickoff.CustomAttributes)
            {
                if (attribute.AttributeType.Name != "AsyncStateMachineAttribute" || attribute.ConstructorArguments.Count != 1 ||
                    !(attribute.ConstructorArguments[0].Value is TypeReference machine)) continue;
                try { return machine.Resolve()?.Methods.FirstOrDefault(m => m.Name == "MoveNext"); }
                catch (AssemblyResolutionException) { return null; }
            }
            return null;
        }

        public string DisplayNameOf(MethodDefinition method)
        {
            var owner = OwnerOf(method);
            return owner != null ? DisplayName.Of(owner, method.DeclaringType) : DisplayName.Of(method, method.DeclaringType);
        }
    }
}
