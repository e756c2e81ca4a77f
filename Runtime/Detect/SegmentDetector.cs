using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NonBlocking.Instrumentation;
using NonBlocking.Report;

namespace NonBlocking.Detect
{
    /// <summary>Cold path of the segment probe: works out self time and decides whether to report.</summary>
    internal static class SegmentDetector
    {
        /// <summary>
        /// The end probe's compare failed: the segment ran past the smallest threshold of all woven assemblies, or the
        /// clock was watched (see <see cref="CoarseClock.RawMs"/>). Reading <see cref="CoarseClock.NowMs"/> settles the clock.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static void OnSegmentEnd(long start, AsyncSite site, int entryState, int exitState)
        {
            long elapsed = CoarseClock.NowMs - start;
            long threshold = site.Module.ThresholdMs;
            if (elapsed < threshold) return; // a watched clock, or another assembly's smaller threshold
            ReportsInFlight.Begin();
            SegmentLog? log = null;
            try
            {
                log = SegmentLog.ForCurrentThread();
                long nested = log.PopNestedSince(start);
                log.Push(start, elapsed);
                var calls = log.TakeCallsSince(start);
                long self = Math.Max(0, elapsed - nested);
                if (self < threshold) return; // its time is already reported by the segments nested in it

                long suppressed = SiteRateLimit.Admit(ref site.RateLimit, CoarseClock.NowMs);
                var thread = Thread.CurrentThread;
                var report = new SegmentReport(site.Module.AssemblyName, site.Method, elapsed, self, threshold,
                    site.LocateEntry(entryState), site.LocateExit(exitState), ToReport(calls),
                    thread.ManagedThreadId, thread.IsThreadPoolThread, DateTime.UtcNow, Math.Max(0, suppressed), System.Diagnostics.Activity.Current);
                ReportPublisher.Publish(report, admitted: suppressed >= 0);
            }
            catch
            {
                // Never let diagnostics change the behaviour of the code being diagnosed.
            }
            finally
            {
                log?.ExtendLast(start, CoarseClock.NowMs - start);
                ReportsInFlight.End();
            }
        }

        private static IReadOnlyList<BlockingCall> ToReport(List<(long Duration, BlockingSite Site)> calls) =>
            calls.OrderByDescending(c => c.Duration).Select(c => BlockingCallDetector.Describe(c.Site, c.Duration)).ToList();
    }
}
