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

        [Fact]
        public async Task NB0002_is_silenced_where_its_path_ends_in_another_file_and_every_path_through_that_call_goes()
        {
            using var workspace = new AdhocWorkspace();
            var project = NewProject(workspace);
            const string App = Usings + @"public static class P
{
    public static async Task A() { await Task.Yield(); Parse(); }
    public static async Task B() { await Task.Yield(); Buffer.ReadBuffered(); }
    public static async Task C() { await Task.Yield(); Other(); }
    static void Parse() => Buffer.ReadBuffered();
    static int Other() => File.ReadAllText(""x"").Length;
}
";
            const string Helpers = Usings + @"public static class Buffer
{
    public static void ReadBuffered()
    {
        Thread.Sleep(1);
    }
}
";
            var app = project.AddDocument("App.cs", App);
            var helpers = app.Project.AddDocument("Buffer.cs", Helpers);
            var provider = new PathEndCodeFixProvider();
            Assert.Null(provider.GetFixAllProvider());

            var diagnostics = await Analyze(helpers.Project.GetDocument(app.Id)!);
            Assert.Equal(3, diagnostics.Count(d => d.Id == "NB0002"));
            var a = diagnostics.Single(d => d.GetMessage().Contains("P.A()"));
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(helpers.Project.GetDocument(app.Id)!, a, (x, _) => actions.Add(x), CancellationToken.None));
            var action = Assert.Single(actions);
            Assert.Contains("Buffer.cs(6,9)", action.Title);
            var solution = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;

            // The end's file got the pragma around the call; the file with the warning is untouched; A's and B's paths are gone.
            string helpersText = (await solution.GetDocument(helpers.Id)!.GetTextAsync()).ToString();
            Assert.Contains("#pragma warning disable NB0002 // does not block in practice\n        Thread.Sleep(1);\n#pragma warning restore NB0002\n", helpersText.Replace("\r\n", "\n"));
            Assert.Equal(App, (await solution.GetDocument(app.Id)!.GetTextAsync()).ToString());
            var left = await Analyze(solution.GetDocument(app.Id)!);
            Assert.Equal(new[] { "P.C()" }, left.Where(d => d.Id == "NB0002").Select(d => d.GetMessage().Substring(0, 5)));

            // An end in an expression-bodied member: the member's line is wrapped, and the program still compiles clean.
            var c = left.Single(d => d.Id == "NB0002");
            actions.Clear();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(solution.GetDocument(app.Id)!, c, (x, _) => actions.Add(x), CancellationToken.None));
            solution = (await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            Assert.Empty((await Analyze(solution.GetDocument(app.Id)!)).Where(d => d.Id == "NB0002"));
            var compilation = (await solution.GetProject(app.Project.Id)!.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning));
        }

        /// <summary>Applies the first fix of each NB diagnostic until none is left; asserts the result compiles clean.</summary>
        private static async Task<string> FixAll(string body)
        {
            using var workspace = new AdhocWorkspace();
            var project = NewProject(workspace);
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

        private static Project NewProject(AdhocWorkspace workspace) =>
            workspace.AddProject("App", LanguageNames.CSharp)
                .WithMetadataReferences(Compiler.FrameworkReferences)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));

        private static async Task<ImmutableArray<Diagnostic>> Analyze(Document document)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BlockingCallAnalyzer()), NonBlocking.Tests.Support.BuildProperties.AsThePackageSetsThem()).GetAnalyzerDiagnosticsAsync();
        }
    }
}
