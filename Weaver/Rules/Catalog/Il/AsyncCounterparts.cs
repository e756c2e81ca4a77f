using System;
using System.Collections.Generic;
using System.Text;
using Mono.Cecil;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// The rule CA1849 and MA0042/MA0045 apply to source, applied to binaries: a call to a sync method <c>X</c> in
    /// another assembly is blocking when <c>XAsync</c> exists beside it — on the same type, a base type or an interface
    /// it implements (instance methods), or in the same static class (extension and other static methods) — returns
    /// an awaitable, has X's generic arity, and takes X's parameters in order, less any of X's optional ones (Dapper's
    /// <c>buffered</c>), plus optionally a trailing <c>CancellationToken</c>. So a library's sync API — Dapper's
    /// <c>Query</c>, Redis's <c>StringGet</c>, EF Core's <c>SaveChanges</c>, a vendor SDK's <c>Send</c> — is named
    /// without a catalog entry. Members known not to block (in-memory types, <c>Dispose</c>) are excluded by
    /// <see cref="NotBlockingList"/>. Answers are cached per method reference; each type is resolved once.
    /// </summary>
    internal sealed class AsyncCounterparts
    {
        private const string CancellationToken = "System.Threading.CancellationToken";
        private readonly NotBlockingList _notBlocking;
        private readonly Dictionary<string, BlockingApi?> _byCall = new Dictionary<string, BlockingApi?>(StringComparer.Ordinal);
        // Cecil shares one reference object among the call sites of a member reference: most lookups end here,
        // before a FullName is built.
        private readonly Dictionary<MethodReference, BlockingApi?> _byReference = new Dictionary<MethodReference, BlockingApi?>(ReferenceComparer.Instance);

        public AsyncCounterparts(NotBlockingList notBlocking) { _notBlocking = notBlocking; }

        /// <summary>The call as a blocking API with its async counterpart, or null.</summary>
        public BlockingApi? Match(MethodReference target)
        {
            if (!Candidate(target)) return null;
            // Most calls go to types with no XAsync of that name at all: one lookup by the type's (cached) name says so.
            if (!TwinNames(target.DeclaringType.GetElementType()).Contains(target.Name)) return null;
            if (_byReference.TryGetValue(target, out var seen)) return seen;
            string key = target.GetElementMethod().FullName;
            if (!_byCall.TryGetValue(key, out var api))
            {
                try
                {
                    api = Find(target.GetElementMethod());
                }
                catch (AssemblyResolutionException) { /* the type's assembly is not available: no answer */ }
                catch (NotSupportedException) { }
                _byCall[key] = api;
            }
            return _byReference[target] = api;
        }

        private sealed class ReferenceComparer : IEqualityComparer<MethodReference>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();
            public bool Equals(MethodReference? x, MethodReference? y) => ReferenceEquals(x, y);
            public int GetHashCode(MethodReference obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        private readonly Dictionary<string, HashSet<string>> _twinNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private static readonly HashSet<string> NoNames = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Names X for which some XAsync is declared on the type, its bases or its interfaces; resolved once per type.</summary>
        private HashSet<string> TwinNames(TypeReference type)
        {
            string key = type.FullName;
            if (_twinNames.TryGetValue(key, out var names)) return names;
            names = NoNames;
            try
            {
                var def = type.Resolve();
                if (def != null)
                    foreach (var owner in Owners(def, isStatic: false))
                        foreach (var m in owner.Methods)
                            if (m.Name.Length > 5 && m.Name.EndsWith("Async", StringComparison.Ordinal))
                            {
                                if (names == NoNames) names = new HashSet<string>(StringComparer.Ordinal);
                                names.Add(m.Name.Substring(0, m.Name.Length - 5));
                            }
            }
            catch (AssemblyResolutionException) { }
            catch (NotSupportedException) { }
            return _twinNames[key] = names;
        }

        /// <summary>Cheap checks before anything is resolved: most calls end here.</summary>
        private bool Candidate(MethodReference target)
        {
            string name = target.Name;
            if (name.Length == 0 || name[0] == '.' || name.EndsWith("Async", StringComparison.Ordinal)) return false;
            if (name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal) ||
                name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal) ||
                name.StartsWith("op_", StringComparison.Ordinal)) return false;
            // Only other assemblies' APIs: the woven assembly's own methods are woven, so what blocks inside them is timed there.
            return target.DeclaringType.Scope is AssemblyNameReference;
        }

        private BlockingApi? Find(MethodReference x)
        {
            if (_notBlocking.Excludes(x.DeclaringType.GetElementType().FullName, x.Name)) return null;
            if (Awaitable.Is(x.ReturnType)) return null;
            var method = x.Resolve();
            if (method == null) return null;
            var type = method.DeclaringType;
            string wanted = method.Name + "Async";
            foreach (var owner in Owners(type, method.IsStatic))
            {
                if (_notBlocking.Excludes(owner.FullName, method.Name)) return null;
                foreach (var candidate in owner.Methods)
                    if (candidate.Name == wanted && candidate.IsStatic == method.IsStatic && Matches(method, candidate))
                        return new BlockingApi(type.FullName, method.Name, userCallsOnly: false,
                            alternative: $"await {wanted}(...)", counterpart: true);
            }
            return null;
        }

        /// <summary>Where a counterpart may be declared: a static method's own class; an instance method's type, bases and interfaces.</summary>
        private static IEnumerable<TypeDefinition> Owners(TypeDefinition type, bool isStatic)
        {
            yield return type;
            if (isStatic) yield break;
            var seen = new HashSet<string>(StringComparer.Ordinal) { type.FullName };
            var pending = new Queue<TypeDefinition>();
            pending.Enqueue(type);
            while (pending.Count > 0)
            {
                var t = pending.Dequeue();
                var supers = new List<TypeReference>();
                if (t.BaseType != null) supers.Add(t.BaseType);
                foreach (var i in t.Interfaces) supers.Add(i.InterfaceType);
                foreach (var s in supers)
                {
                    TypeDefinition? def;
                    try { def = s.Resolve(); }
                    catch (AssemblyResolutionException) { continue; }
                    if (def == null || !seen.Add(def.FullName) || def.FullName == "System.Object") continue;
                    yield return def;
                    pending.Enqueue(def);
                }
            }
        }

        /// <summary>
        /// The counterpart's parameters, less a trailing CancellationToken, are X's in order; each of X's that it
        /// lacks is optional (a caller in source could call either with the same arguments).
        /// </summary>
        private static bool Matches(MethodDefinition x, MethodDefinition candidate)
        {
            if (x.GenericParameters.Count != candidate.GenericParameters.Count) return false;
            if (!Awaitable.Is(candidate.ReturnType)) return false;
            int count = candidate.Parameters.Count;
            if (count > 0 && candidate.Parameters[count - 1].ParameterType.FullName == CancellationToken) count--;
            int xi = 0;
            for (int ci = 0; ci < count; ci++)
            {
                string wanted = Key(candidate.Parameters[ci].ParameterType);
                while (xi < x.Parameters.Count && Key(x.Parameters[xi].ParameterType) != wanted)
                {
                    if (!x.Parameters[xi].IsOptional && !x.Parameters[xi].HasDefault) return false;
                    xi++;
                }
                if (xi == x.Parameters.Count) return false;
                xi++;
            }
            for (; xi < x.Parameters.Count; xi++)
            {
                var p = x.Parameters[xi];
                if (!p.IsOptional && !p.HasDefault && p.ParameterType.FullName != CancellationToken) return false;
            }
            return true;
        }

        /// <summary>A type's identity with generic parameters by position, so <c>T</c> and <c>TResult</c> of two methods compare equal.</summary>
        private static string Key(TypeReference type)
        {
            var sb = new StringBuilder();
            Append(sb, type);
            return sb.ToString();
        }

        private static void Append(StringBuilder sb, TypeReference type)
        {
            switch (type)
            {
                case GenericParameter g:
                    sb.Append(g.Type == GenericParameterType.Method ? "!!" : "!").Append(g.Position);
                    return;
                case GenericInstanceType gi:
                    sb.Append(gi.ElementType.FullName).Append('<');
                    for (int i = 0; i < gi.GenericArguments.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        Append(sb, gi.GenericArguments[i]);
                    }
                    sb.Append('>');
                    return;
                case ByReferenceType r:
                    Append(sb, r.ElementType);
                    sb.Append('&');
                    return;
                case ArrayType a:
                    Append(sb, a.ElementType);
                    sb.Append("[]");
                    return;
                case RequiredModifierType m:
                    Append(sb, m.ElementType);
                    return;
                case OptionalModifierType o:
                    Append(sb, o.ElementType);
                    return;
                default:
                    sb.Append(type.FullName);
                    return;
            }
        }
    }
}
