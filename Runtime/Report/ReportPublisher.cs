using System;
using System.Threading;
using NonBlocking.Config;

namespace NonBlocking.Report
{
    /// <summary>
    /// Sends a finished report to the configured output (through <see cref="ReportWriter"/>, off the blocked thread)
    /// and to in-process subscribers, within the rate limit.
    /// </summary>
    internal static class ReportPublisher
    {
        private static readonly object Gate = new object();
        private static readonly RateLimiter Limiter = new RateLimiter(RuntimeSettings.Current.MaxReportsPerSecond);
        private static ReportWriter? _writer;

        /// <summary>Returns how many reports were dropped before this one, or -1 when this one is dropped too.</summary>
        public static long Admit(long nowMs)
        {
            lock (Gate) return Limiter.TryAdmit(nowMs);
        }

        /// <summary>Set through <see cref="BlockingMonitor.Enabled"/>; off drops reports before any output.</summary>
        public static volatile bool Enabled = true;

        /// <summary>
        /// Every report goes to the EventSource and the Meter; only those the rate limit admitted also go to the
        /// text/JSON sink and to subscribers (operators' tools count what the log does not print).
        /// </summary>
        public static void Publish(NonBlockingReport report, bool admitted)
        {
            if (!Enabled) return;
            Telemetry.Telemetry.Observe(report);
            if (!admitted) return;
            try { if (RuntimeSettings.Current.Output != OutputKind.None) Writer.Enqueue(report); }
            catch (Exception) { /* the output is the cold path's business: never the blocked thread's */ }
            BlockingMonitor.Raise(report);
        }

        private static ReportWriter Writer
        {
            get
            {
                var writer = Volatile.Read(ref _writer);
                if (writer != null) return writer;
                lock (Gate) return _writer ??= new ReportWriter(CreateSink(), RuntimeSettings.Current.OutputQueue);
            }
        }

        /// <summary>Reports dropped so far because the output's queue was full.</summary>
        public static long DroppedByOutput => Volatile.Read(ref _writer)?.DroppedTotal ?? 0;

        /// <summary>At process exit: waits for the queued reports to be written, at most <paramref name="timeoutMs"/>.</summary>
        public static void Flush(int timeoutMs) => Volatile.Read(ref _writer)?.Flush(timeoutMs);

        private static IReportSink CreateSink()
        {
            var settings = RuntimeSettings.Current;
            switch (settings.Output)
            {
                case OutputKind.JsonLines: return new JsonLinesFileSink(settings.OutputPath!);
                default: return new StderrTextSink();
            }
        }
    }
}
