using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NonBlocking.Analyzers;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>
    /// The Roslyn analyzer in a real compilation: where it reports, how the compiler's own suppressions apply to it, and
    /// the project's API lists reaching it as build properties.
    /// </summary>
    public sealed class AnalyzerTests
    {
        private const string Usings = "using System; using System.Diagnostics.CodeAnalysis; using System.IO; using System.Threading; using System.Threading.Tasks; using NonBlocking;\n";

        [Fact]
        public void Reports_in_async_methods_lambdas_and_local_functions_and_not_in_offloaded_or_sync_code()
        {
            var found = Analyze(@"
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
        Thread.Sleep(1); // @method
        Func<Task> f = async () => { await Task.Yield(); Thread.Sleep(2); }; // @lambda
        await Local();
        await Task.Run(() => Thread.Sleep(3));
        async Task Local() { await Task.Yield(); Thread.Sleep(4); } // @local
    }
    public static void Sync() => Thread.Sleep(5);
    [AllowBlocking] public static async Task Allowed() { await Task.Yield(); Thread.Sleep(6); }
}");
            Assert.Equal(new[] { ("NB0001", "method"), ("NB0001", "lambda"), ("NB0001", "local") }, found.Select(f => (f.Id, f.Marker)));
        }

        [Fact]
        public void What_to_do_names_an_async_API_only_where_one_exists()
        {
            var messages = new List<string>();
            var found = Analyze(BothFrontEnds.Remedies, messages: messages);
            Assert.Equal(new[] { ("NB0001", "delete"), ("NB0001", "read"), ("NB0002", "remove") }, found.Select(f => (f.Id, f.Marker)));
            Assert.Contains(messages, m => m.Contains("System.IO.File.Delete(string)") && m.EndsWith("Use Task.Run(() => File.Delete(...)) (File has no async Delete)."));
            Assert.Contains(messages, m => m.Contains("System.IO.File.ReadAllText(string)") && m.EndsWith("Use await File.ReadAllTextAsync(...)."));
            Assert.Contains(messages, m => m.EndsWith("Remove → File.Move at P.cs(12,48). Offload that path: Task.Run(() => File.Move(...)) (File has no async Move)."));
        }

        [Theory]
        [InlineData("Shop.Web", true)]
        [InlineData("Shop.Tests", false)]
        [InlineData("DynamicProxyGenAssembly2, PublicKey=0024000004800000", false)]
        public void An_internal_async_method_nothing_calls_warns_only_when_a_friend_that_ships_may_call_it(string friend, bool warns)
        {
            var found = Analyze(BothFrontEnds.InternalCalledByNoOne(friend)).Select(f => (f.Id, f.Marker)).ToList();
            Assert.Equal(warns ? new[] { ("NB0001", "sleep") } : new (string, string)[0], found);
        }

        [Fact]
        public void Working_out_what_runs_reads_a_file_whose_expression_nests_thousands_deep()
        {
            // Generated code: a concatenation of 20,000 literals is a binary tree 20,000 levels deep.
            string deep = string.Join(" + ", Enumerable.Range(0, 20000).Select(i => "\"x\""));
            var found = Analyze(@"
public static class Entry { public static Task Run() => Work.SleepAsync(); }
internal static class Work
{
    internal static string Text() => " + deep + @";
    internal static async Task SleepAsync()
    {
        await Task.Yield();
        Thread.Sleep(1); // @sleep
    }
}").Select(f => (f.Id, f.Marker)).ToList();
            Assert.Equal(new[] { ("NB0001", "sleep") }, found);
        }

        [Fact]
        public void An_applications_top_level_statements_and_what_they_call_run()
        {
            var found = Analyze(BothFrontEnds.TopLevelProgram, program: true).Select(f => (f.Id, f.Marker)).ToList();
            Assert.Equal(new[] { ("NB0001", "main"), ("NB0002", "helper"), ("NB0001", "local") }, found);
        }

        [Fact]
        public void A_data_reader_disposed_by_hand_warns_unless_the_user_lists_its_Dispose()
        {
            Assert.Equal(new[] { ("NB0001", "dispose") }, Analyze(BothFrontEnds.ReaderDisposal).Select(f => (f.Id, f.Marker)));
            Assert.Empty(Analyze(BothFrontEnds.ReaderDisposal, new Dictionary<string, string>
            {
                ["build_property.NonBlockingNotBlockingApis"] = "System.Data.Common.DbDataReader.Dispose",
            }));
        }

        [Fact]
        public void A_sync_call_whose_async_twin_only_wraps_it_is_no_warning()
        {
            var found = Analyze(BothFrontEnds.ContextFactory, references: new[] { MetadataReference.CreateFromFile(BothFrontEnds.EfCore) });
            Assert.Equal(new[] { ("NB0001", "save") }, found.Select(f => (f.Id, f.Marker)));
        }

        [Fact]
        public void Pragma_and_SuppressMessage_silence_it_as_they_silence_any_analyzer()
        {
            var found = Analyze(@"
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
#pragma warning disable NB0001
        Thread.Sleep(1);
#pragma warning restore NB0001
        Thread.Sleep(2); // @after
    }
    [SuppressMessage(""NonBlocking"", ""NB0003"")]
    public static async Task<int> N() { await Task.Yield(); return Task.FromResult(1).Result; }
}");
            Assert.Equal(new[] { ("NB0001", "after") }, found.Select(f => (f.Id, f.Marker)));
        }

        [Fact]
        public void The_projects_blocking_and_not_blocking_lists_reach_it_as_build_properties()
        {
            const string source = @"
public static class Legacy { public static void Send() { } }
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
        Legacy.Send(); // @send
        Thread.Sleep(1); // @sleep
    }
}";
            Assert.Equal(new[] { ("NB0001", "sleep") }, Analyze(source).Select(f => (f.Id, f.Marker)));
            var listed = Analyze(source, new Dictionary<string, string>
            {
                ["build_property.NonBlockingBlockingApis"] = "Legacy.Send",
                ["build_property.NonBlockingNotBlockingApis"] = "System.Threading.Thread.Sleep",
            });
            Assert.Equal(new[] { ("NB0001", "send") }, listed.Select(f => (f.Id, f.Marker)));
        }

        [Fact]
        public void NB0002_in_a_locals_initialiser_spans_the_declaration_up_to_the_call_so_the_compiler_does_not_bind_the_method_again()
        {
            string source = Usings + @"
public static class P
{
    public static async Task<int> M(int x)
    {
        await Task.Yield();
        int y = Helper(x) + 1;
        Helper(y);
        var z =
            Helper(y);
#pragma warning disable NB0002
        int w = Helper(z);
#pragma warning restore NB0002
        Func<Task<int>> later = async () => { await Task.Yield(); return Helper(w); };
        return y + z + w + await later();
    }
    static int Helper(int x) { Thread.Sleep(1); return x; }
    [SuppressMessage(""NonBlocking"", ""NB0002"")]
    public static async Task<int> Quiet(int x) { await Task.Yield(); int q = Helper(x); return q; }
}";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "P.cs");
            var compilation = CSharpCompilation.Create("Locations", new[] { tree }, Compiler.FrameworkReferences,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BlockingCallAnalyzer()), BuildProperties.AsThePackageSetsThem())
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var spans = diagnostics.Where(d => d.Id == "NB0002").OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).ToList();
            // The declaration's start to the call's end on one line; elsewhere (an expression statement, a call on a later
            // line of its declaration, a lambda) the call itself; the pragma above the declaration and [SuppressMessage] on
            // the method still silence it.
            Assert.Equal(new[] { "int y = Helper(x)", "Helper(y)", "Helper(y)", "Helper(w)" }, spans);
        }

        [Fact]
        public void A_pragma_where_paths_end_and_a_listed_method_of_the_project_cut_the_paths_through_them()
        {
            const string source = @"
public static class Cache { public static void Load() => Thread.Sleep(1); public static string Name => File.ReadAllText(""n""); }
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
        ReadBuffered();
        Parse(); // @parse
        _ = Cache.Name; // @name
        Other(); // @other
    }
    static void Parse() => Cache.Load();
    static void ReadBuffered()
    {
#pragma warning disable NB0002 // the message is buffered before this runs
        Thread.Sleep(1);
#pragma warning restore NB0002
    }
    static void Other()
    {
#pragma warning disable NB0001
        Thread.Sleep(1);
#pragma warning restore NB0001
    }
}";
            Assert.Equal(new[] { ("NB0002", "parse"), ("NB0002", "name"), ("NB0002", "other") }, Analyze(source).Select(f => (f.Id, f.Marker)));
            var listed = Analyze(source, new Dictionary<string, string> { ["build_property.NonBlockingNotBlockingApis"] = "Cache.Load;Cache.Name" });
            Assert.Equal(new[] { ("NB0002", "other") }, listed.Select(f => (f.Id, f.Marker)));
        }

        [Fact]
        public void NB0002_follows_sync_code_in_the_compilation_through_helpers_constructors_properties_dispatch_delegates_and_flags()
        {
            var messages = new List<string>();
            var found = Analyze(@"
public interface IStore { int Get(); }
public sealed class MemoryStore : IStore { public int Get() => 1; }
public sealed class FileStore : IStore { public int Get() => File.ReadAllText(""x"").Length; }
public sealed class Conn { public Conn() { Thread.Sleep(1); } }
public sealed class Cfg { public string Value => File.ReadAllText(""cfg""); }
public static class P
{
    public static async Task M(IStore any, MemoryStore memory, Cfg cfg)
    {
        await Task.Yield();
        Save(); // @helper
        any.Get(); // @interface
        memory.Get();
        _ = new Conn(); // @ctor
        _ = cfg.Value; // @property
        await Task.Run(Save);
        foreach (var x in Lines()) { }
        Allowed();
        Quiet(false);
        Quiet(true); // @flag
        Action nap = () => Thread.Sleep(1);
        nap(); // @delegate
        using (var m = new MemoryStream()) Fill(m);
#pragma warning disable NB0002
        Save();
#pragma warning restore NB0002
        Pure(3);
    }
    static void Save() => Write();
    static void Write() => File.WriteAllText(""a"", ""b"");
    static System.Collections.Generic.IEnumerable<int> Lines() { Thread.Sleep(1); yield return 1; }
    [AllowBlocking] static void Allowed() => Thread.Sleep(1);
    static void Quiet(bool wait) { if (wait) Thread.Sleep(1); }
    static void Fill(MemoryStream m) { var s = new MemoryStream(); s.Write(new byte[1], 0, 1); }
    static int Pure(int n) => n <= 0 ? 0 : Pure(n - 1) + 1;
    public static void SyncCaller() => Save();
}", messages: messages);
            Assert.Equal(new[] { ("NB0002", "helper"), ("NB0002", "interface"), ("NB0002", "ctor"), ("NB0002", "property"), ("NB0002", "flag"), ("NB0002", "delegate") },
                found.Select(f => (f.Id, f.Marker)));
            Assert.Contains(messages, m => m.Contains("P.M(IStore, MemoryStore, Cfg) calls P.Save(), which blocks the thread: M → Save → Write → File.WriteAllText at P.cs("));
            Assert.Contains(messages, m => m.Contains("M → FileStore.Get → File.ReadAllText"));
            Assert.Contains(messages, m => m.Contains("M → Conn.Conn → Thread.Sleep") && m.Contains("await Task.Delay"));
            Assert.Contains(messages, m => m.Contains("M → <lambda> → Thread.Sleep"));
        }

        [Fact]
        public void Generated_code_is_neither_analysed_nor_reported_in()
        {
            // A generated file (by its header, and by its name) and a [GeneratedCode] member: the compiler's rules for
            // generated code, which the analyzer applies itself rather than through the driver's per-diagnostic filter.
            var generated = new[]
            {
                ("Header.cs", "// <auto-generated/>\n" + Usings + "public static class H { public static async Task M() { await Task.Yield(); Thread.Sleep(1); } }"),
                ("Named.g.cs", Usings + "public static class N { public static async Task M() { await Task.Yield(); Thread.Sleep(2); } }"),
            };
            var found = Analyze(@"
public static class P
{
    [System.CodeDom.Compiler.GeneratedCode(""tool"", ""1.0"")]
    public static async Task Generated() { await Task.Yield(); Thread.Sleep(3); }
    [System.CodeDom.Compiler.GeneratedCode(""tool"", ""1.0"")]
    public sealed class Nested { public async Task M() { await Task.Yield(); Thread.Sleep(4); } }
    public static async Task Written() { await Task.Yield(); Thread.Sleep(5); } // @written
}", extraTrees: generated);
            Assert.Equal(new[] { ("NB0001", "written") }, found.Select(f => (f.Id, f.Marker)));
        }

        private static List<(string Id, string Marker)> Analyze(string body, Dictionary<string, string>? globalOptions = null, List<string>? messages = null,
            (string Path, string Text)[]? extraTrees = null, MetadataReference[]? references = null, bool program = false)
        {
            string source = Usings + body;
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "P.cs");
            var trees = new[] { tree }.Concat((extraTrees ?? System.Array.Empty<(string, string)>())
                .Select(t => CSharpSyntaxTree.ParseText(t.Item2, new CSharpParseOptions(LanguageVersion.Latest), t.Item1)));
            var compilation = CSharpCompilation.Create("AnalyzerTest", trees, Compiler.FrameworkReferences.Concat(references ?? System.Array.Empty<MetadataReference>()),
                new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BlockingCallAnalyzer()), BuildProperties.AsThePackageSetsThem(globalOptions))
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            var lines = source.Split('\n');
            messages?.AddRange(diagnostics.Select(d => d.GetMessage()));
            Assert.All(diagnostics, d => Assert.Equal("P.cs", d.Location.SourceTree?.FilePath));
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d =>
            {
                string line = lines[d.Location.GetLineSpan().StartLinePosition.Line].TrimEnd();
                int at = line.IndexOf("// @", System.StringComparison.Ordinal);
                return (d.Id, at < 0 ? "(unmarked: " + line.Trim() + ")" : line.Substring(at + 4));
            }).ToList();
        }
    }
}
