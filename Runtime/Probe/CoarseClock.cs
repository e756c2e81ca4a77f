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
    /// The same load tells the ticker whether woven code runs: every scan the ticker stores the time negated
    /// ("watched"), and the first probe to read a negative time flips it back (a rarely taken branch). After
    /// <see cref="IdleAfterMs"/> of scans that found no flip the ticker rests, waking once a second; a probe that
    /// finds it resting refreshes the clock itself and wakes it, so a segment that spans the rest is still timed right.
    /// </summary>
    internal static class CoarseClock
    {
        // One second before start-up, so a time is never 0 and its sign is always meaningful.
        private static readonly long Origin = Stopwatch.GetTimestamp() - Stopwatch.Frequency;
        private static long _nowMs = PreciseNowMs();
        private static volatile int _periodMs = RuntimeSettings.Current.ClockMs ?? MaxAutoPeriodMs;
        private static volatile bool _resting;
        private static readonly object IdleGate = new object();

        public const int IdleAfterMs = 2000;
        public const int IdleTickMs = 1000;
        public const int ScanPeriodMs = 50;

        /// <summary>
        /// The coarsest automatic tick. Each tick is a wake-up of the ticker thread, which on a saturated core takes
        /// the CPU from request threads: at 5 ms the ticker used 0.45 % of a loaded ASP.NET Core app's CPU in this VM.
        /// </summary>
        public const int MaxAutoPeriodMs = 10;

        static CoarseClock()
        {
            var ticker = new Thread(Tick) { IsBackground = true, Name = "NonBlocking clock", Priority = ThreadPriority.AboveNormal };
            ticker.Start();
        }

        /// <summary>The current time for a probe: one load, and a cold call the first time after each scan.</summary>
        public static long NowMs
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get
            {
                long now = RawMs;
                return now > 0 ? now : Touch(now);
            }
        }

        /// <summary>
        /// The clock as stored: negative while watched. An end probe needs no sign test: with <c>start</c> positive,
        /// <c>RawMs - start</c> taken as unsigned is huge when the clock is watched, so the one compare with the
        /// threshold that sends a long segment to the cold path sends a watched clock there too, where
        /// <see cref="NowMs"/> settles it.
        /// </summary>
        public static long RawMs
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get => Volatile.Read(ref _nowMs);
        }

        /// <summary>Precise time on the same scale, for the cold path only.</summary>
        public static long PreciseNowMs() => (Stopwatch.GetTimestamp() - Origin) * 1000 / Stopwatch.Frequency;

        public static int PeriodMs => _periodMs;

        /// <summary>True while the ticker rests.</summary>
        public static bool Idle => _resting;

        /// <summary>A probe read a watched time: say woven code runs, waking the ticker if it rests.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static long Touch(long watched)
        {
            if (!_resting)
            {
                Interlocked.CompareExchange(ref _nowMs, -watched, watched);
                // The exchange is a full fence, as is the ticker's between setting _resting and reading the clock:
                // either it sees this flip and stays awake, or this read sees it resting and wakes it.
                if (!_resting) return -watched;
            }
            return Wake();
        }

        private static long Wake()
        {
            lock (IdleGate)
            {
                long now = PreciseNowMs();
                Volatile.Write(ref _nowMs, now);
                _resting = false;
                Monitor.PulseAll(IdleGate);
                return now;
            }
        }

        /// <summary>
        /// Keeps the tick at most a tenth of the smallest threshold in use, between 1 and 10 ms, unless the user
        /// chose it (<c>NONBLOCKING_CLOCK_MS</c>): finer costs the ticker more wake-ups, never the probes.
        /// </summary>
        public static void FitTo(long thresholdMs)
        {
            if (RuntimeSettings.Current.ClockMs != null) return;
            int wanted = (int)Math.Max(1, Math.Min(MaxAutoPeriodMs, thresholdMs / 10));
            if (wanted < _periodMs) _periodMs = wanted;
        }

        /// <summary>Advances the clock and, every <see cref="ScanPeriodMs"/>, looks for activity and runs the hang watchdog.</summary>
        private static void Tick()
        {
            bool watch = RuntimeSettings.Current.HangTracking;
            long lastScan = 0, quietSince = 0;
            while (true)
            {
                long now = PreciseNowMs();
                bool flipped = Volatile.Read(ref _nowMs) > 0;
                if (now - lastScan >= ScanPeriodMs)
                {
                    lastScan = now;
                    Volatile.Write(ref _nowMs, -now);
                    if (watch) HangWatchdog.Scan(now);
                    else StuckWaits.Scan(now);
                    // An open segment, or a thread waiting on a pending task, keeps the watchdog's clock running even
                    // when no probe fires.
                    if (flipped || (watch && ThreadActivity.AnyOpen()) || (!watch && StuckWaits.AnyWaiting())) quietSince = now;
                    else if (now - quietSince >= IdleAfterMs)
                    {
                        RestUntilWoken(watch);
                        quietSince = PreciseNowMs();
                    }
                }
                else Volatile.Write(ref _nowMs, flipped ? now : -now);
                Thread.Sleep(_periodMs);
            }
        }

        /// <summary>Rests: ticks once a second until a probe wakes us, or a segment shows up that raced past the flag.</summary>
        private static void RestUntilWoken(bool watch)
        {
            lock (IdleGate)
            {
                _resting = true;
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _nowMs) > 0)
                {
                    _resting = false; // a probe flipped the clock just now
                    return;
                }
                while (_resting)
                {
                    if (Monitor.Wait(IdleGate, IdleTickMs)) continue;
                    Volatile.Write(ref _nowMs, -PreciseNowMs());
                    if (watch ? ThreadActivity.AnyOpen() : StuckWaits.AnyWaiting()) _resting = false;
                }
            }
        }
    }
}
