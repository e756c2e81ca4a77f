using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// Rewrites NB0001 and NB0003 to await: <c>Thread.Sleep(x)</c> → <c>await Task.Delay(x)</c> (passing the method's
    /// CancellationToken when it has one), <c>t.Result</c>, <c>t.Wait()</c> and <c>t.GetAwaiter().GetResult()</c> →
    /// <c>await t</c>, and a sync call with an async twin → <c>await x.MAsync(…)</c>. Fix-all works in a document,
    /// project or solution, so <c>dotnet format analyzers --diagnostics NB0001</c> applies it everywhere.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitCodeFixProvider)), Shared]
    public sealed class AwaitCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("NB0001", "NB0003");

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(Descriptors.FixKey, out var kind) || kind == null) continue;
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var replacement = Rewrite(node, kind, diagnostic);
                if (replacement == null) continue;
                string title = kind == FixKinds.Delay ? "Use await Task.Delay" :
                               kind == FixKinds.Await ? "Await the task" : $"Use await {diagnostic.Properties[Descriptors.TwinKey]}";
                context.RegisterCodeFix(CodeAction.Create(title,
                    ct => Replace(context.Document, node, replacement, ct), equivalenceKey: "NonBlocking." + kind), diagnostic);
            }
        }

        private static async Task<Document> Replace(Document document, SyntaxNode node, ExpressionSyntax replacement, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            return root == null ? document : document.WithSyntaxRoot(root.ReplaceNode(node, replacement));
        }

        /// <summary>The awaiting expression that replaces the flagged one, or null when there is no safe rewrite.</summary>
        private static ExpressionSyntax? Rewrite(SyntaxNode node, string kind, Diagnostic diagnostic)
        {
            ExpressionSyntax? awaited = null;
            switch (kind)
            {
                case FixKinds.Delay when node is InvocationExpressionSyntax sleep && sleep.ArgumentList.Arguments.Count == 1:
                    awaited = InvocationExpression(ParseExpression("global::System.Threading.Tasks.Task.Delay").WithAdditionalAnnotations(Simplifier.Annotation),
                        WithToken(sleep.ArgumentList, sleep));
                    break;
                case FixKinds.Await:
                    awaited = TaskOf(node);
                    break;
                case FixKinds.AsyncTwin when node is InvocationExpressionSyntax call && diagnostic.Properties.TryGetValue(Descriptors.TwinKey, out var twin) && twin != null:
                    var arguments = diagnostic.Properties.TryGetValue(Descriptors.TwinTakesTokenKey, out var token) && token == "true"
                        ? WithToken(call.ArgumentList, call) : call.ArgumentList;
                    var renamed = Renamed(call.Expression, twin);
                    if (renamed != null) awaited = call.WithExpression(renamed).WithArgumentList(arguments);
                    break;
            }
            if (awaited == null) return null;
            var result = AwaitExpression(awaited.WithoutTrivia()).WithTriviaFrom(node);
            // await binds looser than member access: (await x).Length; the simplifier drops the parentheses where they are not needed.
            return ParenthesizedExpression(result.WithoutTrivia()).WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        /// <summary>The task a wait is on: t of t.Result, t.Wait(), t.GetAwaiter().GetResult().</summary>
        private static ExpressionSyntax? TaskOf(SyntaxNode node)
        {
            if (node is MemberAccessExpressionSyntax result && result.Name.Identifier.ValueText == "Result") return result.Expression;
            if (node is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax member && call.ArgumentList.Arguments.Count == 0)
            {
                if (member.Name.Identifier.ValueText == "Wait") return member.Expression;
                if (member.Name.Identifier.ValueText == "GetResult" && member.Expression is InvocationExpressionSyntax getAwaiter &&
                    getAwaiter.Expression is MemberAccessExpressionSyntax awaiterAccess && awaiterAccess.Name.Identifier.ValueText == "GetAwaiter")
                    return awaiterAccess.Expression;
            }
            return null;
        }

        private static ExpressionSyntax? Renamed(ExpressionSyntax expression, string name)
        {
            SimpleNameSyntax Rename(SimpleNameSyntax old) => old is GenericNameSyntax g
                ? (SimpleNameSyntax)GenericName(Identifier(name), g.TypeArgumentList).WithTriviaFrom(old)
                : IdentifierName(name).WithTriviaFrom(old);
            return expression switch
            {
                MemberAccessExpressionSyntax m => m.WithName(Rename(m.Name)),
                SimpleNameSyntax s => Rename(s),
                _ => null,
            };
        }

        /// <summary>The argument list plus the enclosing method's CancellationToken parameter, when it has one.</summary>
        private static ArgumentListSyntax WithToken(ArgumentListSyntax arguments, SyntaxNode at)
        {
            var parameters = at.Ancestors().Select(a => a switch
            {
                BaseMethodDeclarationSyntax m => m.ParameterList,
                LocalFunctionStatementSyntax l => l.ParameterList,
                ParenthesizedLambdaExpressionSyntax p => p.ParameterList,
                _ => null,
            }).FirstOrDefault(p => p != null);
            var token = parameters?.Parameters.FirstOrDefault(p => p.Type is IdentifierNameSyntax { Identifier.ValueText: "CancellationToken" } ||
                                                                   p.Type is QualifiedNameSyntax { Right.Identifier.ValueText: "CancellationToken" });
            if (token == null) return arguments;
            return arguments.AddArguments(Argument(IdentifierName(token.Identifier.ValueText)));
        }
    }
}
