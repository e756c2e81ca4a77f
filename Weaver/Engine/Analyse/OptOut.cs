using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>[AllowBlocking] on the method, a lambda's containing method, any enclosing type, or the assembly.</summary>
    internal static class OptOut
    {
        public const string AttributeFullName = AttributeNamespace + "." + AttributeName;
        private const string AttributeNamespace = "NonBlocking";
        private const string AttributeName = "AllowBlockingAttribute";

        /// <param name="method">The method whose code would be woven.</param>
        /// <param name="owner">The method the user wrote it as: the async/iterator method behind a state machine's
        /// MoveNext, else <paramref name="method"/> itself.</param>
        public static bool Applies(MethodDefinition method, MethodDefinition? owner)
        {
            var user = owner ?? method;
            if (Has(method.Module.Assembly) || Has(user) || Has(method)) return true;

            // A lambda or local function belongs to the method it is written in.
            string? containing = DisplayName.ContainingUserMethod(user.Name);
            for (var type = user.DeclaringType; type != null; type = type.DeclaringType)
            {
                if (Has(type)) return true;
                if (containing != null && !DisplayName.IsCompilerGenerated(type.Name) &&
                    type.Methods.Any(m => m.Name == containing && Has(m)))
                    return true;
            }
            return false;
        }

        // Name and namespace rather than FullName, which Cecil builds as a new string on every call: this runs for
        // every method of every woven assembly.
        private static bool Has(ICustomAttributeProvider? provider) =>
            provider != null && provider.HasCustomAttributes &&
            provider.CustomAttributes.Any(a => a.AttributeType.Name == AttributeName && a.AttributeType.Namespace == AttributeNamespace);
    }
}
