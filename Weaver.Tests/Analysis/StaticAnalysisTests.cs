using System.Linq;
using System.Text;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>NB0001–NB0003 on small programs, each asserting the exact codes, files and lines.</summary>
    public class StaticAnalysisTests
    {
        private const string Usings = "using System; using System.IO; using System.Threading; using System.Threading.Tasks; using NonBlocking;\n";

        [Fact]
        public void Direct_blocking_call_in_an_async_method_is_NB0001_with_the_alternative()
        {
            var a = new AnalysisHarness("Direct", Usings + @"
public static class P
{
    public static async Task M()
    {
        Thread.Sleep(10); // @sleep
        await Task.Yield();
        File.ReadAllText(""x""); // @read
    }
    public static void NotAsync() => Thread.Sleep(1);
}");
            a.AssertExactly(("NB0001", "sleep"), ("NB0001", "read"));
            Assert.Contains("P.M() calls System.Threading.Thread.Sleep(int)", a.At("sleep").Message);
            Assert.Contains("await Task.Delay", a.At("sleep").Message);
            Assert.Equal(9, a.At("sleep").Column);
        }

        /// <summary>
        /// A wait on a local stored once with <c>t.ConfigureAwait(false)</c> asks whether t is complete where the local is
        /// read, though t itself is not read again there: the weave's data flow lets go of a variable's facts only where
        /// nothing can ask about it (a Release build; the analyzer and a Debug build's hoisted copy do not follow such a
        /// copy, so this is no corpus case).
        /// </summary>
        [Fact]
        public void A_wait_on_a_ConfigureAwait_copy_made_before_a_completion_check_is_known_complete_after_it()
        {
            var a = new AnalysisHarness("ConfiguredCopy", Usings + @"
public static class P
{
    public static async Task<int> Checked(Task<int> pending)
    {
        await Task.Yield();
        var configured = pending.ConfigureAwait(false);
        if (!pending.IsCompleted) return -1;
        return configured.GetAwaiter().GetResult();
    }
    public static async Task<int> Unchecked(Task<int> pending)
    {
        await Task.Yield();
        var configured = pending.ConfigureAwait(false);
        if (pending.IsFaulted) return -1;
        return configured.GetAwaiter().GetResult(); // @wait
    }
}");
            a.AssertExactly(("NB0003", "wait"));
        }

        [Fact]
        public void A_body_run_in_sync_mode_names_the_async_API_that_passes_the_sync_value()
        {
            // Npgsql 10.0.3's NpgsqlTransaction.ReleaseAsync is `=> Release(async: false, …)`: the blocking calls are in
            // code that is right for its flag, so the message names the API that passes the wrong one.
            var a = new AnalysisHarness("SyncModeOrigin", Usings + @"
public sealed class Transaction
{
    private readonly Stream _stream;
    public Transaction(Stream stream) => _stream = stream;
    public void Release() => Release(async: false).GetAwaiter().GetResult();
    public Task ReleaseAsync() => Release(async: false);
    public Task CommitAsync() => Release(async: true);
    private async Task Release(bool async)
    {
        await Task.Yield();
        await Send(async);
    }
    private async Task Send(bool async)
    {
        var buffer = new byte[1];
        if (async) await _stream.WriteAsync(buffer, 0, 1);
        else _stream.Write(buffer, 0, 1); // @write
    }
}");
            a.AssertExactly(("NB0001", "write"));
            Assert.Contains("in an async method (it runs with async: false here, as Transaction.ReleaseAsync() passes it)", a.At("write").Message);
        }

        [Fact]
        public void What_to_do_names_an_async_API_only_where_one_exists()
        {
            var a = new AnalysisHarness("Remedies", Usings + BothFrontEnds.Remedies);
            a.AssertExactly(("NB0001", "delete"), ("NB0001", "read"), ("NB0002", "remove"));
            Assert.EndsWith("Use Task.Run(() => File.Delete(...)) (File has no async Delete).", a.At("delete").Message);
            Assert.EndsWith("Use await File.ReadAllTextAsync(...).", a.At("read").Message);
            Assert.EndsWith("Offload that path: Task.Run(() => File.Move(...)) (File has no async Move).", a.At("remove").Message);
        }

        [Theory]
        [InlineData("Shop.Web", true)]
        [InlineData("Shop.Tests", false)]
        [InlineData("DynamicProxyGenAssembly2, PublicKey=0024000004800000", false)]
        public void An_internal_async_method_nothing_calls_warns_only_when_a_friend_that_ships_may_call_it(string friend, bool warns)
        {
            var a = new AnalysisHarness("Friend" + warns + friend.Length, Usings + BothFrontEnds.InternalCalledByNoOne(friend));
            if (warns) a.AssertExactly(("NB0001", "sleep"));
            else a.AssertExactly();
        }

        [Fact]
        public void An_applications_top_level_statements_and_what_they_call_run()
        {
            new AnalysisHarness("TopLevel", Usings + BothFrontEnds.TopLevelProgram, program: true)
                .AssertExactly(("NB0001", "main"), ("NB0002", "helper"), ("NB0001", "local"));
        }

        [Fact]
        public void A_data_reader_disposed_by_hand_warns_unless_the_user_lists_its_Dispose()
        {
            var a = new AnalysisHarness("ReaderDisposal", Usings + BothFrontEnds.ReaderDisposal);
            a.AssertExactly(("NB0001", "dispose"));
            Assert.EndsWith("Use await using (DisposeAsync).", a.At("dispose").Message);
            new AnalysisHarness("ReaderDisposalListed", Usings + BothFrontEnds.ReaderDisposal, notBlocking: new[] { "System.Data.Common.DbDataReader.Dispose" })
                .AssertExactly();
        }

        [Fact]
        public void A_sync_call_whose_async_twin_only_wraps_it_is_no_warning()
        {
            var a = new AnalysisHarness("ContextFactory", BothFrontEnds.ContextFactory.Replace("using Microsoft.EntityFrameworkCore;", Usings + "using Microsoft.EntityFrameworkCore;"),
                references: new[] { BothFrontEnds.EfCore });
            a.AssertExactly(("NB0001", "save"));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Blocking_helper_n_levels_deep_is_NB0002_with_the_whole_path(int depth)
        {
            var source = new StringBuilder(Usings + "public static class P\n{\n");
            source.Append("    public static async Task M()\n    {\n        await Task.Yield();\n        H1(); // @call\n    }\n");
            for (int i = 1; i < depth; i++) source.Append($"    static void H{i}() => H{i + 1}();\n");
            source.Append($"    static void H{depth}()\n    {{\n        Thread.Sleep(1); // @sleep\n    }}\n}}\n");
            var a = new AnalysisHarness("Depth" + depth, source.ToString());

            a.AssertExactly(("NB0002", "call"));
            string hops = string.Join(" → ", Enumerable.Range(1, depth).Select(i => "H" + i));
            Assert.Contains($"M → {hops} → Thread.Sleep at Depth{depth}.cs({a.Line("sleep")},9)", a.At("call").Message);
        }

        [Fact]
        public void Recursion_is_followed_once_and_terminates()
        {
            var a = new AnalysisHarness("Recursion", Usings + @"
public static class P
{
    public static async Task M()
    {
        A(3); // @call
        await Task.Yield();
    }
    static void A(int n) { if (n > 0) B(n - 1); }
    static void B(int n)
    {
        A(n);
        if (n == 0) Thread.Sleep(1); // @sleep
    }
    public static async Task Quiet()
    {
        R(5);
        await Task.Yield();
    }
    static int R(int n) => n == 0 ? 0 : R(n - 1);
}");
            a.AssertExactly(("NB0002", "call"));
            Assert.Contains("M → A → B → Thread.Sleep", a.At("call").Message);
        }

        [Fact]
        public void Interface_and_virtual_calls_reach_the_implementations_in_the_assembly()
        {
            var a = new AnalysisHarness("Virtual", Usings + @"
public interface IStore { void Save(string s); }
public sealed class FileStore : IStore
{
    public void Save(string s)
    {
        File.WriteAllText(""x"", s); // @write
    }
}
public sealed class MemoryStore : IStore { public void Save(string s) { } }
public abstract class Job { public abstract void Run(); }
public sealed class SleepyJob : Job
{
    public override void Run()
    {
        Thread.Sleep(1); // @sleep
    }
}
public static class P
{
    public static async Task UseInterface(IStore store)
    {
        store.Save(""a""); // @iface
        await Task.Yield();
    }
    public static async Task UseVirtual(Job job)
    {
        job.Run(); // @virt
        await Task.Yield();
    }
}");
            a.AssertExactly(("NB0002", "iface"), ("NB0002", "virt"));
            Assert.Contains($"UseInterface → FileStore.Save → File.WriteAllText at Virtual.cs({a.Line("write")},", a.At("iface").Message);
            Assert.Contains($"UseVirtual → SleepyJob.Run → Thread.Sleep at Virtual.cs({a.Line("sleep")},", a.At("virt").Message);
        }

        [Fact]
        public void Generic_helpers_are_followed()
        {
            var a = new AnalysisHarness("Generic", Usings + @"
public static class P
{
    public static async Task M()
    {
        Hold(42); // @call
        await Task.Yield();
    }
    static T Hold<T>(T value)
    {
        Thread.Sleep(1);
        return value;
    }
}");
            a.AssertExactly(("NB0002", "call"));
            Assert.Contains("M → Hold → Thread.Sleep", a.At("call").Message);
        }

        [Fact]
        public void Work_handed_to_Task_Run_the_thread_pool_or_a_thread_is_offloading_and_silent()
        {
            var a = new AnalysisHarness("Offload", Usings + @"
public static class P
{
    public static async Task M()
    {
        await Task.Run(() => Thread.Sleep(1));
        await Task.Run(() => Helper());
        ThreadPool.QueueUserWorkItem(_ => Thread.Sleep(1));
        new Thread(() => Thread.Sleep(1)).Start();
        await Task.Factory.StartNew(Helper);
    }
    static void Helper() => Thread.Sleep(1);
}");
            a.AssertExactly();
        }

        [Fact]
        public void Local_functions_and_lambdas_invoked_directly_are_followed()
        {
            var a = new AnalysisHarness("Invoked", Usings + @"
public static class P
{
    public static async Task Local()
    {
        void Work()
        {
            Thread.Sleep(1);
        }
        Work(); // @local
        await Task.Yield();
    }
    public static async Task Lambda()
    {
        Action work = () => Thread.Sleep(1);
        work(); // @lambda
        await Task.Yield();
    }
}");
            a.AssertExactly(("NB0002", "local"), ("NB0002", "lambda"));
            Assert.Contains("Local → Local.Work → Thread.Sleep", a.At("local").Message);
            Assert.Contains("Lambda → Lambda.<lambda> → Thread.Sleep", a.At("lambda").Message);
        }

        [Fact]
        public void Calls_into_a_project_reference_are_followed_when_it_is_part_of_the_build()
        {
            const string lib = @"using System.Threading;
namespace Vendor
{
    public static class Legacy
    {
        public static void Send()
        {
            Thread.Sleep(1); // @lib-sleep
        }
    }
}";
            string libDll = Compiler.Compile("Lib", lib);
            const string app = Usings + @"
public static class P
{
    public static async Task M()
    {
        Vendor.Legacy.Send(); // @call
        await Task.Yield();
    }
}";
            var followed = new AnalysisHarness("App", app, new[] { libDll }, followInto: new[] { libDll });
            followed.AssertExactly(("NB0002", "call"));
            Assert.Contains($"M → Legacy.Send → Thread.Sleep at Lib.cs({AnalysisHarness.Line(lib, "lib-sleep")},13)", followed.At("call").Message);

            var notFollowed = new AnalysisHarness("App2", app, new[] { libDll });
            notFollowed.AssertExactly();

            // Weaving analyses too, after the catalog has already resolved types ("Send" is a catalogued name):
            // the followed reference must still be the copy read with its symbols.
            var woven = AssemblyWeaver.Weave(new WeaveOptions
            {
                AssemblyPath = followed.Dll,
                RuntimeAssemblyPath = TestPaths.RuntimeAssembly,
                ReferencePaths = System.IO.Directory.GetFiles(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Append(libDll).ToList(),
                AnalyzeReferencePaths = new[] { libDll },
            });
            var nb0002 = Assert.Single(woven.Diagnostics, d => d.Code == "NB0002");
            Assert.Contains("Thread.Sleep at Lib.cs(", nb0002.Message);
        }

        [Fact]
        public void AllowBlocking_silences_and_stops_propagation()
        {
            var a = new AnalysisHarness("Allowed", Usings + @"
public static class P
{
    [AllowBlocking] public static async Task OptedOut() { Thread.Sleep(1); await Task.Yield(); }
    public static async Task CallsAllowedHelper() { Helper(); await Task.Yield(); }
    [AllowBlocking(""startup only"")] static void Helper() => Thread.Sleep(1);
    public static async Task CallsHelperOfAllowedType() { Quiet.Wait(); await Task.Yield(); }
}
[AllowBlocking] public static class Quiet
{
    public static void Wait() => Thread.Sleep(1);
    public static async Task M() { Thread.Sleep(1); await Task.Yield(); }
}");
            a.AssertExactly();

            var assembly = new AnalysisHarness("AllowedAssembly", Usings + @"
[assembly: AllowBlocking]
public static class P { public static async Task M() { Thread.Sleep(1); await Task.Yield(); } }");
            assembly.AssertExactly();
        }

        [Fact]
        public void Locks_are_timed_at_run_time_but_not_warned_about_at_build_time()
        {
            var a = new AnalysisHarness("Locks", Usings + @"
public static class P
{
    private static readonly object Gate = new object();
    public static async Task M()
    {
        lock (Gate) { }
        Counter();
        Monitor.Wait(Gate, 1); // @wait
        await Task.Yield();
    }
    static void Counter() { lock (Gate) { } }
}");
            a.AssertExactly(("NB0001", "wait"));
            var woven = Woven.Weave(Woven.CopyUnwoven(a.Dll));
            Assert.True(woven.BlockingCallsWoven >= 3, $"{woven.BlockingCallsWoven} call sites woven"); // both Enter calls and Wait
        }

        [Fact]
        public void Waiting_on_a_task_in_an_async_method_is_NB0003_but_await_is_not()
        {
            var a = new AnalysisHarness("SyncOverAsync", Usings + @"
public static class P
{
    public static async Task M()
    {
        _ = Task.FromResult(1).Result; // @result
        Task.Delay(1).Wait(); // @wait
        Task.Delay(1).GetAwaiter().GetResult(); // @getresult
        await Task.Delay(1);
        int x = await Task.FromResult(2);
    }
}");
            a.AssertExactly(("NB0003", "result"), ("NB0003", "wait"), ("NB0003", "getresult"));
            Assert.Contains("use await", a.At("wait").Message.ToLowerInvariant());
        }

        [Fact]
        public void Ten_thousand_methods_are_analysed_and_the_depth_limit_holds()
        {
            const int Methods = 10_000;
            var source = new StringBuilder(Usings + "public static class Big\n{\n");
            source.Append("    public static async Task Near()\n    {\n        S9990(); // @near\n        await Task.Yield();\n    }\n");
            source.Append("    public static async Task Far()\n    {\n        S0();\n        await Task.Yield();\n    }\n");
            for (int i = 0; i < Methods - 1; i++) source.Append($"    public static void S{i}() => S{i + 1}();\n");
            source.Append($"    public static void S{Methods - 1}() => Thread.Sleep(1);\n}}\n");

            var a = new AnalysisHarness("Big", source.ToString());

            // Near is 10 calls from the Sleep; Far is 10,000 away, past the default depth limit of 16.
            a.AssertExactly(("NB0002", "near"));
        }

        [Fact]
        public async System.Threading.Tasks.Task Pragma_silences_the_build_warning_and_keeps_the_run_time_probe()
        {
            const string Source = Usings + @"
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
#pragma warning disable NB0001 // measured at run time instead
        Thread.Sleep(150); // @kept
#pragma warning restore NB0001
        Thread.Sleep(1); // @warned
    }
}";
            string dll = Woven.CopyUnwoven(Compiler.Compile("PragmaKept", Source), "pragma");
            var result = Woven.Weave(dll);
            Assert.Equal(WeaveOutcome.Woven, result.Outcome);
            var warnings = result.Diagnostics.Where(d => d.Code.StartsWith("NB0")).ToList();
            var warning = Assert.Single(warnings);
            Assert.Equal(("NB0001", AnalysisHarness.Line(Source, "warned")), (warning.Code, warning.Line));

            using var reports = new ReportCollector();
            using var load = new IsolatedLoad(dll);
            await (System.Threading.Tasks.Task)load.Type("P").GetMethod("M")!.Invoke(null, null)!;
            var report = Assert.Single(reports.WaitFor("P.M()"));
            Assert.Contains(report.BlockingCalls, c => c.Api.Contains("Thread.Sleep") && c.Line == AnalysisHarness.Line(Source, "kept"));
        }

        [Fact]
        public async System.Threading.Tasks.Task A_maintainers_word_where_paths_end_cuts_every_path_through_it_and_keeps_the_probes()
        {
            const string Source = Usings + @"
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
        ReadBuffered();
        Parse();
        Other(); // @other
    }
    static void Parse() => Cache.Load();
    static void ReadBuffered()
    {
#pragma warning disable NB0002 // the message is buffered before this runs
        Thread.Sleep(150); // @kept
#pragma warning restore NB0002
    }
    static void Other() => Thread.Sleep(1);
}
public static class Cache
{
    public static void Load() => Thread.Sleep(150); // @listed
}";
            string dll = Woven.CopyUnwoven(Compiler.Compile("PathEndKept", Source), "pathend");
            var unlisted = Woven.Weave(Woven.CopyUnwoven(dll, "pathend-unlisted"));
            Assert.Equal(new[] { "NB0002 Parse", "NB0002 Other" },
                unlisted.Diagnostics.Where(d => d.Code.StartsWith("NB0")).Select(d => d.Code + " " + (d.Message.Contains("calls P.Parse()") ? "Parse" : d.Message.Contains("calls P.Other()") ? "Other" : d.Message)));

            // Each NB0002 says where its path ends, the same for every path that ends there (the CLI groups by it).
            Assert.Equal(new[] { $"Cache.Load() → Thread.Sleep at PathEndKept.cs({AnalysisHarness.Line(Source, "listed")},34)", "P.Other() → Thread.Sleep at PathEndKept.cs(" },
                unlisted.Diagnostics.Where(d => d.Code == "NB0002").Select(d => d.PathEnd!.Contains("Other") ? d.PathEnd.Substring(0, d.PathEnd.IndexOf('(', 10) + 1) : d.PathEnd));

            var result = Woven.Weave(dll, notBlockingApis: new[] { "Cache.Load" });
            Assert.Equal(WeaveOutcome.Woven, result.Outcome);
            var warning = Assert.Single(result.Diagnostics, d => d.Code.StartsWith("NB0"));
            Assert.Equal(("NB0002", AnalysisHarness.Line(Source, "other")), (warning.Code, warning.Line));

            using var reports = new ReportCollector();
            using var load = new IsolatedLoad(dll);
            await (System.Threading.Tasks.Task)load.Type("P").GetMethod("M")!.Invoke(null, null)!;
            var report = Assert.Single(reports.WaitFor("P.M()"));
            Assert.Contains(report.BlockingCalls, c => c.Api.Contains("Thread.Sleep") && c.Line == AnalysisHarness.Line(Source, "kept"));
            Assert.Contains(report.BlockingCalls, c => c.Api.Contains("Thread.Sleep") && c.Line == AnalysisHarness.Line(Source, "listed"));
        }

        [Theory]
        [InlineData("[*.cs]")]
        [InlineData("[*.{cs,vb}]")]
        [InlineData("[**/EditorConfigured.cs]")]
        public void Editorconfig_severities_apply_to_the_weaves_warnings(string section)
        {
            const string Source = Usings + @"
public static class P
{
    public static async Task M()
    {
        await Task.Yield();
        Thread.Sleep(1); // @sleep
        Helper(); // @helper
    }
    static void Helper() => Thread.Sleep(1);
}";
            string dll = Compiler.Compile("EditorConfigured", Source);
            string dir = System.IO.Path.GetDirectoryName(dll)!;
            System.IO.File.WriteAllText(System.IO.Path.Combine(dir, ".editorconfig"),
                "root = true\n[*.md]\ndotnet_diagnostic.NB0001.severity = none\n" + section + "\ndotnet_diagnostic.NB0002.severity = none\ndotnet_diagnostic.NB0001.severity = error # stricter here\n");
            var result = AssemblyWeaver.Analyze(new WeaveOptions
            {
                AssemblyPath = dll,
                ReferencePaths = System.IO.Directory.GetFiles(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Append(TestPaths.RuntimeAssembly).ToList(),
            });
            var warning = Assert.Single(result.Diagnostics, d => d.Code.StartsWith("NB0"));
            Assert.Equal(("NB0001", DiagnosticSeverity.Error, AnalysisHarness.Line(Source, "sleep")), (warning.Code, warning.Severity, warning.Line));
        }
    }
}
