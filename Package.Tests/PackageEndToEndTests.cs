using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Mono.Cecil;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// Builds user projects against the packed feed one after another, beside the "package-more" and "bench"
    /// collections (every build and woven app is a process of its own, so the lanes do not share report state).
    /// </summary>
    [CollectionDefinition("package")]
    public class PackageCollection : ICollectionFixture<PackageFeed> { }

    /// <summary>
    /// The other end-to-end tests (configuration, Fody, the tool, metadata, samples, report output): a lane of their own
    /// beside "package". The three lanes take about as long (fresh clone, 2026-12-07: "package" 127 s of tests, this one
    /// 110 s, "bench" 106 s; with the configuration tests in "package" it alone ran on for the last 50 s).
    /// </summary>
    [CollectionDefinition("package-more")]
    public class MorePackageCollection : ICollectionFixture<PackageFeed> { }

    /// <summary>
    /// A user adds NonBlocking.Weaver from a folder feed, builds in Release and runs: the real path, with the
    /// real SeedDemo source.
    /// </summary>
    [Collection("package")]
    public class PackageEndToEndTests
    {
        private readonly PackageFeed _feed;
        private static readonly string SeedSource = SeedRuns.Source;

        public PackageEndToEndTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void Seed_scenario_reports_Foo_and_Mains_first_segment_and_nothing_about_Baz()
        {
            var app = new UserProject(_feed, "SeedDemo", SeedSource);
            app.Build();
            var all = RunWithJsonOutput(app);
            var reports = Segments(all);

            // The hang watchdog is off unless asked for (ConfigurationEndToEndTests turns it on).
            Assert.DoesNotContain(all, r => r.GetProperty("kind").GetString() == "hang");

            Assert.Equal(2, reports.Count);
            var foo = reports.Single(r => r.GetProperty("method").GetString() == "SeedDemo.Program.Foo()");
            var main = reports.Single(r => r.GetProperty("method").GetString() == "SeedDemo.Program.Main()");

            Assert.Equal("segment", foo.GetProperty("kind").GetString());
            Assert.InRange(foo.GetProperty("durationMs").GetInt64(), 950, 1600);
            Assert.Equal("start", foo.GetProperty("from").GetProperty("kind").GetString());
            Assert.Equal("end", foo.GetProperty("to").GetProperty("kind").GetString());
            Assert.Equal(LineOf("Thread.Sleep(1000);", afterLineContaining: "async Task Foo()"), foo.GetProperty("from").GetProperty("line").GetInt32());

            Assert.InRange(main.GetProperty("durationMs").GetInt64(), 1900, 3000);
            Assert.InRange(main.GetProperty("selfMs").GetInt64(), 950, 1600);
            Assert.Equal(100, main.GetProperty("thresholdMs").GetInt64());
            var from = main.GetProperty("from");
            var to = main.GetProperty("to");
            Assert.Equal("start", from.GetProperty("kind").GetString());
            Assert.Equal(LineOf("Console.WriteLine(\"SeedDemo: start\");"), from.GetProperty("line").GetInt32());
            Assert.Equal("await", to.GetProperty("kind").GetString());
            Assert.Equal(LineOf("await Baz();"), to.GetProperty("line").GetInt32());
            Assert.EndsWith("Program.cs", to.GetProperty("file").GetString());
            Assert.False(main.GetProperty("thread").GetProperty("isThreadPool").GetBoolean());
            Assert.True(main.GetProperty("thread").GetProperty("id").GetInt32() > 0);

            Assert.DoesNotContain(reports, r => r.GetProperty("method").GetString()!.Contains("Baz"));

            // What blocked: Foo's own Thread.Sleep in Foo; in Main, the one inside Bar (not Foo's, not Baz's).
            var fooCall = Assert.Single(foo.GetProperty("blocking").EnumerateArray());
            Assert.Equal("System.Threading.Thread.Sleep(int)", fooCall.GetProperty("api").GetString());
            Assert.Equal("SeedDemo.Program.Foo()", fooCall.GetProperty("caller").GetString());
            Assert.Equal(LineOf("Thread.Sleep(1000);", afterLineContaining: "async Task Foo()"), fooCall.GetProperty("line").GetInt32());
            Assert.InRange(fooCall.GetProperty("durationMs").GetInt64(), 950, 1600);
            var mainCall = Assert.Single(main.GetProperty("blocking").EnumerateArray());
            Assert.Equal("System.Threading.Thread.Sleep(int)", mainCall.GetProperty("api").GetString());
            Assert.Equal("SeedDemo.Program.Bar()", mainCall.GetProperty("caller").GetString());
            Assert.Equal(LineOf("Thread.Sleep(1000);", afterLineContaining: "static void Bar()"), mainCall.GetProperty("line").GetInt32());
            Assert.EndsWith("Program.cs", mainCall.GetProperty("file").GetString());
            Assert.Contains("Task.Delay", mainCall.GetProperty("alternative").GetString());
        }

        [Fact]
        public void Default_output_is_text_on_stderr()
        {
            var app = new UserProject(_feed, "SeedDemo", SeedSource);
            app.Build();
            var run = app.Run();

            Assert.Contains("SeedDemo: done", run.StdOut);
            Assert.Contains("[NonBlocking] SeedDemo.Program.Foo() blocked thread", run.StdErr);
            Assert.Contains("[NonBlocking] SeedDemo.Program.Main() blocked thread", run.StdErr);
            Assert.Contains($"Program.cs:{LineOf("await Baz();")}", run.StdErr);
            Assert.DoesNotContain("Baz", run.StdErr.Replace($"Program.cs:{LineOf("await Baz();")}", ""));
            Assert.DoesNotContain("[NonBlocking]", run.StdOut);
        }

        [Fact]
        public void Unchanged_project_is_not_woven_again_and_a_source_change_is()
        {
            var app = new UserProject(_feed, "Incremental", SeedSource);
            var first = app.Build();
            Assert.Contains("NonBlocking: wove 3 async method(s) and 3 blocking call(s) in Incremental.dll", first.StdOut);
            var stamp = File.GetLastWriteTimeUtc(app.OutputAssembly);
            byte[] bytes = File.ReadAllBytes(app.OutputAssembly);

            var second = app.Build();
            Assert.DoesNotContain("NonBlocking: wove", second.StdOut);
            Assert.Contains("Skipping target \"NonBlockingWeave\"", second.StdOut);
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(app.OutputAssembly));
            Assert.Equal(bytes, File.ReadAllBytes(app.OutputAssembly));

            File.AppendAllText(app.ProgramFile, "\n// a change\n");
            var third = app.Build();
            Assert.Contains("NonBlocking: wove 3 async method(s) and 3 blocking call(s)", third.StdOut);
            Assert.Equal(2, SeedRuns.Blocked(RunWithJsonOutput(app)).Count);
        }

        [Fact]
        public void Threshold_property_is_baked_in_and_the_environment_overrides_it()
        {
            var app = new UserProject(_feed, "Threshold", SeedSource);
            app.Build("NonBlockingThresholdMs=5000");
            Assert.Empty(RunWithJsonOutput(app));
            var overridden = SeedRuns.Blocked(RunWithJsonOutput(app, new Dictionary<string, string?> { ["NONBLOCKING_THRESHOLD_MS"] = "100" }));
            Assert.Equal(2, overridden.Count);
            Assert.All(overridden, r => Assert.Equal(100, r.GetProperty("thresholdMs").GetInt64()));

            // Changing only the property must re-weave, although no source changed.
            var rebuilt = app.Build("NonBlockingThresholdMs=100");
            Assert.Contains("NonBlocking: wove", rebuilt.StdOut);
            Assert.Equal(2, SeedRuns.Blocked(RunWithJsonOutput(app)).Count);
        }

        [Fact]
        public void NonBlockingEnabled_false_builds_an_unwoven_assembly()
        {
            var app = new UserProject(_feed, "Disabled", SeedSource, "<NonBlockingEnabled>false</NonBlockingEnabled>");
            var build = app.Build();
            Assert.DoesNotContain("NonBlocking: wove", build.StdOut);
            using (var module = ModuleDefinition.ReadModule(app.OutputAssembly))
                Assert.Null(module.GetType("<NonBlocking>Sites"));
            Assert.Empty(RunWithJsonOutput(app));
        }

        [Fact]
        public void Strong_named_project_is_woven_and_re_signed()
        {
            string key = Path.Combine(TestPaths.NewTempDirectory("key"), "key.snk");
            File.Copy(TestPaths.Source("TestAssemblies/TestKey.snk"), key);
            var app = new UserProject(_feed, "Signed", SeedSource,
                $"<SignAssembly>true</SignAssembly><AssemblyOriginatorKeyFile>{key}</AssemblyOriginatorKeyFile>");
            var build = app.Build();
            Assert.Contains("NonBlocking: wove", build.StdOut);
            Assert.True(StrongNameVerifier.HasValidSignature(app.OutputAssembly), "signature of the woven output does not verify");
            Assert.Equal(2, SeedRuns.Blocked(RunWithJsonOutput(app)).Count);
        }

        [Fact]
        public void User_added_blocking_api_and_thread_pool_mode_work_through_msbuild_and_the_environment()
        {
            const string program = @"using System;
using System.Threading;
using System.Threading.Tasks;

namespace App
{
    public static class Legacy
    {
        [NonBlocking.AllowBlocking(""a vendor call we cannot change"")]
        public static void SendSync() => Thread.Sleep(300);
    }

    public static class Program
    {
        public static async Task Main()
        {
            Legacy.SendSync();
            await Task.Run(() => Thread.Sleep(300));
            Console.WriteLine(""SeedDemo: done"");
        }
    }
}";
            var app = new UserProject(_feed, "Custom", program);
            File.WriteAllText(Path.Combine(app.Directory, "Directory.Build.props"),
                @"<Project><ItemGroup><NonBlockingBlockingApi Include=""App.Legacy.SendSync"" /></ItemGroup></Project>");
            app.Build();

            var reports = RunWithJsonOutput(app, new Dictionary<string, string?> { ["NONBLOCKING_REPORT_THREADPOOL"] = "1" });

            var main = Assert.Single(reports, r => r.GetProperty("kind").GetString() == "segment");
            var call = Assert.Single(main.GetProperty("blocking").EnumerateArray());
            Assert.Equal("App.Legacy.SendSync()", call.GetProperty("api").GetString());
            Assert.Equal("App.Program.Main()", call.GetProperty("caller").GetString());
            Assert.Equal(LineIn(program, "Legacy.SendSync();"), call.GetProperty("line").GetInt32());

            var pool = Assert.Single(reports, r => r.GetProperty("kind").GetString() == "blocking");
            Assert.Equal("App.Program.Main.<lambda>()", pool.GetProperty("call").GetProperty("caller").GetString());
            Assert.True(pool.GetProperty("thread").GetProperty("isThreadPool").GetBoolean());

            // Without the switch the offloaded sleep is silent.
            Assert.DoesNotContain(RunWithJsonOutput(app), r => r.GetProperty("kind").GetString() == "blocking");
        }

        [Fact]
        public void A_listed_not_blocking_api_is_neither_warned_about_nor_named_and_changing_the_list_weaves_again()
        {
            var app = new UserProject(_feed, "NotBlockingList", SeedSource);
            string props = Path.Combine(app.Directory, "Directory.Build.props");
            File.WriteAllText(props, @"<Project><ItemGroup><NonBlockingNotBlockingApi Include=""System.Threading.Thread.Sleep"" /></ItemGroup></Project>");
            var quiet = app.Build();
            Assert.DoesNotContain(" NB000", quiet.StdOut);

            // Segments are still timed; the listed call is no longer named in them.
            var reports = RunWithJsonOutput(app);
            var foo = Assert.Single(reports, r => r.GetProperty("method").GetString() == "SeedDemo.Program.Foo()");
            Assert.Empty(foo.GetProperty("blocking").EnumerateArray());

            File.WriteAllText(props, "<Project />");
            var warned = app.Build();
            Assert.Contains("warning NB0001: SeedDemo.Program.Foo()", warned.StdOut);
        }

        [Fact]
        public void Build_warns_about_Foo_and_about_Main_via_Bar_with_files_lines_and_path_and_not_about_Baz()
        {
            // Beside the seed program, an internal async method nothing calls: it never runs, so neither the analyzer
            // nor the weave warns about its sleep.
            var app = new UserProject(_feed, "Warned", SeedSource + @"
namespace SeedDemo
{
    internal static class Unused
    {
        internal static async Task PollAsync()
        {
            await Task.Yield();
            Thread.Sleep(1000);
        }
    }
}
");
            var build = app.Build();
            int sleepInFoo = LineOf("Thread.Sleep(1000);", afterLineContaining: "async Task Foo()");
            int callBar = LineOf("Bar();");
            int sleepInBar = LineOf("Thread.Sleep(1000);", afterLineContaining: "static void Bar()");

            Assert.Contains($"Program.cs({sleepInFoo},13): warning NB0001: SeedDemo.Program.Foo() calls System.Threading.Thread.Sleep(int)", build.StdOut);
            Assert.Contains($"Program.cs({callBar},13): warning NB0002: SeedDemo.Program.Main() calls SeedDemo.Program.Bar()", build.StdOut);
            Assert.Contains($"Main → Bar → Thread.Sleep at Program.cs({sleepInBar},13)", build.StdOut);
            Assert.DoesNotContain("Baz", string.Join("\n", build.StdOut.Split('\n').Where(l => l.Contains(" NB0"))));
            Assert.DoesNotContain("Unused", string.Join("\n", build.StdOut.Split('\n').Where(l => l.Contains(" NB0"))));
            Assert.DoesNotContain("NB0003", build.StdOut);
        }

        [Fact]
        public void NoWarn_WarningsAsErrors_and_the_analysis_level_apply_to_the_NB_codes()
        {
            var noWarn = new UserProject(_feed, "NoWarned", SeedSource, "<NoWarn>$(NoWarn);NB0002</NoWarn>").Build();
            Assert.Contains("warning NB0001", noWarn.StdOut);
            Assert.DoesNotContain("warning NB0002", noWarn.StdOut);

            // NB0001 comes from the analyzer while compiling: as an error it stops the build before the weave.
            var strictApp = new UserProject(_feed, "Strict", SeedSource, "<WarningsAsErrors>$(WarningsAsErrors);NB0001</WarningsAsErrors>");
            var strict = strictApp.TryBuild();
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Contains("error NB0001", strict.StdOut);
            // Without the analyzer the weave reports it, and NB0002 beside it.
            var weaveStrict = strictApp.TryBuild("NonBlockingAnalyzer=false");
            Assert.NotEqual(0, weaveStrict.ExitCode);
            Assert.Contains("error NB0001", weaveStrict.StdOut);
            Assert.Contains("warning NB0002", weaveStrict.StdOut);

            var allApp = new UserProject(_feed, "AllErrors", SeedSource, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>NB0002</WarningsNotAsErrors>");
            var all = allApp.TryBuild("NonBlockingAnalyzer=false");
            Assert.NotEqual(0, all.ExitCode);
            Assert.Contains("error NB0001", all.StdOut);
            Assert.Contains("warning NB0002", all.StdOut);

            var none = new UserProject(_feed, "Unanalysed", SeedSource, "<NonBlockingStaticAnalysis>none</NonBlockingStaticAnalysis>").Build();
            Assert.DoesNotContain(" NB000", none.StdOut);
            Assert.Contains("NonBlocking: wove", none.StdOut);

            var errorApp = new UserProject(_feed, "AnalysisErrors", SeedSource, "<NonBlockingStaticAnalysis>error</NonBlockingStaticAnalysis>");
            var errors = errorApp.TryBuild();
            Assert.NotEqual(0, errors.ExitCode);
            Assert.Contains("error NB0001", errors.StdOut);
            var weaveErrors = errorApp.TryBuild("NonBlockingAnalyzer=false");
            Assert.NotEqual(0, weaveErrors.ExitCode);
            Assert.Contains("error NB0001", weaveErrors.StdOut);
            Assert.Contains("error NB0002", weaveErrors.StdOut);
        }

        [Fact]
        public void The_analyzer_warns_while_compiling_honours_pragma_and_editorconfig_and_dotnet_format_applies_its_fixes()
        {
            const string source = "using System.Threading;\nusing System.Threading.Tasks;\npublic static class Program\n{\n" +
                                  "    public static async Task Main()\n    {\n        await Task.Yield();\n" +
                                  "        Thread.Sleep(10);\n" +                               // line 8: NB0001 from the analyzer
                                  "#pragma warning disable NB0001\n        Thread.Sleep(20);\n#pragma warning restore NB0001\n" +
                                  "        var n = Task.FromResult(1).Result;\n" +             // line 12: NB0003, off in .editorconfig
                                  "        Helper();\n" +                                      // line 13: NB0002 from the analyzer
                                  "        Buffered();\n" +                                    // line 14: its path's end is silenced
                                  "    }\n    static void Helper() => Thread.Sleep(1);\n" +
                                  "    static void Buffered()\n    {\n#pragma warning disable NB0002\n        Thread.Sleep(1);\n#pragma warning restore NB0002\n    }\n}\n";
            var app = new UserProject(_feed, "Analyzed", source)
                .WithFile(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.NB0003.severity = none\n");
            var build = app.Build();
            string sleep = "Program.cs(8,9): warning NB0001: Program.Main() calls System.Threading.Thread.Sleep(int)";
            string helper = "Program.cs(13,9): warning NB0002: Program.Main() calls Program.Helper()";
            Assert.Contains(sleep, build.StdOut);
            Assert.Contains(helper, build.StdOut);
            // MSBuild repeats each warning in its summary; each site must appear as often as the other, not twice as
            // often: the weave leaves both to the analyzer.
            Assert.Equal(Occurrences(build.StdOut, helper), Occurrences(build.StdOut, sleep));
            // The compiler reports NB0002 itself: with the weave off it is still there.
            Assert.Contains(helper, app.Build("NonBlockingEnabled=false").StdOut);
            Assert.DoesNotContain("Program.cs(10,", build.StdOut);
            Assert.DoesNotContain("NB0003", build.StdOut);
            // #pragma warning disable NB0002 where a path ends cuts it, for the analyzer and for the weave alone.
            Assert.DoesNotContain("Program.cs(14,", build.StdOut);
            var weaveAlone = app.Build("NonBlockingAnalyzer=false").StdOut;
            Assert.Contains(helper, weaveAlone);
            Assert.DoesNotContain("Program.cs(14,", weaveAlone);

            // The probes stay where the warnings are silenced: four sleeps and the .Result are all woven.
            Assert.Contains("and 5 blocking call(s)", build.StdOut);

            var format = ProcessRunner.Run("dotnet", new[] { "format", "analyzers", app.ProjectFile, "--diagnostics", "NB0001", "--no-restore" }, app.Directory);
            Assert.True(format.ExitCode == 0, "dotnet format failed: " + format);
            string fixedSource = File.ReadAllText(app.ProgramFile);
            Assert.Contains("await Task.Delay(10);", fixedSource);
            Assert.Contains("Thread.Sleep(20);", fixedSource);   // suppressed: left alone
            var rebuilt = app.Build();
            Assert.DoesNotContain("Program.cs(8,9): warning NB0001", rebuilt.StdOut);
        }

        [Fact]
        public void Test_mode_fails_an_xunit_test_at_the_blocking_call_and_it_passes_once_the_call_is_awaited()
        {
            const string Blocking = @"using System.Threading;
using System.Threading.Tasks;
using Xunit;

public class OrderTests
{
    [Fact]
    public async Task Saves()
    {
        await Task.Yield();
        Save();
    }

    static void Save() => Thread.Sleep(50);

    [Fact]
    public async Task Offloads() => await Task.Run(() => Thread.Sleep(50));

    [Fact]
    public async Task ReadsDevice()
    {
        await Task.Yield();
        await new SlowDevice().ReadAsync(new byte[1], 0, 1);
    }

    [NonBlocking.AllowBlocking]
    sealed class SlowDevice : System.IO.MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(50);
            return 0;
        }
    }
}
";
            const string TestPackages = @"<PackageReference Include=""Microsoft.NET.Test.Sdk"" Version=""18.0.1"" />
    <PackageReference Include=""xunit"" Version=""2.9.3"" />
    <PackageReference Include=""xunit.runner.visualstudio"" Version=""3.1.5"" />";
            var tests = new UserProject(_feed, "ThrowingTests", Blocking, "<NonBlockingThrow>true</NonBlockingThrow><IsTestProject>true</IsTestProject>",
                TestPackages, nugetOrg: true);
            ProcessRunner.Result RunTests(Dictionary<string, string?>? environment = null) => ProcessRunner.Run("dotnet",
                new[] { "test", tests.ProjectFile, "-c", "Release", "-nologo", "--logger", "console;verbosity=normal" }, tests.Directory,
                environment, TimeSpan.FromMinutes(5));

            var failing = RunTests();
            Assert.NotEqual(0, failing.ExitCode);
            Assert.Contains("NonBlocking.BlockingDetectedException", failing.StdOut);
            Assert.Contains("System.Threading.Thread.Sleep(int) blocked the thread", failing.StdOut);
            Assert.Contains("called by OrderTests.Save() at ", failing.StdOut);
            int saveLine = Array.FindIndex(Blocking.Split('\n'), l => l.Contains("static void Save()")) + 1;
            Assert.Contains($"Program.cs:{saveLine}", failing.StdOut);
            Assert.Contains("Failed OrderTests.Saves", failing.StdOut);
            Assert.Contains("Passed OrderTests.Offloads", failing.StdOut); // Task.Run's thread runs no segment
            // An async API that did its work synchronously fails its test the same way.
            Assert.Contains("Failed OrderTests.ReadsDevice", failing.StdOut);
            Assert.Contains("System.IO.Stream.ReadAsync(byte[], int, int) ran synchronously (its task was complete when it returned) and held the thread", failing.StdOut);

            // The environment turns test mode off again; a minimum above the call's 50 ms lets it pass too.
            Assert.Equal(0, RunTests(new Dictionary<string, string?> { ["NONBLOCKING_THROW"] = "0" }).ExitCode);
            Assert.Equal(0, RunTests(new Dictionary<string, string?> { ["NONBLOCKING_THROW_MIN_MS"] = "200" }).ExitCode);

            File.WriteAllText(tests.ProgramFile, Blocking.Replace("        Save();", "        await Save();")
                .Replace("static void Save() => Thread.Sleep(50);", "static Task Save() => Task.Delay(50);")
                .Replace("await new SlowDevice().ReadAsync(new byte[1], 0, 1);", "await Task.Run(() => new SlowDevice().ReadAsync(new byte[1], 0, 1));"));
            var fixedRun = RunTests();
            Assert.True(fixedRun.ExitCode == 0, "the awaited version still fails: " + fixedRun);
        }

        private static int Occurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, System.StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, System.StringComparison.Ordinal)) count++;
            return count;
        }

        [Fact]
        public void A_baseline_holds_back_todays_warnings_so_only_new_ones_are_reported_and_says_which_were_fixed()
        {
            const string source = "using System.IO;\nusing System.Threading;\nusing System.Threading.Tasks;\npublic static class Program\n{\n" +
                                  "    public static async Task Main()\n    {\n        await Task.Yield();\n" +
                                  "        Thread.Sleep(10);\n" +                    // NB0001 (the analyzer's)
                                  "        var n = Task.FromResult(1).Result;\n" +  // NB0003
                                  "        Helper();\n" +                            // NB0002
                                  "    }\n    static void Helper() => Thread.Sleep(1);\n}\n";
            var app = new UserProject(_feed, "Adopting", source, "<NonBlockingBaseline>nonblocking.baseline</NonBlockingBaseline>");
            string baseline = Path.Combine(app.Directory, "nonblocking.baseline");

            // Adoption: one build writes today's warnings, of both front ends, and reports none.
            var written = app.Build("NonBlockingUpdateBaseline=true");
            Assert.Contains("NB0005: wrote 3 warning(s) to the baseline", written.StdOut);
            Assert.DoesNotContain("warning NB000", written.StdOut);
            Assert.Equal(new[]
            {
                "NB0001 Program.Main() -> System.Threading.Thread.Sleep(int)",
                "NB0002 Program.Main() -> Program.Helper()",
                "NB0003 Program.Main() -> System.Threading.Tasks.Task<int>.Result",
            }, File.ReadAllLines(baseline).Where(l => !l.StartsWith("#")));

            // With it, neither the analyzer nor the weave reports them, even as errors.
            Assert.DoesNotContain("NB000", app.Build().StdOut.Replace("NB0005", ""));
            Assert.DoesNotContain("warning NB000", app.Build("NonBlockingAnalyzer=false").StdOut);
            Assert.DoesNotContain("error NB000", app.Build("NonBlockingStaticAnalysis=error").StdOut);

            // A new blocking call is reported, and fails the build under NonBlockingStaticAnalysis=error; moving the old
            // ones to other lines does not make them new.
            File.WriteAllText(app.ProgramFile, "// moved down a line\n" + source.Replace("        Helper();\n", "        Helper();\n        File.ReadAllText(\"x\");\n"));
            var newer = app.Build();
            Assert.Contains("warning NB0001: Program.Main() calls System.IO.File.ReadAllText(string)", newer.StdOut);
            Assert.DoesNotContain("System.Threading.Thread.Sleep(int), which blocks", newer.StdOut);
            Assert.DoesNotContain("warning NB0002", newer.StdOut);
            var strict = app.TryBuild("NonBlockingStaticAnalysis=error");
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Contains("error NB0001: Program.Main() calls System.IO.File.ReadAllText(string)", strict.StdOut);
            Assert.DoesNotContain("error NB0002", strict.StdOut);

            // A fixed warning is said to be fixed, so its entry can go.
            File.WriteAllText(app.ProgramFile, source.Replace("        Helper();\n", ""));
            var fixedOne = app.Build();
            Assert.Contains("NB0004: 'NB0002 Program.Main() -> Program.Helper()' no longer occurs: remove it from the baseline", fixedOne.StdOut);
            Assert.DoesNotContain("warning NB000", fixedOne.StdOut);
        }

        [Fact]
        public void Calls_into_a_project_reference_are_followed_to_its_file_and_line()
        {
            string libDir = TestPaths.NewTempDirectory("lib");
            File.WriteAllText(Path.Combine(libDir, "Lib.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
            const string lib = "namespace Vendor\n{\n    public static class Legacy\n    {\n        public static void Send()\n        {\n            System.Threading.Thread.Sleep(1);\n        }\n    }\n}\n";
            File.WriteAllText(Path.Combine(libDir, "Legacy.cs"), lib);
            const string program = "using System.Threading.Tasks;\npublic static class Program\n{\n    public static async Task Main()\n    {\n        Vendor.Legacy.Send();\n        await Task.Yield();\n    }\n}\n";
            var app = new UserProject(_feed, "WithLib", program, extraItems: $"<ProjectReference Include=\"{Path.Combine(libDir, "Lib.csproj")}\" />");

            var build = app.Build();

            Assert.Contains("Program.cs(6,9): warning NB0002: Program.Main() calls Vendor.Legacy.Send()", build.StdOut);
            Assert.Contains("Main → Legacy.Send → Thread.Sleep at Legacy.cs(7,13)", build.StdOut);
        }

        [Fact]
        public void Package_assemblies_are_followed_only_with_NonBlockingAnalyzeReferences()
        {
            // A vendor package built elsewhere, with its PDB embedded as many packages ship it.
            string libDir = TestPaths.NewTempDirectory("vendor");
            File.WriteAllText(Path.Combine(libDir, "Vendor.Legacy.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><DebugType>embedded</DebugType></PropertyGroup></Project>");
            const string lib = "namespace Vendor\n{\n    public static class Legacy\n    {\n        public static void Send() => Wire.Write();\n    }\n    internal static class Wire\n    {\n        public static void Write()\n        {\n            System.Threading.Thread.Sleep(1);\n        }\n    }\n}\n";
            File.WriteAllText(Path.Combine(libDir, "Legacy.cs"), lib);
            var pack = ProcessRunner.Run("dotnet", new[] { "pack", Path.Combine(libDir, "Vendor.Legacy.csproj"), "-c", "Release", "-o", _feed.Feed, "-nologo", "-p:Version=" + _feed.Version }, libDir);
            Assert.True(pack.ExitCode == 0, "pack failed: " + pack);
            const string program = "using System.Threading.Tasks;\npublic static class Program\n{\n    public static async Task Main()\n    {\n        Vendor.Legacy.Send();\n        await Task.Yield();\n    }\n}\n";
            string reference = $"<PackageReference Include=\"Vendor.Legacy\" Version=\"{_feed.Version}\" />";

            var followed = new UserProject(_feed, "FollowsPackages", program, "<NonBlockingAnalyzeReferences>true</NonBlockingAnalyzeReferences>", reference).Build();
            Assert.Contains("Program.cs(6,9): warning NB0002: Program.Main() calls Vendor.Legacy.Send()", followed.StdOut);
            Assert.Contains("Main → Legacy.Send → Wire.Write → Thread.Sleep at Legacy.cs(11,13)", followed.StdOut);

            var notFollowed = new UserProject(_feed, "TrustsPackages", program, extraItems: reference).Build();
            Assert.DoesNotContain("NB0002", notFollowed.StdOut);
        }

        [Fact]
        public void A_weaving_error_fails_the_build_with_its_code_and_leaves_the_assembly_unwoven()
        {
            // Hide NonBlocking.Runtime from the weaver (the compiler does not need it for this program).
            var app = new UserProject(_feed, "Broken", SeedSource);
            File.WriteAllText(Path.Combine(app.Directory, "Directory.Build.targets"), @"<Project>
  <Target Name=""HideRuntime"" AfterTargets=""ResolveAssemblyReferences"">
    <ItemGroup><ReferencePath Remove=""@(ReferencePath)"" Condition=""'%(Filename)' == 'NonBlocking.Runtime'"" /></ItemGroup>
  </Target>
</Project>");
            var build = app.TryBuild();

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("error NB9004", build.StdOut);
            Assert.Contains("NonBlocking.Runtime.dll not found", build.StdOut);
            Assert.Contains("Broken.dll", build.StdOut);
            string intermediate = Path.Combine(app.Directory, "obj", "Release", "net10.0", "Broken.dll");
            using (var module = ModuleDefinition.ReadModule(intermediate))
                Assert.Null(module.GetType("<NonBlocking>Sites"));
            Assert.False(File.Exists(app.OutputAssembly), "a failed weave must not reach bin/");
        }

        private static List<JsonElement> RunWithJsonOutput(UserProject app, IDictionary<string, string?>? env = null) =>
            SeedRuns.RunWithJsonOutput(app, env);

        private static List<JsonElement> Segments(List<JsonElement> reports) => SeedRuns.Segments(reports);

        private static int LineIn(string source, string text) => Array.FindIndex(source.Split('\n'), l => l.Contains(text)) + 1;

        private static int LineOf(string text, string? afterLineContaining = null) => SeedRuns.LineOf(text, afterLineContaining);
    }
}
