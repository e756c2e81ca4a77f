using System;
using System.Threading.Tasks;
using NonBlocking.Report;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>The probe's promises that are not about time: no allocation, and never an exception into user code.</summary>
    [Collection("reports")]
    public class FastPathTests
    {
        [Fact]
        public void Woven_async_calls_that_complete_synchronously_allocate_nothing_more_than_unwoven_ones()
        {
            string source = TestPaths.TestAssembly("AsyncShapes", "Release");
            using var plain = new IsolatedLoad(Woven.CopyUnwoven(source));
            using var woven = new IsolatedLoad(Woven.Copy(source));

            long unwovenBytes = AllocatedBy(plain);
            long wovenBytes = AllocatedBy(woven);

            Assert.Equal(0, unwovenBytes); // sanity: the scenario itself is allocation-free
            Assert.Equal(unwovenBytes, wovenBytes);
        }

        /// <summary>
        /// The least of three runs: a clock tick that comes late (the ticker descheduled on a loaded machine) makes one
        /// call look 10 ms long, and its cold path rightly allocates the thread's log. A fast path that allocates
        /// does so in every run.
        /// </summary>
        private static long AllocatedBy(IsolatedLoad load)
        {
            var loop = load.Type("AsyncShapes.Hot").GetMethod("Loop")!.CreateDelegate<Func<int, int>>();
            loop(1000); // type initialisers, tiering
            long least = long.MaxValue;
            for (int run = 0; run < 3; run++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                int result = loop(100_000);
                long after = GC.GetAllocatedBytesForCurrentThread();
                Assert.Equal(100_000 * (1 + 2 + 3), result);
                least = Math.Min(least, after - before);
            }
            return least;
        }

        [Fact]
        public async Task A_failing_report_subscriber_never_reaches_the_woven_code()
        {
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), thresholdMs: 50));
            using var collector = new ReportCollector();
            Action<SegmentReport> faulty = _ => throw new InvalidOperationException("subscriber bug");
            BlockingMonitor.SegmentReported += faulty;
            try
            {
                var run = (Task)woven.Type("AsyncShapes.Blocking").GetMethod("SleepThenAwait")!.Invoke(null, new object[] { 200 })!;
                await run; // must complete normally
                Assert.Single(collector.WaitFor("AsyncShapes.Blocking.SleepThenAwait"));
            }
            finally
            {
                BlockingMonitor.SegmentReported -= faulty;
            }
        }
    }
}
