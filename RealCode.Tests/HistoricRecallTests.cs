using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using NonBlocking.RealCode.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NonBlocking.RealCode.Tests
{
    /// <summary>
    /// Recall on blocking bugs maintainers fixed upstream (Historic/bugs.tsv): the buggy version's warnings name the
    /// async method and the blocking call, the fixed version's do not. Each site is its own case; the recall over all
    /// of them must hold <see cref="Targets.HistoricRecall"/>.
    /// </summary>
    public sealed class HistoricRecallTests
    {
        private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Analysed = new();
        private readonly ITestOutputHelper _output;

        public HistoricRecallTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> Each() => HistoricBug.ReadAll().Select(b => new object[] { b });

        /// <summary>The warning messages a build of that package version would print (references not followed).</summary>
        private static IReadOnlyList<string> Warnings(string package, string version, string assembly) =>
            Analysed.GetOrAdd($"{package}/{version}/{assembly}", _ =>
                FolderAnalysis.Of(HistoricVersions.Folder(package, version), assembly, $"{package} {version}")
                    .Where(d => d.Key != null).Select(d => d.Message).ToList());

        private static bool Found(HistoricBug bug) => Warnings(bug.Package, bug.Buggy, bug.Assembly).Any(bug.NamedBy);
        private static bool SilentWhenFixed(HistoricBug bug) => !Warnings(bug.Package, bug.Fixed, bug.Assembly).Any(bug.NamedBy);

        [Theory]
        [MemberData(nameof(Each))]
        public void The_fixed_version_is_silent_about_the_site(HistoricBug bug)
        {
            // A warning that outlives the fix names code that no longer blocks there: a false warning on the fixed version.
            var still = Warnings(bug.Package, bug.Fixed, bug.Assembly).Where(bug.NamedBy).ToList();
            Assert.True(still.Count == 0, $"{bug}: {bug.Fixed} fixed it ({bug.Upstream}), yet:\n" + string.Join("\n", still));
        }

        [Fact]
        public void Recall_on_fixed_bugs_holds()
        {
            var bugs = HistoricBug.ReadAll();
            int found = 0;
            foreach (var bug in bugs)
            {
                bool hit = Found(bug) && SilentWhenFixed(bug);
                if (hit) found++;
                _output.WriteLine($"| {bug.Package} | {bug.Buggy} → {bug.Fixed} | `{bug.Method.TrimEnd('(')}` | `{bug.Call}` | {(hit ? "found" : "missed")} | {bug.Upstream} |");
            }
            var recall = (double)found / bugs.Count;
            _output.WriteLine($"recall: {found} of {bugs.Count} sites ({recall:P0})");
            Assert.True(recall >= Targets.HistoricRecall,
                $"recall on fixed bugs {recall:P0} ({found} of {bugs.Count}) is below {Targets.HistoricRecall:P0}; missed:\n" +
                string.Join("\n", bugs.Where(b => !Found(b))));
        }
    }
}
