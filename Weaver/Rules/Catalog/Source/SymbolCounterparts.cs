using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The engine's async-counterpart rule (AsyncCounterparts.cs) over symbols: a sync method X is blocking when an
    /// awaitable XAsync exists on its type, a base or an interface (instance methods) or in the same static class
    /// (static and extension methods), with X's generic arity and X's parameters in order, less optional ones, plus
    /// an optional trailing CancellationToken.
    /// </summary>
    internal static class SymbolCounterparts
    {
        private const string CancellationToken = "System.Threading.CancellationToken";

        /// <summary>The twin that makes <paramref name="method"/> (another assembly's) blocking, or null.</summary>
        public static IMethodSymbol? Find(IMethodSymbol method, SymbolCatalog catalog)
        {
            var x = (method.ReducedFrom ?? method).OriginalDefinition;
            if (x.MethodKind != MethodKind.Ordinary || x.Name.EndsWith("Async", StringComparison.Ordinal)) return null;
            if (catalog.Excludes(SymbolCatalog.MetadataName(x.ContainingType), x.Name)) return null;
            if (Awaitables.Is(x.ReturnType)) return null;
            foreach (var owner in Owners(x))
                if (catalog.Excludes(SymbolCatalog.MetadataName(owner), x.Name)) return null;
            return Twin(method, catalog);
        }

        /// <summary>The awaitable XAsync beside X, wherever X is declared; null if none.</summary>
        public static IMethodSymbol? Twin(IMethodSymbol method, SymbolCatalog catalog)
        {
            var x = (method.ReducedFrom ?? method).OriginalDefinition;
            string wanted = x.Name + "Async";
            IMethodSymbol? found = null;
            foreach (var owner in Owners(x))
            {
                foreach (var member in owner.GetMembers(wanted))
                {
                    if (!(member is IMethodSymbol candidate) || candidate.IsStatic != x.IsStatic || !Matches(x, candidate.OriginalDefinition)) continue;
                    // The overload that also takes a CancellationToken, when there is one: the code fix passes it on.
                    if (TakesToken(candidate)) return candidate;
                    found ??= candidate;
                }
                if (found != null) return found;
            }
            return null;
        }

        private static bool TakesToken(IMethodSymbol m) =>
            m.Parameters.Length > 0 && SymbolCatalog.MetadataName(m.Parameters[m.Parameters.Length - 1].Type) == CancellationToken;

        private static IEnumerable<INamedTypeSymbol> Owners(IMethodSymbol x)
        {
            yield return x.ContainingType;
            if (x.IsStatic) yield break;
            for (var b = x.ContainingType.BaseType; b != null && b.SpecialType != SpecialType.System_Object; b = b.BaseType) yield return b;
            foreach (var i in x.ContainingType.AllInterfaces) yield return i;
        }

        private static bool Matches(IMethodSymbol x, IMethodSymbol candidate)
        {
            if (x.Arity != candidate.Arity || !Awaitables.Is(candidate.ReturnType)) return false;
            int count = candidate.Parameters.Length;
            if (count > 0 && SymbolCatalog.MetadataName(candidate.Parameters[count - 1].Type) == CancellationToken) count--;
            int xi = 0;
            for (int ci = 0; ci < count; ci++)
            {
                string wanted = Key(candidate.Parameters[ci].Type);
                while (xi < x.Parameters.Length && Key(x.Parameters[xi].Type) != wanted)
                {
                    if (!x.Parameters[xi].IsOptional) return false;
                    xi++;
                }
                if (xi == x.Parameters.Length) return false;
                xi++;
            }
            for (; xi < x.Parameters.Length; xi++)
                if (!x.Parameters[xi].IsOptional && SymbolCatalog.MetadataName(x.Parameters[xi].Type) != CancellationToken) return false;
            return true;
        }

        /// <summary>A type's identity with generic parameters by position, so <c>T</c> of two methods compare equal.</summary>
        public static string Key(ITypeSymbol type)
        {
            var sb = new StringBuilder();
            Append(sb, type);
            return sb.ToString();
        }

        private static void Append(StringBuilder sb, ITypeSymbol type)
        {
            switch (type)
            {
                case ITypeParameterSymbol p:
                    sb.Append(p.TypeParameterKind == TypeParameterKind.Method ? "!!" : "!").Append(p.Ordinal);
                    return;
                case IArrayTypeSymbol a:
                    Append(sb, a.ElementType);
                    sb.Append("[]");
                    return;
                case INamedTypeSymbol n when n.IsGenericType:
                    sb.Append(SymbolCatalog.MetadataName(n.OriginalDefinition)).Append('<');
                    for (int i = 0; i < n.TypeArguments.Length; i++)
                    {
                        if (i > 0) sb.Append(',');
                        Append(sb, n.TypeArguments[i]);
                    }
                    sb.Append('>');
                    return;
                default:
                    sb.Append(SymbolCatalog.MetadataName(type));
                    return;
            }
        }
    }
}
