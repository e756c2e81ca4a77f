using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The engine's OwnDisposals read from source: a catalogued disposal (a data reader's <c>Dispose()</c>) called on the
    /// compilation's own subclass of the catalogued type runs the subclass's <c>Dispose(bool)</c> override, else its
    /// <c>Close()</c> override, else nothing; only when every type between the receiver's type and the catalogued one is
    /// the compilation's.
    /// </summary>
    internal static class SourceOwnDisposals
    {
        /// <summary>Whether the call is such a disposal; then <paramref name="runs"/> is the override it runs (null: none).</summary>
        public static bool Replaced(IOperation? instance, BlockingMatch match, IMethodSymbol method, Compilation compilation, out IMethodSymbol? runs)
        {
            runs = null;
            if (match.DisposalOf == null || method.Name != "Dispose" || !method.Parameters.IsEmpty) return false;
            var receiver = instance;
            while (receiver is IConversionOperation conversion) receiver = conversion.Operand;
            IMethodSymbol? dispose = null, close = null;
            for (var t = receiver?.Type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (!SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, compilation.Assembly))
                {
                    if (SymbolCatalog.MetadataName(t.OriginalDefinition) != match.DisposalOf || t.Equals(receiver!.Type, SymbolEqualityComparer.Default)) return false;
                    runs = dispose ?? close;
                    return true;
                }
                foreach (var member in t.GetMembers())
                {
                    if (!(member is IMethodSymbol { IsOverride: true } candidate)) continue;
                    if (dispose == null && candidate.Name == "Dispose" && candidate.Parameters.Length == 1 && candidate.Parameters[0].Type.SpecialType == SpecialType.System_Boolean)
                        dispose = candidate;
                    else if (close == null && candidate.Name == "Close" && candidate.Parameters.IsEmpty)
                        close = candidate;
                }
            }
            return false;
        }
    }
}
