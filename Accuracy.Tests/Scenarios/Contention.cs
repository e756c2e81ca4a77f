using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Accuracy
{
    /// <summary>Locks, a starved pool, CPU-bound segments and a machine whose every core is busy.</summary>
    public static class Contention
    {
        private static readonly object Gate = new object();
        private static int _counter;

        // Another thread holds the lock: the segment waits in Monitor.Enter, which the `lock` statement calls.
        [Scenario("contention/lock-held-elsewhere")]
        [Expect("Accuracy.Contention.TakeLock()", From = "await@lock-yield", To = "end", Ms = 300, MinMs = 200,
            Calls = new[] { "System.Threading.Monitor.Enter(object, ref bool)@lock-enter" })]
        public static async Task LockHeldElsewhere()
        {
            using var held = new SemaphoreSlim(0);
            var holder = new Thread(() =>
            {
                lock (Gate)
                {
                    held.Release();
                    Thread.Sleep(300);
                }
            });
            holder.Start();
            await held.WaitAsync();
            await TakeLock();
        }

        private static async Task TakeLock()
        {
            await Task.Yield(); // @lock-yield
            lock (Gate) // @lock-enter
            {
                _counter++;
            }
        }

        // Eight segments block at once on a two-core pool: each is reported with its own time.
        [Scenario("contention/thread-pool-starvation")]
        [Expect("Accuracy.Contention.Hog(int)", From = "await@hog-yield", To = "end", Ms = 200, Count = 8, Calls = new[] { Sleep.Api + "@hog-sleep" })]
        public static async Task ThreadPoolStarvation()
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(Hog));
        }

        private static async Task Hog(int i)
        {
            await Task.Yield(); // @hog-yield
            Thread.Sleep(200); // @hog-sleep
        }

        // CPU work calls no blocking API: the segment is reported, and nothing is named.
        [Scenario("cpu/busy-loop")]
        [Expect("Accuracy.Contention.Busy()", From = "await@busy-yield", To = "end", Ms = 250)]
        public static Task BusyLoop() => Busy();

        private static async Task Busy()
        {
            await Task.Yield(); // @busy-yield
            Spin.For(250);
        }

        // Every core spins while segments run: no short segment may be reported (the clock must not jump) and the
        // long one must be, about right (the clock must not freeze).
        [Scenario("cpu/all-cores-saturated")]
        [Expect("Accuracy.Contention.LongUnderLoad()", From = "await@load-yield", To = "end", Ms = 300, MaxMs = 1200,
            Calls = new[] { Sleep.Api + "@load-sleep" })]
        public static async Task AllCoresSaturated()
        {
            using var stop = new CancellationTokenSource();
            var spinners = Enumerable.Range(0, Environment.ProcessorCount)
                .Select(_ => new Thread(() => { while (!stop.IsCancellationRequested) Thread.SpinWait(100); }) { IsBackground = true })
                .ToList();
            spinners.ForEach(t => t.Start());
            for (int i = 0; i < 50; i++) await ShortUnderLoad();
            await LongUnderLoad();
            for (int i = 0; i < 50; i++) await ShortUnderLoad();
            stop.Cancel();
        }

        private static async Task ShortUnderLoad()
        {
            await Task.Yield();
            Spin.For(2);
        }

        private static async Task LongUnderLoad()
        {
            await Task.Yield(); // @load-yield
            Thread.Sleep(300); // @load-sleep
        }
    }
}
