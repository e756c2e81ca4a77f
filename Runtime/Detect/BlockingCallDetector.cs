using System;
using System.Runtime.CompilerServices;
using System.Threading;
using NonBlocking.Config;
using NonBlocking.Instrumentation;
using NonBlocking.Report;

namespace NonBlocking.Detect
{
    /// <summary>Cold path of the blocking-call probe: log the call for its segment; in thread-pool mode, report it.</summary>
    internal static class BlockingCallDetector
    {
        /// <summary>
        /// The end probe's compare failed: the call ran past the smallest limit of all woven assemblies, or the clock
        /// was watched (see <see cref="CoarseClock.RawMs"/>). Reading <see cref="CoarseClock.NowMs"/> settles the clock.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void OnCallEnd(long start, BlockingSite site)
        {
            long elapsed = CoarseClock.NowMs - start;
            if (elapsed < site.Module.BlockingCallMinMs) return; // a watched clock, or another assembly's smaller limit
            try
            {
                SegmentLog.ForCurrentThread().PushCall(start, elapsed, site);
                ReportOnThreadPool(site, elapsed);
            }
            catch
            {
                // Never let diagnostics change the behaviour of the code being diagnosed.
            }
            // Test mode is the one exception: failing the awaiting test at the blocking call is its purpose.
            if (Throwing && elapsed >= (RuntimeSettings.Current.ThrowMinMs ?? site.Module.BlockingCallMinMs) && ThreadActivity.InSegment())
                throw new BlockingDetectedException(Describe(site, elapsed));
        }

        private static readonly bool Throwing = RuntimeSettings.Current.Throw && !RuntimeSettings.Current.Disabled;

        /// <summary>Thread-pool mode: a call past the threshold on a pool thread is a report of its own.</summary>
        private static void ReportOnThreadPool(BlockingSite site, long elapsed)
        {
            var module = site.Module;
            var thread = Thread.CurrentThread;
            if (!module.ReportThreadPool || elapsed < module.ThresholdMs || !thread.IsThreadPoolThread) return;
            ReportsInFlight.Begin();
            try
            {
                long suppressed = SiteRateLimit.Admit(ref site.RateLimit, CoarseClock.NowMs);
                var report = new BlockingCallReport(module.AssemblyName, Describe(site, elapsed), module.ThresholdMs,
                    thread.ManagedThreadId, thread.IsThreadPoolThread, DateTime.UtcNow, Math.Max(0, suppressed), System.Diagnostics.Activity.Current);
                ReportPublisher.Publish(report, admitted: suppressed >= 0);
            }
            finally
            {
                ReportsInFlight.End();
            }
        }

        /// <summary><see cref="OnCallEnd(long, BlockingSite)"/> passing a call's result through.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static T OnCallEnd<T>(T result, long start, BlockingSite site)
        {
            OnCallEnd(start, site);
            return result;
        }

        public static BlockingCall Describe(BlockingSite site, long durationMs) =>
            new BlockingCall(site.Api, site.Caller, site.File, site.Line, durationMs, site.Alternative);
    }
}
