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
    /// any useful threshold. When no woven code has run for <see cref="IdleAfterMs"/> (known from the threads'
    /// activity records, so only with the hang watchdog on) the ticker goes idle, waking once a second; the next
    /// probe sees <see cref="Idle"/>, refreshes the clock itself and wakes it.
    /// </summary>
    internal static class CoarseClock
    {
        private static readonly long Origin = Stopwatch.GetTimestamp();
        private static long _nowMs;
        private static volatile int _periodMs = 5;
        private static volatile bool _idle;
        private static readonly object IdleGate = new object();

        public const int IdleAfterMs = 2000;
        public const int IdleTickMs = 1000;

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

        /// <summary>True while the ticker is idle; one volatile load on the probes' path.</summary>
        public static bool Idle
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get => _idle;
        }

        /// <summary>A probe found the ticker idle: refresh the clock now and wake the ticker. Cold path.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static long Wake()
        {
            lock (IdleGate)
            {
                long now = PreciseNowMs();
                Volatile.Write(ref _nowMs, now);
                _idle = false;
                Monitor.PulseAll(IdleGate);
                return now;
            }
        }

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
            long lastScan = 0, quietSince = 0, lastActivity = -1;
            while (true)
            {
                long now = PreciseNowMs();
                Volatile.Write(ref _nowMs, now);
                if (watch && now - lastScan >= HangWatchdog.ScanPeriodMs)
                {
                    lastScan = now;
                    HangWatchdog.Scan(now);
                    var (activity, open) = ThreadActivity.Totals();
                    if (activity != lastActivity || open)
                    {
                        lastActivity = activity;
                        quietSince = now;
                    }
                    else if (now - quietSince >= IdleAfterMs)
                    {
                        lastActivity = RestUntilWoken(activity);
                        quietSince = PreciseNowMs();
                    }
                }
                Thread.Sleep(_periodMs);
            }
        }

        /// <summary>Idle: tick once a second until a probe wakes us, or activity shows up that raced past the flag.</summary>
        private static long RestUntilWoken(long activity)
        {
            lock (IdleGate)
            {
                _idle = true;
                while (_idle)
                {
                    if (Monitor.Wait(IdleGate, IdleTickMs)) continue;
                    Volatile.Write(ref _nowMs, PreciseNowMs());
                    var (now, open) = ThreadActivity.Totals();
                    if (now != activity || open) _idle = false;
                }
            }
            return ThreadActivity.Totals().Activity;
        }
    }
}
