using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    [Collection("reports")]
    public class RateLimitTests
    {
        [Fact]
        public async Task One_hot_site_is_limited_on_its_own_and_its_next_report_counts_what_was_dropped()
        {
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), thresholdMs: 30));
            var blocking = woven.Type("AsyncShapes.Blocking");
            var sleepOnly = blocking.GetMethod("SleepOnly")!.CreateDelegate<Func<int, Task>>();
            using var reports = new ReportCollector();
            Thread.Sleep(1100); // start from an empty global window

            for (int i = 0; i < 8; i++) await sleepOnly(40);                       // 8 slow segments of one site in < 1 s
            await (Task)blocking.GetMethod("SleepThenAwait")!.Invoke(null, new object[] { 40 })!; // another site, same second

            Assert.Single(reports.WaitFor("AsyncShapes.Blocking.SleepOnly", 1));
            Assert.Single(reports.WaitFor("AsyncShapes.Blocking.SleepThenAwait", 1)); // not crowded out

            Thread.Sleep(1100);
            await sleepOnly(40);
            var sleepOnlyReports = reports.WaitFor("AsyncShapes.Blocking.SleepOnly", 2);
            Assert.Equal(2, sleepOnlyReports.Count);
            Assert.Equal(0, sleepOnlyReports[0].SuppressedBefore);
            Assert.Equal(7, sleepOnlyReports[1].SuppressedBefore);
            Assert.Contains("7 more like this suppressed", sleepOnlyReports[1].ToString());
            Thread.Sleep(1100); // leave the global window empty for the next test
        }
    }
}
