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

        internal static void Raise(SegmentReport report)
        {
            var handlers = SegmentReported;
            if (handlers == null) return;
            foreach (Action<SegmentReport> handler in handlers.GetInvocationList())
            {
                try { handler(report); }
                catch { /* a subscriber's bug must not break the app being observed */ }
            }
        }
    }
}
