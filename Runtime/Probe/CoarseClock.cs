using System;
using System.Diagnostics;
using System.Threading;
using NonBlocking.Config;
using NonBlocking.Detect;

namespace NonBlocking.Instrumentation
{
    /// <summary>
    /// A millisecond clock that a background ticker advances, so the probe's fast path reads time with one
    /// memory load instead of a ~20 ns Stopwatch call. Resolution is the tick period (a few ms), far below
    /// any useful threshold.
    /// </summary>
    internal static class CoarseClock
    {
        private static readonly long Origin = Stopwatch.GetTimestamp();
        private static long _nowMs;
        private static volatile int _periodMs = 5;

        static CoarseClock()
        {
            var ticker = new Thread(Tick) { IsBackground = true, Name = "NonBlocking clock", Priority = ThreadPriority.AboveNormal };
            ticker.Start();
        }

        public static long NowMs
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get => Volatile.Read(ref _nowMs);
        }

        /// <summary>Precise time on the same scale, for the cold path only.</summary>
        public static long PreciseNowMs() => (Stopwatch.GetTimestamp() - Origin) * 1000 / Stopwatch.Frequency;

        public static int PeriodMs => _periodMs;

        /// <summary>Keeps the tick at most a twentieth of the smallest threshold in use, between 1 and 10 ms.</summary>
        public static void FitTo(long thresholdMs)
        {
            int wanted = (int)Math.Max(1, Math.Min(10, thresholdMs / 20));
            if (wanted < _periodMs) _periodMs = wanted;
        }

        /// <summary>Advances the clock and, every <see cref="HangWatchdog.ScanPeriodMs"/>, runs the hang watchdog.</summary>
        private static void Tick()
        {
            bool watch = RuntimeSettings.Current.HangTracking;
            long lastScan = 0;
            while (true)
            {
                long now = PreciseNowMs();
                Volatile.Write(ref _nowMs, now);
                if (watch && now - lastScan >= HangWatchdog.ScanPeriodMs)
                {
                    lastScan = now;
                    HangWatchdog.Scan(now);
                }
                Thread.Sleep(_periodMs);
            }
        }
    }
}
