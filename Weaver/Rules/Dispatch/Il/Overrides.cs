using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Mono.Cecil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// For each virtual or interface method, the methods of the given modules that implement it: the one index of
    /// dispatch both the call graph (which implementations a virtual call may run) and <see cref="StreamTypes"/> (which
    /// code a stream's virtual calls may reach) read.
    /// </summary>
    internal sealed class Overrides
    {
        private readonly Dictionary<MethodDefinition, List<MethodDefinition>> _byBase = new Dictionary<MethodDefinition, List<MethodDefinition>>();
        private readonly Dictionary<MethodReference, MethodDefinition?> _resolved = new Dictionary<MethodReference, MethodDefinition?>();
        private readonly Dictionary<TypeReference, TypeDefinition?> _resolvedTypes = new Dictionary<TypeReference, TypeDefinition?>();
        private readonly Dictionary<(TypeReference?, TypeReference?), List<TypeDefinition>> _supertypes =
            new Dictionary<(TypeReference?, TypeReference?), List<TypeDefinition>>();

        private static readonly ConditionalWeakTable<ModuleDefinition, Lazy<Overrides>> ByModule = new ConditionalWeakTable<ModuleDefinition, Lazy<Overrides>>();

        /// <summary>
        /// The index of one module, built once however many readers ask; two modules' indexes are built side by side
        /// (one lock around the build serialised every analysis running in the process).
        /// </summary>
        public static Overrides For(ModuleDefinition module) =>
            ByModule.GetValue(module, m => new Lazy<Overrides>(() => new Overrides(new[] { m }), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        public Overrides(IEnumerable<ModuleDefinition> modules)
        {
            foreach (var type in modules.SelectMany(m => m.GetTypes()))
            {
                List<TypeDefinition>? supertypes = null;
                foreach (var method in type.Methods)
                {
                    if (!method.IsVirtual || !method.HasBody) continue;
                    foreach (var explicitBase in method.Overrides)
                        Add(Resolve(explicitBase), method);
                    supertypes ??= SupertypesOf(type);
                    foreach (var baseType in supertypes)
                        foreach (var candidate in baseType.Methods)
                            if (candidate.IsVirtual && candidate.Name == method.Name && SameParameters(candidate, method))
                                Add(candidate, method);
                }
            }
        }

        /// <summary>Every virtual or interface method that has implementations here, with them.</summary>
        public IEnumerable<KeyValuePair<MethodDefinition, List<MethodDefinition>>> All => _byBase;

        /// <summary>The implementations of <paramref name="method"/> here (none: an empty list).</summary>
        public IReadOnlyList<MethodDefinition> Of(MethodDefinition method) =>
            _byBase.TryGetValue(method, out var list) ? list : (IReadOnlyList<MethodDefinition>)Array.Empty<MethodDefinition>();

        /// <summary>
        /// Whether an implementation's parameters are the base method's: same count and types. Overloads with as many
        /// parameters are different methods (MimeKit's <c>Find(X509Certificate, …)</c> is not <c>Find(X509Name, …)</c>);
        /// a type that involves a generic parameter may be instantiated either way, so it matches.
        /// </summary>
        public static bool SameParameters(MethodReference candidate, MethodReference method)
        {
            if (candidate.Parameters.Count != method.Parameters.Count) return false;
            for (int i = 0; i < candidate.Parameters.Count; i++)
            {
                var a = candidate.Parameters[i].ParameterType;
                var b = method.Parameters[i].ParameterType;
                if (a.ContainsGenericParameter || b.ContainsGenericParameter) continue;
                if (a.FullName != b.FullName) return false;
            }
            return true;
        }

        private void Add(MethodDefinition? baseMethod, MethodDefinition implementation)
        {
            if (baseMethod == null || baseMethod == implementation) return;
            if (!_byBase.TryGetValue(baseMethod, out var list)) _byBase[baseMethod] = list = new List<MethodDefinition>();
            // One implementation's methods are indexed together, so a repeat (an explicit override also matched by
            // name) can only be the last entry; Contains made this quadratic (5,000 state machines all implement
            // IAsyncStateMachine.MoveNext).
            if (list.Count == 0 || list[list.Count - 1] != implementation) list.Add(implementation);
        }

        /// <summary>
        /// The type's base types and interfaces, resolved; shared between types with the same base and at most one
        /// interface: thousands of state machines (ValueType + IAsyncStateMachine) and closures (Object) would otherwise
        /// each walk and allocate the same list.
        /// </summary>
        public List<TypeDefinition> SupertypesOf(TypeDefinition type)
        {
            // Types with one base and at most one interface share their list; one with several interfaces keeps its own
            // (a generated SDK's models each implement two or three: read once each, not at every dispatch).
            if (type.Interfaces.Count > 1)
            {
                if (!_ownSupertypes.TryGetValue(type, out var own)) _ownSupertypes[type] = own = Supertypes(type).ToList();
                return own;
            }
            var key = (type.BaseType, type.Interfaces.Count == 1 ? type.Interfaces[0].InterfaceType : null);
            if (!_supertypes.TryGetValue(key, out var list)) _supertypes[key] = list = Supertypes(type).ToList();
            return list;
        }

        private readonly Dictionary<TypeDefinition, List<TypeDefinition>> _ownSupertypes = new Dictionary<TypeDefinition, List<TypeDefinition>>();

        /// <summary>Whether <paramref name="candidate"/> is among <paramref name="type"/>'s supertypes (a set per type, for dispatch over many implementations).</summary>
        public bool Derives(TypeDefinition type, TypeDefinition candidate)
        {
            if (!_supertypeSets.TryGetValue(type, out var set)) _supertypeSets[type] = set = new HashSet<TypeDefinition>(SupertypesOf(type));
            return set.Contains(candidate);
        }

        private readonly Dictionary<TypeDefinition, HashSet<TypeDefinition>> _supertypeSets = new Dictionary<TypeDefinition, HashSet<TypeDefinition>>();

        private IEnumerable<TypeDefinition> Supertypes(TypeDefinition type)
        {
            var seen = new HashSet<TypeDefinition>();
            var pending = new Stack<TypeReference>();
            if (type.BaseType != null) pending.Push(type.BaseType);
            foreach (var i in type.Interfaces) pending.Push(i.InterfaceType);
            while (pending.Count > 0)
            {
                var resolved = ResolveType(pending.Pop());
                if (resolved == null || !seen.Add(resolved)) continue;
                yield return resolved;
                if (resolved.BaseType != null) pending.Push(resolved.BaseType);
                foreach (var i in resolved.Interfaces) pending.Push(i.InterfaceType);
            }
        }

        private MethodDefinition? Resolve(MethodReference reference)
        {
            if (!_resolved.TryGetValue(reference, out var def)) _resolved[reference] = def = Safe(reference.Resolve);
            return def;
        }

        private TypeDefinition? ResolveType(TypeReference reference)
        {
            if (!_resolvedTypes.TryGetValue(reference, out var resolved)) _resolvedTypes[reference] = resolved = Safe(reference.Resolve);
            return resolved;
        }

        private static T? Safe<T>(Func<T> resolve) where T : class
        {
            try { return resolve(); }
            catch (AssemblyResolutionException) { return null; }
        }
    }
}
