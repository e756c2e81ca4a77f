using System;
using NonBlocking.Config;

namespace NonBlocking.Report
{
    /// <summary>Sends a finished report to the configured sink and to in-process subscribers, within the rate limit.</summary>
    internal static class ReportPublisher
    {
        private static readonly object Gate = new object();
        private static readonly RateLimiter Limiter = new RateLimiter(RuntimeSettings.Current.MaxReportsPerSecond);
        private static IReportSink? _sink;

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
            lock (Gate)
            {
                try { (_sink ??= CreateSink()).Write(report); }
                catch (Exception e) { WarnOnce(e); }
            }
            BlockingMonitor.Raise(report);
        }

        private static IReportSink CreateSink()
        {
            var settings = RuntimeSettings.Current;
            switch (settings.Output)
            {
                case OutputKind.None: return new NoSink();
                case OutputKind.JsonLines: return new JsonLinesFileSink(settings.OutputPath!);
                default: return new StderrTextSink();
            }
        }

        private static bool _warned;

        private static void WarnOnce(Exception e)
        {
            if (_warned) return;
            _warned = true;
            try { Console.Error.WriteLine($"[NonBlocking] cannot write reports ({e.GetType().Name}: {e.Message}); check NONBLOCKING_OUTPUT."); }
            catch { /* nowhere left to say it */ }
        }
    }
}
