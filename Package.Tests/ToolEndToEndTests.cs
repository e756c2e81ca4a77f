using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// The `nonblocking` dotnet tool, installed from the packed package as a user installs it, on a library nobody
    /// here built: Dapper from nuget.org. Its async query over SQLite (whose "async" is synchronous) blocks, and once
    /// woven Dapper's own async method is reported.
    /// </summary>
    [Collection("package-more")]
    public class ToolEndToEndTests
    {
        private const string Program = @"using System;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.Sqlite;

public static class Program
{
    public static async Task Main()
    {
        using var connection = new SqliteConnection(""Data Source=:memory:"");
        connection.Open();
        // A query that takes a while: SQLite computes it inside ExecuteReaderAsync, synchronously.
        var sum = (await connection.QueryAsync<long>(
            ""WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 4000000) SELECT sum(x) FROM n"")).Single();
        Console.WriteLine(""sum="" + sum);
    }
}
";
        private readonly PackageFeed _feed;

        public ToolEndToEndTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void Tool_weaves_a_prebuilt_package_library_and_the_app_reports_blocking_inside_it()
        {
            string tools = _feed.InstallTool();
            var help = ProcessRunner.Run(tools, new[] { "--help" }, _feed.Root);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("weave", help.StdOut);
            Assert.Contains("analyze", help.StdOut);
            var weaveHelp = ProcessRunner.Run(tools, new[] { "weave", "--help" }, _feed.Root);
            Assert.Contains("--threshold", weaveHelp.StdOut);
            Assert.Contains("--output", weaveHelp.StdOut);
            Assert.Equal(2, ProcessRunner.Run(tools, new[] { "weave", "--no-such-option", "x.dll" }, _feed.Root).ExitCode);

            var app = new UserProject(_feed, "UsesDapper", Program, extraItems:
                "<PackageReference Include=\"Dapper\" Version=\"2.1.86\" />" +
                "<PackageReference Include=\"Microsoft.Data.Sqlite\" Version=\"10.0.0\" />" +
                $"<PackageReference Include=\"NonBlocking.Runtime\" Version=\"{_feed.Version}\" />",
                nugetOrg: true);
            app.Build();
            string dapper = Path.Combine(Path.GetDirectoryName(app.OutputAssembly)!, "Dapper.dll");
            byte[] shipped = File.ReadAllBytes(dapper);

            // analyze writes nothing.
            var analyze = ProcessRunner.Run(tools, new[] { "analyze", dapper }, app.Directory);
            Assert.Equal(0, analyze.ExitCode);
            Assert.Equal(shipped, File.ReadAllBytes(dapper));

            // weave -o writes a copy; weave in place rewrites the file the app loads.
            string copy = Path.Combine(app.Directory, "woven", "Dapper.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            var toCopy = ProcessRunner.Run(tools, new[] { "weave", dapper, "-o", copy, "--threshold", "200" }, app.Directory);
            Assert.True(toCopy.ExitCode == 0, toCopy.ToString());
            Assert.True(File.Exists(copy));
            Assert.True(File.Exists(Path.Combine(app.Directory, "woven", "NonBlocking.Runtime.dll")), "the runtime goes next to a woven copy");
            Assert.Equal(shipped, File.ReadAllBytes(dapper));

            var inPlace = ProcessRunner.Run(tools, new[] { "weave", dapper, "--threshold", "200" }, app.Directory);
            Assert.True(inPlace.ExitCode == 0, inPlace.ToString());
            Assert.Matches(@"wove \d+ async methods and \d+ blocking calls in .*Dapper\.dll", inPlace.StdOut);
            var again = ProcessRunner.Run(tools, new[] { "weave", dapper }, app.Directory);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("already woven", again.StdOut);

            var reports = SeedRuns.Read(RunWithJson(app));
            var dapperReport = Assert.Single(SeedRuns.Segments(reports), r => r.GetProperty("assembly").GetString() == "Dapper");
            Assert.StartsWith("Dapper.SqlMapper.QueryAsync<T>(", dapperReport.GetProperty("method").GetString());
            Assert.Equal(200, dapperReport.GetProperty("thresholdMs").GetInt64());
            Assert.True(dapperReport.GetProperty("durationMs").GetInt64() >= 200);

            // Bad input: one coded error naming the file, exit code 1, nothing written.
            string notAnAssembly = Path.Combine(app.Directory, "notes.dll");
            File.WriteAllText(notAnAssembly, "not a PE file");
            var bad = ProcessRunner.Run(tools, new[] { "weave", notAnAssembly }, app.Directory);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("error NB9002", bad.StdErr);
            Assert.Contains("notes.dll", bad.StdErr);
            Assert.Equal("not a PE file", File.ReadAllText(notAnAssembly));
        }

        [Fact]
        public void Analyze_prints_the_build_warnings_for_a_binary_and_level_error_fails()
        {
            string tools = _feed.InstallTool();
            var app = new UserProject(_feed, "AnalyzedByTool", SeedRuns.Source,
                "<NonBlockingEnabled>false</NonBlockingEnabled>");
            app.Build();

            var warn = ProcessRunner.Run(tools, new[] { "analyze", app.OutputAssembly }, app.Directory);
            Assert.Equal(0, warn.ExitCode);
            Assert.Matches(@"Program\.cs\(\d+,\d+\): warning NB0001: SeedDemo\.Program\.Foo\(\)", warn.StdErr);
            Assert.Matches(@"Program\.cs\(\d+,\d+\): warning NB0002: SeedDemo\.Program\.Main\(\)", warn.StdErr);
            Assert.DoesNotContain("Baz", warn.StdErr);
            // Then where the NB0002 paths end, most shared first, and how to silence one that does not block in practice.
            Assert.Contains("NB0002: 1 warning, whose paths end at 1 blocking call:", warn.StdOut);
            Assert.Matches(@"\n\s+1  SeedDemo\.Program\.Bar\(\) → Thread\.Sleep at Program\.cs\(\d+,\d+\)", warn.StdOut);

            var error = ProcessRunner.Run(tools, new[] { "analyze", app.OutputAssembly, "--level", "Error" }, app.Directory);
            Assert.Equal(1, error.ExitCode);
            Assert.Contains("error NB0001", error.StdErr);

            // The user's lists: Thread.Sleep declared never blocking (so neither Foo nor Bar warns), Bar declared blocking.
            var lists = ProcessRunner.Run(tools, new[] { "analyze", app.OutputAssembly, "--not-blocking", "System.Threading.Thread.Sleep",
                "--blocking-api", "SeedDemo.Program.Bar" }, app.Directory);
            Assert.Equal(0, lists.ExitCode);
            var warnings = lists.StdErr.Split('\n').Where(l => l.Contains(" NB0")).ToList();
            var only = Assert.Single(warnings);
            Assert.Matches(@"warning NB0001: SeedDemo\.Program\.Main\(\) calls SeedDemo\.Program\.Bar\(\)", only);
        }

        /// <summary>`dotnet tool install --tool-path`, from the test's feed; returns the command's path.</summary>
        private static string RunWithJson(UserProject app)
        {
            string output = Path.Combine(app.Directory, "reports.jsonl");
            var run = app.Run(new Dictionary<string, string?> { ["NONBLOCKING_OUTPUT"] = output });
            Assert.Contains("sum=8000002000000", run.StdOut);
            return output;
        }
    }
}
