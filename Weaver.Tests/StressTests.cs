using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>Many threads crossing the threshold at once: nothing escapes a probe, output is rate-limited, memory stays flat.</summary>
    [Collection("reports")]
    public class StressTests
    {
        [Fact]
        public void Sixty_four_threads_of_slow_and_fast_segments_are_rate_limited_and_bounded()
        {
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), thresholdMs: 5));
            var sleepOnly = woven.Type("AsyncShapes.Blocking").GetMethod("SleepOnly")!.CreateDelegate<Func<int, Task>>();
            using var reports = new ReportCollector();
            var errors = new ConcurrentBag<Exception>();
            const int Threads = 64, Iterations = 150;

            sleepOnly(0).GetAwaiter().GetResult(); // initialise the site table outside the measurement
            long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var started = DateTime.UtcNow;
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                try
                {
                    for (int i = 0; i < Iterations; i++) sleepOnly(i % 2 == 0 ? 8 : 0).GetAwaiter().GetResult();
                }
                catch (Exception e) { errors.Add(e); }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var elapsed = DateTime.UtcNow - started;

            // The next report after the storm announces what the limiter dropped.
            Thread.Sleep(1100);
            sleepOnly(20).GetAwaiter().GetResult();
            var received = reports.WaitFor("AsyncShapes.Blocking.SleepOnly", 2);
            long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
            Thread.Sleep(1100); // leave the limiter's window empty for the next test

            Assert.Empty(errors);
            int slowSegments = Threads * Iterations / 2;
            double windows = Math.Ceiling(elapsed.TotalSeconds) + 2;
            Assert.InRange(received.Count, 2, (int)(20 * windows));
            Assert.True(received.Count < slowSegments / 10, $"{received.Count} reports for {slowSegments} slow segments: not rate-limited");
            long suppressed = received.Sum(r => r.SuppressedBefore);
            Assert.True(suppressed > 0, "no report announced suppressed ones");
            // Under contention a "fast" segment can be descheduled past 5 ms too, so every segment may count.
            Assert.InRange(suppressed + received.Count, slowSegments / 2, Threads * Iterations + 1);
            Assert.True(memoryAfter - memoryBefore < 4 * 1024 * 1024, $"memory grew by {(memoryAfter - memoryBefore) / 1024} KiB");
        }
    }
}
