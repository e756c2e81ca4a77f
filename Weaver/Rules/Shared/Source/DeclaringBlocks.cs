using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The block that declares a local: every use of the local is inside it (lambdas and local functions that capture it
    /// included), so nothing outside it needs reading for what touches the local.
    /// </summary>
    internal static class DeclaringBlocks
    {
        /// <summary>The nearest block around the local's declaration; null where there is none (a top-level statement) or the local has no single declaration.</summary>
        public static BlockSyntax? Of(ILocalSymbol local) =>
            local.DeclaringSyntaxReferences.Length == 1 ? local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<BlockSyntax>() : null;
    }
}
