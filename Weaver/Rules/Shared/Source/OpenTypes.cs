using System.Linq;
using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>Whether a type still names a type parameter: the source half's reading of Cecil's ContainsGenericParameter.</summary>
    internal static class OpenTypes
    {
        public static bool IsOpen(ITypeSymbol type) => type switch
        {
            ITypeParameterSymbol _ => true,
            INamedTypeSymbol named => named.TypeArguments.Any(IsOpen) || named.ContainingType is INamedTypeSymbol outer && IsOpen(outer),
            IArrayTypeSymbol array => IsOpen(array.ElementType),
            IPointerTypeSymbol pointer => IsOpen(pointer.PointedAtType),
            _ => false,
        };
    }
}
