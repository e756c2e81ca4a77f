using System.Runtime.CompilerServices;
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
            if (HasCached(method.Module.Assembly) || Has(user) || Has(method)) return true;

            // A lambda or local function belongs to the method it is written in.
            string? containing = DisplayName.ContainingUserMethod(user.Name);
            for (var type = user.DeclaringType; type != null; type = type.DeclaringType)
            {
                if (HasCached(type)) return true;
                if (containing != null && !DisplayName.IsCompilerGenerated(type.Name))
                    foreach (var m in type.Methods)
                        if (m.Name == containing && Has(m)) return true;
            }
            return false;
        }

        // Types and assemblies are asked once per method they contain; Cecil answers HasCustomAttributes under the
        // module's lock each time, so their answers are kept (weakly: a module's types go when the module does).
        private static readonly ConditionalWeakTable<ICustomAttributeProvider, StrongBox<bool>> Known =
            new ConditionalWeakTable<ICustomAttributeProvider, StrongBox<bool>>();

        private static bool HasCached(ICustomAttributeProvider provider) =>
            Known.GetValue(provider, p => new StrongBox<bool>(Has(p))).Value;

        // Name and namespace rather than FullName, which Cecil builds as a new string on every call; a foreach over
        // Cecil's collection, not LINQ, which would box its enumerator. This runs for every method of every woven assembly.
        private static bool Has(ICustomAttributeProvider? provider)
        {
            if (provider == null || !provider.HasCustomAttributes) return false;
            foreach (var a in provider.CustomAttributes)
                if (a.AttributeType.Name == AttributeName && a.AttributeType.Namespace == AttributeNamespace) return true;
            return false;
        }
    }
}
