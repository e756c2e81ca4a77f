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
                    int depth = Math.Min(activity.Depth, ThreadActivity.MaxDepth);
                    if (depth <= 0) continue;
                    long outerStart = activity.Frames[0].Start;
                    var site = SiteIds<AsyncSite>.Get(activity.Frames[depth - 1].SiteId);
                    if (site == null || activity.ReportedHangStart == outerStart) continue;
                    long hangMs = site.Module.HangMs;
                    if (hangMs <= 0 || now - outerStart < hangMs) continue;
                    // Confirm on a second scan: a racy read of another thread's record must not report a hang.
                    if (activity.SuspectedHangStart != outerStart)
                    {
                        activity.SuspectedHangStart = outerStart;
                        continue;
                    }
                    activity.ReportedHangStart = outerStart;
                    Report(activity, site, depth, now - outerStart, hangMs, now);
                }
            }
            catch
            {
                // The watchdog must outlive anything odd it sees.
            }
        }

        private static void Report(ThreadActivity activity, AsyncSite site, int depth, long runningMs, long hangMs, long now)
        {
            long suppressed = ReportPublisher.Admit(now);
            var call = SiteIds<BlockingSite>.Get(activity.CallId);
            var blocking = call == null ? null : BlockingCallDetector.Describe(call, now - activity.CallStart);
            var report = new HangReport(site.Module.AssemblyName, site.Method, runningMs, hangMs,
                site.LocateEntry(activity.Frames[depth - 1].EntryState), blocking, activity.Thread.ManagedThreadId,
                activity.Thread.IsThreadPoolThread, DateTime.UtcNow, Math.Max(0, suppressed));
            ReportPublisher.Publish(report, admitted: suppressed >= 0);
        }
    }
}
