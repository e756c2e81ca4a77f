using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;
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

        [Fact]
        public void Every_labelled_case_gets_exactly_its_expected_warnings()
        {
            var corpus = StaticCorpus.Load(Path.Combine(AppContext.BaseDirectory, "Analysis", "StaticCorpus"));
            Assert.True(corpus.Cases.Count >= 60, $"the corpus has {corpus.Cases.Count} cases; it must keep at least 60");

            string dll = Compiler.Compile("StaticCorpus", corpus.Sources, TestPaths.RuntimeAssembly);
            var result = AssemblyWeaver.Analyze(new WeaveOptions
            {
                AssemblyPath = dll,
                ReferencePaths = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Append(TestPaths.RuntimeAssembly).ToList(),
            });
            Assert.NotEqual(WeaveOutcome.Failed, result.Outcome);
            var score = corpus.Grade(result.Diagnostics.Where(d => d.Code.StartsWith("NB0", StringComparison.Ordinal)).ToList());

            string table = score.Table();
            _output.WriteLine(table);
            string reports = Path.Combine(AppContext.BaseDirectory, "reports");
            Directory.CreateDirectory(reports);
            File.WriteAllText(Path.Combine(reports, "static-accuracy.md"), table);

            Assert.True(score.Wrong.Count == 0, "cases not exact:\n" + string.Join("\n", score.Wrong));
            Assert.Equal(1.0, score.Precision);
            Assert.Equal(1.0, score.Recall);
        }
    }
}
