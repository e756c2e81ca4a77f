using System.Linq;
using Mono.Cecil;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>[AllowBlocking] on the method, a lambda's containing method, any enclosing type, or the assembly.</summary>
    internal static class OptOut
    {
        public const string AttributeFullName = "NonBlocking.AllowBlockingAttribute";

        public static bool Applies(AsyncMachine machine)
        {
            var kickoff = machine.Kickoff;
            if (Has(machine.Type.Module.Assembly)) return true;
            if (kickoff != null && Has(kickoff)) return true;

            // A lambda or local function belongs to the method it is written in.
            string? containing = DisplayName.ContainingUserMethod(kickoff?.Name ?? machine.Type.Name);
            for (var type = kickoff?.DeclaringType ?? machine.Type.DeclaringType; type != null; type = type.DeclaringType)
            {
                if (Has(type)) return true;
                if (containing != null && !DisplayName.IsCompilerGenerated(type.Name) &&
                    type.Methods.Any(m => m.Name == containing && Has(m)))
                    return true;
            }
            return false;
        }

        private static bool Has(ICustomAttributeProvider? provider) =>
            provider != null && provider.HasCustomAttributes && provider.CustomAttributes.Any(a => a.AttributeType.FullName == AttributeFullName);
    }
}
