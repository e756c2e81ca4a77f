using System;
using NonBlocking.Instrumentation;

namespace NonBlocking.Report
{
    /// <summary>In-process access to NonBlocking: its reports, its configuration, and the knobs that can change while running.</summary>
    public static class BlockingMonitor
    {
        private static readonly ReportObservable Observable = new ReportObservable();

        /// <summary>
        /// Every published report (segments, blocking calls, hangs) as an observable. Same delivery rules as the
        /// events: on the reporting thread, after the rate limit, exceptions from observers swallowed.
        /// </summary>
        public static IObservable<NonBlockingReport> Reports => Observable;

        /// <summary>
        /// Turns all reporting on or off while the process runs: text, JSON, subscribers, EventSource and Meter.
        /// Probes keep running (their fast path does not change); nothing they find is reported while off.
        /// </summary>
        public static bool Enabled
        {
            get => ReportPublisher.Enabled;
            set => ReportPublisher.Enabled = value;
        }

        /// <summary>The settings in force now, and where the threshold came from.</summary>
        public static NonBlockingConfiguration Configuration => NonBlockingConfiguration.Current();

        /// <summary>
        /// Sets the threshold of every woven assembly, loaded now or later, overriding the build, runtimeconfig.json and
        /// the environment. Segments already running are judged by the new value when they end.
        /// </summary>
        /// <param name="thresholdMs">Milliseconds, at least 1.</param>
        /// <exception cref="ArgumentOutOfRangeException">Below 1 ms.</exception>
        public static void SetThreshold(long thresholdMs)
        {
            if (thresholdMs < 1) throw new ArgumentOutOfRangeException(nameof(thresholdMs), thresholdMs, "The threshold is at least 1 ms.");
            WovenModule.SetThresholdForAll(thresholdMs);
        }

        /// <summary>Undoes <see cref="SetThreshold"/>: each woven assembly goes back to its configured threshold.</summary>
        public static void ResetThreshold() => WovenModule.SetThresholdForAll(null);

        /// <summary>
        /// Raised for every published report, on the thread that was blocked, after it was released.
        /// Handlers must be quick; exceptions they throw are swallowed so they never reach the woven code.
        /// </summary>
        public static event Action<SegmentReport>? SegmentReported;

        /// <summary>
        /// Raised for blocking calls reported on their own (thread-pool mode), on the blocked thread.
        /// Same rules as <see cref="SegmentReported"/>.
        /// </summary>
        public static event Action<BlockingCallReport>? BlockingCallReported;

        /// <summary>
        /// Raised by the hang watchdog, on its own thread, for a segment still running past the hang threshold.
        /// Same rules as <see cref="SegmentReported"/>.
        /// </summary>
        public static event Action<HangReport>? HangReported;

        internal static void Raise(NonBlockingReport report)
        {
            Observable.Publish(report);
            if (report is SegmentReport segment) Invoke(SegmentReported, segment);
            else if (report is BlockingCallReport call) Invoke(BlockingCallReported, call);
            else if (report is HangReport hang) Invoke(HangReported, hang);
        }

        private static void Invoke<T>(Action<T>? handlers, T report)
        {
            if (handlers == null) return;
            foreach (Action<T> handler in handlers.GetInvocationList())
            {
                try { handler(report); }
                catch { /* a subscriber's bug must not break the app being observed */ }
            }
        }
    }
}
