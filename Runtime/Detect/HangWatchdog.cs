using System;
using NonBlocking.Instrumentation;
using NonBlocking.Report;

namespace NonBlocking.Detect
{
    /// <summary>
    /// Runs on the clock's ticker thread: finds threads whose outermost open segment has been running longer than
    /// the hang threshold and reports each such segment once, while it is still running (a deadlock never ends,
    /// so waiting for the segment's end would report nothing).
    /// </summary>
    internal static class HangWatchdog
    {
        public static void Scan(long now)
        {
            try
            {
                foreach (var activity in ThreadActivity.Snapshot())
                {
                    if (!Unreported(activity, out long outerStart, out var site, out int inner)) continue;
                    long hangMs = site.Module.HangMs;
                    if (hangMs <= 0 || now - outerStart < hangMs) continue;
                    // Confirm on a second scan: a racy read of another thread's record must not report a hang.
                    if (activity.SuspectedHangStart != outerStart)
                    {
                        activity.SuspectedHangStart = outerStart;
                        continue;
                    }
                    activity.ReportedHangStart = outerStart;
                    Report(activity, site, inner, now - outerStart, hangMs, now);
                }
            }
            catch
            {
                // The watchdog must outlive anything odd it sees.
            }
        }

        /// <summary>
        /// At process exit: segments still running past their threshold would never reach their end probe, so they
        /// are reported now, as running at exit (once: not those already reported as hangs).
        /// </summary>
        public static void ReportRunningAtExit(long now)
        {
            try
            {
                foreach (var activity in ThreadActivity.Snapshot())
                {
                    if (!Unreported(activity, out long outerStart, out var site, out int inner)) continue;
                    long threshold = site.Module.ThresholdMs;
                    if (now - outerStart < threshold) continue;
                    activity.ReportedHangStart = outerStart;
                    Report(activity, site, inner, now - outerStart, threshold, now, atExit: true);
                }
            }
            catch
            {
                // Exit must go on whatever happens here.
            }
        }

        /// <summary>The thread's open segments, when it has some not yet reported: when they began, the innermost's site and frame.</summary>
        private static bool Unreported(ThreadActivity activity, out long outerStart, out AsyncSite site, out int inner)
        {
            outerStart = 0;
            site = null!;
            if (!activity.OpenFrames(out int outer, out inner)) return false;
            outerStart = activity.Frames[outer].Start;
            site = SiteIds<AsyncSite>.Get(activity.Frames[inner].SiteId)!;
            return site != null && activity.ReportedHangStart != outerStart;
        }

        private static void Report(ThreadActivity activity, AsyncSite site, int inner, long runningMs, long hangMs, long now, bool atExit = false)
        {
            ReportsInFlight.Begin();
            try
            {
                Publish(activity, site, inner, runningMs, hangMs, now, atExit);
            }
            finally
            {
                ReportsInFlight.End();
            }
        }

        private static void Publish(ThreadActivity activity, AsyncSite site, int inner, long runningMs, long hangMs, long now, bool atExit)
        {
            long suppressed = ReportPublisher.Admit(now);
            var call = SiteIds<BlockingSite>.Get(activity.CallId);
            var blocking = call == null ? null : BlockingCallDetector.DescribeRunning(call, now - activity.CallStart);
            var report = new HangReport(site.Module.AssemblyName, site.Method, runningMs, hangMs,
                site.LocateEntry(activity.Frames[inner].EntryState), blocking, activity.Thread.ManagedThreadId,
                activity.Thread.IsThreadPoolThread, DateTime.UtcNow, Math.Max(0, suppressed), atExit);
            ReportPublisher.Publish(report, admitted: suppressed >= 0);
        }
    }
}
