using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// Whether an implementation of a generic interface or base class can be the one a call on a given instantiation
    /// runs: <c>ValueTaskFormatter&lt;T&gt; : IJsonFormatter&lt;ValueTask&lt;T&gt;&gt;</c> never serves an
    /// <c>IJsonFormatter&lt;ErrorCause&gt;</c> call. The implementing type's own instantiation is read from its interface
    /// list and base chain; a generic parameter on either side matches anything, so the answer errs towards running.
    /// </summary>
    internal static class GenericDispatch
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TypeDefinition, Dictionary<TypeDefinition, List<TypeReference>>> Known =
            new System.Runtime.CompilerServices.ConditionalWeakTable<TypeDefinition, Dictionary<TypeDefinition, List<TypeReference>>>();

        public static bool CanRun(GenericInstanceType call, TypeDefinition declaring, MethodDefinition implementation)
        {
            // An explicit implementation names the one instantiation it serves: ConnectionOptions implements
            // IApplicable<DataConnection> and IApplicable<RemoteDataContextBase>, each with its own Apply (linq2db).
            bool named = false;
            foreach (var overridden in implementation.Overrides)
                if (overridden.DeclaringType is GenericInstanceType served && served.ElementType.FullName == declaring.FullName)
                {
                    if (Unify(call, served)) return true;
                    named = true;
                }
            if (named) return false;
            var implementing = implementation.DeclaringType;
            var byDeclaring = Known.GetOrCreateValue(implementing);
            List<TypeReference> instantiations;
            lock (byDeclaring)
                if (!byDeclaring.TryGetValue(declaring, out instantiations!))
                    byDeclaring[declaring] = instantiations = InstantiationsOf(implementing, declaring).ToList();
            // Not found (a type the reader cannot resolve, an explicit override elsewhere): keep it.
            return instantiations.Count == 0 || instantiations.Any(i => Unify(call, i));
        }

        private static IEnumerable<TypeReference> InstantiationsOf(TypeDefinition type, TypeDefinition declaring)
        {
            var seen = new HashSet<string>();
            var pending = new Stack<TypeDefinition>();
            pending.Push(type);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (!seen.Add(current.FullName)) continue;
                var supertypes = current.Interfaces.Select(i => i.InterfaceType).ToList();
                if (current.BaseType != null) supertypes.Add(current.BaseType);
                foreach (var super in supertypes)
                {
                    if (super.GetElementType().FullName == declaring.FullName) yield return super;
                    TypeDefinition? resolved;
                    try { resolved = super.Resolve(); }
                    catch (AssemblyResolutionException) { resolved = null; }
                    if (resolved != null) pending.Push(resolved);
                }
            }
        }

        private static bool Unify(TypeReference a, TypeReference b)
        {
            if (a is GenericParameter || b is GenericParameter) return true;
            if (a is GenericInstanceType ga && b is GenericInstanceType gb)
                return ga.ElementType.FullName == gb.ElementType.FullName && ga.GenericArguments.Count == gb.GenericArguments.Count &&
                       ga.GenericArguments.Zip(gb.GenericArguments, Unify).All(x => x);
            if (a is TypeSpecification sa && b is TypeSpecification sb && a.GetType() == b.GetType() && !(a is GenericInstanceType) && !(b is GenericInstanceType))
                return Unify(sa.ElementType, sb.ElementType);
            if (a is TypeSpecification || b is TypeSpecification) return a.FullName == b.FullName;
            return a.FullName == b.FullName;
        }
    }
}
