using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The source methods a call may run, by the engine's dispatch rule: a virtual or interface call runs the override
    /// the receiver's static type has (its own or the nearest base's) or one in a subtype of it; a sealed receiver has
    /// no subtypes. An unknown receiver (a type parameter) may run any implementation in source.
    /// </summary>
    internal sealed class SourceDispatch
    {
        private readonly Compilation _compilation;
        private List<INamedTypeSymbol>? _types;

        public SourceDispatch(Compilation compilation) => _compilation = compilation;

        public IEnumerable<IMethodSymbol> Targets(HelperPaths.Call call)
        {
            var target = call.Target;
            if (!call.IsVirtual || !(target.IsVirtual || target.IsAbstract || target.IsOverride || target.ContainingType.TypeKind == TypeKind.Interface))
                return new[] { target.PartialImplementationPart ?? target };
            var targets = new List<IMethodSymbol>();
            var receiver = call.Receiver as INamedTypeSymbol;
            if (receiver != null && receiver.TypeKind != TypeKind.Interface)
                for (INamedTypeSymbol? type = receiver; type != null; type = type.BaseType)
                {
                    var own = Implementation(type, target);
                    if (own != null) { targets.Add(own); break; }
                }
            foreach (var type in SourceTypes())
            {
                if (receiver != null && (SymbolEqualityComparer.Default.Equals(type, receiver) || !DerivesFrom(type, receiver))) continue;
                var own = Implementation(type, target);
                if (own != null) targets.Add(own);
            }
            return targets;
        }

        /// <summary>The member <paramref name="type"/> itself declares that runs for <paramref name="target"/>, if any.</summary>
        private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol target)
        {
            var original = target.OriginalDefinition;
            if (original.ContainingType.TypeKind == TypeKind.Interface)
            {
                var impl = type.FindImplementationForInterfaceMember(target) as IMethodSymbol;
                return impl != null && SymbolEqualityComparer.Default.Equals(impl.ContainingType.OriginalDefinition, type.OriginalDefinition) ? impl : null;
            }
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, original.ContainingType)) return original.IsAbstract ? null : original;
            foreach (var member in type.GetMembers(target.Name).OfType<IMethodSymbol>())
                for (var o = member.OverriddenMethod; o != null; o = o.OverriddenMethod)
                    if (SymbolEqualityComparer.Default.Equals(o.OriginalDefinition, original)) return member;
            return null;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol receiver)
        {
            var r = receiver.OriginalDefinition;
            if (receiver.TypeKind == TypeKind.Interface) return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, r));
            for (var b = type.BaseType; b != null; b = b.BaseType)
                if (SymbolEqualityComparer.Default.Equals(b.OriginalDefinition, r)) return true;
            return false;
        }

        private List<INamedTypeSymbol> SourceTypes()
        {
            if (_types != null) return _types;
            _types = new List<INamedTypeSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(_compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns) pending.Push(ns);
                    else if (member is INamedTypeSymbol type) { _types.Add(type); pending.Push(type); }
                }
            return _types;
        }
    }
}
