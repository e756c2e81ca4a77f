using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// For NB0002: put <c>#pragma warning disable NB0002</c> … <c>restore</c> around the blocking call where the path ends
    /// (the diagnostic's related location), in whichever file it is. That is the maintainer's word that the call does not
    /// block in practice: every path through it goes at once, from every async method, and its run-time probe stays.
    /// No fix-all: each end is a decision of its own, so <c>dotnet format</c> never applies it in bulk.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PathEndCodeFixProvider)), Shared]
    public sealed class PathEndCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("NB0002");

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var end = diagnostic.AdditionalLocations.FirstOrDefault();
                if (end == null || !end.IsInSource || end.SourceTree == null) continue;
                var document = context.Document.Project.GetDocument(end.SourceTree);
                if (document == null) continue;
                var line = end.GetLineSpan();
                string where = $"{Path.GetFileName(line.Path)}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1})";
                context.RegisterCodeFix(CodeAction.Create(
                    $"Silence every path through the blocking call at {where}: it does not block in practice (#pragma warning disable NB0002 there)",
                    ct => Silence(document, end.SourceSpan, ct), equivalenceKey: "NonBlocking.PathEnd." + where), diagnostic);
            }
            return Task.CompletedTask;
        }

        /// <summary>Wraps the lines of the statement (or, in an expression-bodied member, the member) that makes the call.</summary>
        private static async Task<Solution> Silence(Document document, TextSpan call, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            if (root == null) return document.Project.Solution;
            var node = root.FindNode(call, getInnermostNodeForTie: true);
            SyntaxNode around = (SyntaxNode?)node.FirstAncestorOrSelf<StatementSyntax>() ?? node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
            var first = text.Lines.GetLineFromPosition(around.SpanStart);
            var last = text.Lines.GetLineFromPosition(around.Span.End);
            string newline = last.EndIncludingLineBreak > last.End ? text.ToString(TextSpan.FromBounds(last.End, last.EndIncludingLineBreak)) : "\n";
            var changed = text.WithChanges(
                new TextChange(new TextSpan(first.Start, 0), "#pragma warning disable NB0002 // does not block in practice" + newline),
                new TextChange(new TextSpan(last.EndIncludingLineBreak, 0),
                    (last.EndIncludingLineBreak == last.End ? newline : "") + "#pragma warning restore NB0002" + newline));
            return document.WithText(changed).Project.Solution;
        }
    }
}
