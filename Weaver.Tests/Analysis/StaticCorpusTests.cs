using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;
using OptimizationLevel = Microsoft.CodeAnalysis.OptimizationLevel;
using Xunit.Abstractions;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>
    /// The labelled static corpus (Analysis/StaticCorpus): each "// case:" is one scenario, each "// expect: NBxxxx" a
    /// warning that must appear on that line; a case without one must stay silent. Compiled in Release, analysed as the
    /// build does, scored for precision and recall; every case must be exact.
    /// </summary>
    public sealed class StaticCorpusTests
    {
        private readonly ITestOutputHelper _output;

        public StaticCorpusTests(ITestOutputHelper output) => _output = output;

        private static StaticCorpus LoadCorpus()
        {
            var corpus = StaticCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Analysis", "StaticCorpus"));
            Assert.True(corpus.Cases.Count >= 60, $"the corpus has {corpus.Cases.Count} cases; it must keep at least 60");
            return corpus;
        }

        /// <summary>What the corpus compiles against besides the framework: the runtime, and Json.NET (its reader and writer wrap streams).</summary>
        private static readonly string[] References = { TestPaths.RuntimeAssembly, typeof(Newtonsoft.Json.JsonTextWriter).Assembly.Location };

        private static List<Diagnostic> WeaveTimeWarnings(string dll, bool sourceAnalyzer)
        {
            var result = AssemblyWeaver.Analyze(new WeaveOptions
            {
                AssemblyPath = dll,
                ReferencePaths = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Concat(References).ToList(),
                SourceAnalyzerReportsDirectCalls = sourceAnalyzer,
            });
            Assert.NotEqual(WeaveOutcome.Failed, result.Outcome);
            return result.Diagnostics.Where(d => d.Code.StartsWith("NB0", StringComparison.Ordinal)).ToList();
        }

        private void Check(StaticCorpus.Score score, string reportName)
        {
            string table = score.Table();
            _output.WriteLine(table);
            string reports = Path.Combine(AppContext.BaseDirectory, "reports");
            Directory.CreateDirectory(reports);
            File.WriteAllText(Path.Combine(reports, reportName), table);

            Assert.True(score.Wrong.Count == 0, "cases not exact:\n" + string.Join("\n", score.Wrong));
            Assert.Equal(1.0, score.Precision);
            Assert.Equal(1.0, score.Recall);
        }

        private static bool IsFlagCase(StaticCorpus corpus, Diagnostic d) =>
            corpus.Cases.Any(c => c.Idiom == "flags" && d.File != null && c.Contains(d.File, d.Line));

        [Fact]
        public void Every_labelled_case_gets_exactly_its_expected_warnings()
        {
            var corpus = LoadCorpus();
            string dll = Compiler.Compile("StaticCorpus", corpus.Sources, References);
            Check(corpus.Grade(WeaveTimeWarnings(dll, sourceAnalyzer: false)), "static-accuracy.md");
        }

        /// <summary>
        /// The same corpus built unoptimised, as a Debug build compiles it: every flag sits in a temporary local before
        /// its branch (<c>ldfld async; stloc; ldloc; brfalse</c>), every local of an async method is hoisted, and
        /// <c>!flag</c> is a comparison with zero. The weave reads a Debug build's IL as exactly as a Release one's.
        /// </summary>
        [Fact]
        public void Every_labelled_case_gets_exactly_its_expected_warnings_in_a_Debug_build()
        {
            var corpus = LoadCorpus();
            string dll = Compiler.CompileDebug("StaticCorpusDebug", corpus.Sources, References);
            Check(corpus.Grade(WeaveTimeWarnings(dll, sourceAnalyzer: false)), "static-accuracy-debug.md");
        }

        /// <summary>
        /// As a build with the package reports them: the analyzer's NB0001/NB0003, and all NB0002 (every path here stays
        /// in the compilation), from the compiler; the weave's flag-decided direct calls — every expected warning once,
        /// nothing else.
        /// </summary>
        [Theory]
        [InlineData(OptimizationLevel.Release)]
        [InlineData(OptimizationLevel.Debug)]
        public void The_analyzer_and_the_weave_together_report_each_expected_warning_once(OptimizationLevel optimization)
        {
            var corpus = LoadCorpus();
            var (dll, analyzerDiagnostics) = Compiler.CompileWithAnalyzer("StaticCorpusAnalyzer" + optimization, corpus.Sources, optimization, References);
            var fromAnalyzer = analyzerDiagnostics.Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return new Diagnostic(d.Id, DiagnosticSeverity.Warning, d.GetMessage(), span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
            }).ToList();
            var fromWeave = WeaveTimeWarnings(dll, sourceAnalyzer: true);
            _output.WriteLine($"{fromAnalyzer.Count} from the analyzer ({fromAnalyzer.Count(d => d.Code == "NB0002")} NB0002), {fromWeave.Count} from the weave");
            foreach (var d in fromWeave) _output.WriteLine("weave: " + d);
            foreach (var d in fromAnalyzer.Where(d => d.Code == "NB0002")) _output.WriteLine("analyzer: " + d);
            // The analyzer follows sync helpers, constructors, properties, virtual dispatch, delegates invoked in place and
            // bool flags inside the compilation; the weave adds only the direct calls a flag decides.
            Assert.Contains(fromAnalyzer, d => d.Code == "NB0002" && d.Message.Contains("Run → Save → Write → File.WriteAllText"));
            Assert.DoesNotContain(fromWeave, d => d.Code != "NB0001" || !IsFlagCase(corpus, d));
            Check(corpus.Grade(fromAnalyzer.Concat(fromWeave).ToList()),
                optimization == OptimizationLevel.Release ? "static-accuracy-with-analyzer.md" : "static-accuracy-with-analyzer-debug.md");
        }
    }
}
