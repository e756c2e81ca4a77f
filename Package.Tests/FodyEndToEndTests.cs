using System;
using System.IO;
using System.Linq;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// NonBlocking.Fody as a Fody user adds it: the Fody and NonBlocking.Fody packages and &lt;NonBlocking /&gt; in
    /// FodyWeavers.xml. The seed scenario builds with its warnings and reports Foo and Main, alone and next to another
    /// Fody weaver.
    /// </summary>
    [Collection("package-more")]
    public class FodyEndToEndTests
    {
        private readonly PackageFeed _feed;

        public FodyEndToEndTests(PackageFeed feed) => _feed = feed;

        private UserProject FodyProject(string name, string weavers) =>
            new UserProject(_feed, name, SeedRuns.Source, extraItems:
                "<PackageReference Include=\"Fody\" Version=\"6.9.3\" PrivateAssets=\"all\" />" +
                $"<PackageReference Include=\"NonBlocking.Fody\" Version=\"{_feed.Version}\" PrivateAssets=\"compile\" />",
                nugetOrg: true, packageReference: false).WithFile("FodyWeavers.xml", $"<Weavers>{weavers}</Weavers>");

        [Fact]
        public void Fody_project_warns_and_reports_the_seed_scenario()
        {
            var app = FodyProject("FodySeed", "<NonBlocking ThresholdMs=\"100\" />");
            var build = app.Build();

            // Fody's own format: file(line,col,endline,endcol): warning : Fody/<weaver>: <our code and message>.
            int foo = SeedRuns.LineOf("Thread.Sleep(1000);", "async Task Foo()"), mainLine = SeedRuns.LineOf("Bar();", "async Task Main()"),
                bar = SeedRuns.LineOf("Thread.Sleep(1000);", "static void Bar()");
            Assert.Matches($@"Program\.cs\({foo},13,{foo},14\): warning : Fody/NonBlocking: NB0001: SeedDemo\.Program\.Foo\(\)", build.StdOut);
            Assert.Matches($@"Program\.cs\({mainLine},13,{mainLine},14\): warning : Fody/NonBlocking: NB0002: SeedDemo\.Program\.Main\(\) .*Main → Bar → Thread\.Sleep at Program\.cs\({bar},13\)", build.StdOut);
            Assert.DoesNotContain("Baz()", build.StdOut.Split('\n').Where(l => l.Contains("NB000")).Aggregate("", (a, l) => a + l));
            // Fody writes the schema of every weaver's configuration next to the project.
            string xsd = File.ReadAllText(Path.Combine(app.Directory, "FodyWeavers.xsd"));
            Assert.Contains("NonBlocking", xsd);
            Assert.Contains("ThresholdMs", xsd);

            var reports = SeedRuns.Blocked(SeedRuns.RunWithJsonOutput(app));
            Assert.Equal(new[] { "SeedDemo.Program.Foo()", "SeedDemo.Program.Main()" },
                reports.Select(r => r.GetProperty("method").GetString()).OrderBy(m => m).ToArray());
            var main = reports.Single(r => r.GetProperty("method").GetString() == "SeedDemo.Program.Main()");
            Assert.Equal("SeedDemo.Program.Bar()", main.GetProperty("blocking")[0].GetProperty("caller").GetString());
        }

        [Theory]
        [InlineData("<NonBlocking ThresholdMs=\"150\" /><Costura />", false)]
        // Costura first: its injected loader branches into its template's instructions, which probes would corrupt.
        [InlineData("<Costura /><NonBlocking ThresholdMs=\"150\" />", true)]
        public void Works_next_to_another_Fody_weaver_in_either_order(string weavers, bool costuraFirst)
        {
            var app = FodyProject(costuraFirst ? "CosturaFirst" : "NonBlockingFirst", weavers)
                .WithExtraItems("<PackageReference Include=\"Costura.Fody\" Version=\"6.2.0\" PrivateAssets=\"all\" />");
            var build = app.Build();
            // Costura embedded NonBlocking.Runtime: it is not in bin/, and the woven code still finds it.
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(app.OutputAssembly)!, "NonBlocking.Runtime.dll")));
            if (costuraFirst) Assert.Matches(@"warning : Fody/NonBlocking: NB9102: .*Costura\.AssemblyLoader: .*ResolveAssembly.* left uninstrumented", build.StdOut);
            else Assert.DoesNotContain("NB9102", build.StdOut);

            var reports = SeedRuns.Blocked(SeedRuns.RunWithJsonOutput(app));
            Assert.Equal(2, reports.Count);
            Assert.All(reports, r => Assert.Equal(150, r.GetProperty("thresholdMs").GetInt64()));
        }

        [Fact]
        public void The_api_lists_in_FodyWeavers_xml_apply()
        {
            var app = FodyProject("FodyLists", "<NonBlocking><NotBlockingApis>System.Threading.Thread.Sleep</NotBlockingApis>" +
                                               "<BlockingApis>SeedDemo.Program.Bar</BlockingApis></NonBlocking>");
            var build = app.Build();
            // MSBuild prints each warning twice (as it happens and in the summary), with different indentation.
            var warning = Assert.Single(build.StdOut.Split('\n').Where(l => l.Contains(": NB000")).Select(l => l.Substring(l.IndexOf("warning", StringComparison.Ordinal)).Trim()).Distinct());
            Assert.Matches(@"warning : Fody/NonBlocking: NB0001: SeedDemo\.Program\.Main\(\) calls SeedDemo\.Program\.Bar\(\)", warning);
            Assert.Contains("NotBlockingApis", File.ReadAllText(Path.Combine(app.Directory, "FodyWeavers.xsd")));
        }

        [Fact]
        public void A_bad_setting_fails_the_build_naming_the_attribute()
        {
            var bad = FodyProject("FodyBadSetting", "<NonBlocking ThresholdMs=\"soon\" />");
            var failed = bad.TryBuild();
            Assert.NotEqual(0, failed.ExitCode);
            Assert.Contains("NB9009", failed.StdOut);
            Assert.Contains("ThresholdMs=\"soon\"", failed.StdOut);
        }
    }
}
