using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// The probes' fast path compares with the smallest threshold of all loaded woven assemblies; each assembly's
    /// own threshold must still decide what is reported.
    /// </summary>
    [Collection("reports")]
    public class ThresholdPerAssemblyTests
    {
        [Fact]
        public async Task A_segment_past_another_assemblys_threshold_but_under_its_own_is_not_reported()
        {
            const int Strict = 20, Lax = 1000, Block = 200;
            using var strict = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Strict, purpose: "strict"));
            using var lax = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Lax, purpose: "lax"));
            using var reports = new ReportCollector();

            // The strict copy runs first, so its threshold is the least one when the lax copy's segment ends.
            await (Task)strict.Type("AsyncShapes.Blocking").GetMethod("SleepOnly")!.Invoke(null, new object[] { Block })!;
            var first = Assert.Single(reports.WaitFor("AsyncShapes.Blocking.SleepOnly"));
            Assert.Equal(Strict, first.ThresholdMs);

            await (Task)lax.Type("AsyncShapes.Blocking").GetMethod("SleepOnly")!.Invoke(null, new object[] { Block })!;
            Thread.Sleep(100);
            Assert.Equal(new long[] { Strict }, reports.For("AsyncShapes.Blocking.SleepOnly").Select(r => r.ThresholdMs).ToArray());
        }
    }
}
