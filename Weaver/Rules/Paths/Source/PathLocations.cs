using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Where NB0002 is reported. Roslyn checks each analyzer diagnostic for <c>[SuppressMessage]</c> by walking up from
    /// its location and asking for every symbol declared on the way; a local's declarator makes it bind the whole method
    /// again with its nullable analysis. NB0002 is reported when the compilation ends, after the file's semantic model
    /// was dropped, so that costs about 4.5 ms per warning on a cold compiler (docs/performance.md). A call in a local's
    /// initialiser is therefore reported from the declaration's start to the call's end, when both are on one line: the
    /// squiggle still ends at the call, <c>#pragma</c> and the line are the same, the column is the statement's (as the
    /// weave reports it), and the walk starts above the declarator.
    /// </summary>
    internal static class PathLocations
    {
        public static Location Of(Location call)
        {
            var tree = call.SourceTree;
            if (tree == null) return call;
            var node = tree.GetRoot().FindNode(call.SourceSpan, getInnermostNodeForTie: true);
            for (var up = node.Parent; up != null; up = up.Parent)
            {
                if (up is AnonymousFunctionExpressionSyntax || up is LocalFunctionStatementSyntax || up is MemberDeclarationSyntax) return call;
                if (!(up is StatementSyntax statement)) continue;
                if (!(statement is LocalDeclarationStatementSyntax) ||
                    tree.GetLineSpan(new TextSpan(statement.SpanStart, 0)).StartLinePosition.Line != call.GetLineSpan().StartLinePosition.Line)
                    return call;
                return Location.Create(tree, TextSpan.FromBounds(statement.SpanStart, call.SourceSpan.End));
            }
            return call;
        }
    }
}
