using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>What code outside the compilation can see of a symbol: the engine's Visibility read from source.</summary>
    internal static class SourceVisibility
    {
        /// <summary>Public or protected, itself and every type around it.</summary>
        public static bool VisibleOutside(ISymbol symbol)
        {
            for (ISymbol? s = symbol; s != null && !(s is INamespaceSymbol); s = s.ContainingType)
                if (!(s.DeclaredAccessibility == Accessibility.Public || s.DeclaredAccessibility == Accessibility.Protected ||
                      s.DeclaredAccessibility == Accessibility.ProtectedOrInternal)) return false;
            return true;
        }
    }
}
