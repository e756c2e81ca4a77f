using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NonBlocking.Analyzers;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>
    /// The analyzer's code fixes applied in a real workspace, as an IDE or dotnet format applies them: each rewrite is
    /// checked as text, then the fixed program must compile and draw no NB warning.
    /// </summary>
    public sealed class CodeFixTests
    {
        private const string Usings = "using System; using System.IO; using System.Threading; using System.Threading.Tasks;\n";

        [Fact]
        public async Task Thread_Sleep_becomes_await_Task_Delay()
        {
            string fixedText = await FixAll("public static class P { public static async Task M() { await Task.Yield(); Thread.Sleep(100); } }");
            Assert.Contains("await Task.Delay(100);", fixedText);
            Assert.DoesNotContain("Thread.Sleep", fixedText);
        }

        [Fact]
        public async Task Thread_Sleep_passes_the_methods_cancellation_token()
        {
            string fixedText = await FixAll("public static class P { public static async Task M(CancellationToken cancellationToken) { await Task.Yield(); Thread.Sleep(5); } }");
            Assert.Contains("await Task.Delay(5, cancellationToken);", fixedText);
        }

        [Theory]
        [InlineData("var n = Load().Result;", "var n = await Load();")]
        [InlineData("var n = Load().Result + 1;", "var n = await Load() + 1;")]
        [InlineData("var s = Load().Result.ToString();", "var s = (await Load()).ToString();")]
        [InlineData("Load().Wait();", "await Load();")]
        [InlineData("var n = Load().GetAwaiter().GetResult();", "var n = await Load();")]
        public async Task A_wait_on_a_task_becomes_await(string before, string after)
        {
            string fixedText = await FixAll("public static class P { static Task<int> Load() => Task.FromResult(1); public static async Task M() { await Task.Yield(); " + before + " } }");
            Assert.Contains(after, fixedText);
        }

        [Fact]
        public async Task A_sync_call_with_an_async_twin_becomes_await_of_the_twin()
        {
            string fixedText = await FixAll(
                "public static class P { public static async Task<int> M(Stream s, string path, CancellationToken ct) { await Task.Yield(); var text = File.ReadAllText(path); return s.Read(new byte[4], 0, 4) + text.Length; } }");
            Assert.Contains("var text = await File.ReadAllTextAsync(path, ct);", fixedText);
            Assert.Contains("return await s.ReadAsync(new byte[4], 0, 4, ct) + text.Length;", fixedText);
        }

        /// <summary>Applies the first fix of each NB diagnostic until none is left; asserts the result compiles clean.</summary>
        private static async Task<string> FixAll(string body)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("App", LanguageNames.CSharp)
                .WithMetadataReferences(Compiler.FrameworkReferences)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
            var document = project.AddDocument("App.cs", Usings + body);
            var provider = new AwaitCodeFixProvider();
            for (int round = 0; round < 10; round++)
            {
                var diagnostics = await Analyze(document);
                var next = diagnostics.FirstOrDefault();
                if (next == null) break;
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, next, (a, _) => actions.Add(a), CancellationToken.None));
                Assert.True(actions.Count > 0, "no fix offered for " + next);
                var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
                var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                document = solution.GetDocument(document.Id)!;
            }
            Assert.Empty(await Analyze(document));
            var compilation = (await document.Project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return (await document.GetTextAsync()).ToString();
        }

        private static async Task<ImmutableArray<Diagnostic>> Analyze(Document document)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BlockingCallAnalyzer()), NonBlocking.Tests.Support.BuildProperties.AsThePackageSetsThem()).GetAnalyzerDiagnosticsAsync();
        }
    }
}
