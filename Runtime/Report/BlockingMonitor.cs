using System;

namespace NonBlocking.Report
{
    /// <summary>In-process access to NonBlocking's reports.</summary>
    public static class BlockingMonitor
    {
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
