using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>A local its declaration alone sets: the IL's single store, read from source.</summary>
    internal static class SetOnce
    {
        /// <summary>
        /// The declarator of a local of this tree whose initializer is the only value it ever holds: no use of it in its
        /// function writes it (an assignment, an increment, a deconstruction, a <c>ref</c> or <c>out</c> argument — the
        /// writes <see cref="SourceKnownValues.Written"/> reads); null otherwise.
        /// </summary>
        public static VariableDeclaratorSyntax? Declarator(ILocalSymbol local, SemanticModel model)
        {
            if (!(local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax declarator) ||
                declarator.SyntaxTree != model.SyntaxTree || declarator.Initializer == null) return null;
            var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax ||
                                                                  a is AnonymousFunctionExpressionSyntax || a is AccessorDeclarationSyntax);
            if (body == null) return null;
            // Only its declaring block can use it: the whole function was read for each local asked about, and one of 4,000
            // `{ var t = M(i); x += t.Result; }` took 24 s to analyse.
            var scope = DeclaringBlocks.Of(local) is BlockSyntax block && body.Span.Contains(block.Span) ? block : body;
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
                if (name.Identifier.ValueText == local.Name && model.GetOperation(name) is ILocalReferenceOperation use &&
                    SymbolEqualityComparer.Default.Equals(use.Local, local) && (!SourceKnownValues.Written(use, name, out var value) || value != null))
                    return null;
            return declarator;
        }
    }
}
