using System.Diagnostics;
using System.Threading;

namespace NonBlocking.Report
{
    /// <summary>
    /// Reports being built on the cold path right now. A segment that suspends is reported after its continuation may
    /// already run elsewhere; if that continuation ends the program, the process must not exit while the report is
    /// still being written, so the exit handler waits for these (briefly, and only when there are any).
    /// </summary>
    internal static class ReportsInFlight
    {
        private static int _count;

        public static void Begin() => Interlocked.Increment(ref _count);

        public static void End() => Interlocked.Decrement(ref _count);

        /// <summary>Waits until no report is being built, at most <paramref name="timeoutMs"/>.</summary>
        public static void WaitForAll(int timeoutMs)
        {
            var watch = Stopwatch.StartNew();
            while (Volatile.Read(ref _count) > 0 && watch.ElapsedMilliseconds < timeoutMs) Thread.Sleep(1);
        }
    }
}
