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
            Log(start, elapsed, site);
        }

        /// <summary>
        /// The end probe of an async call (<see cref="AsyncCalls"/>) found it held the thread past the smallest limit.
        /// It is logged only when it handed back a task already complete: its work ran synchronously. A call that returned
        /// a pending task did its waiting elsewhere. Of its time, what segments of woven code nested in it already reported
        /// and what blocking calls logged inside it already name is theirs: an async call is named for what nothing else
        /// explains (so a call through an interface into the woven module names no second culprit).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void OnAsyncCallEnd(long start, BlockingSite site, bool completed)
        {
            if (!completed) return;
            long elapsed = CoarseClock.NowMs - start;
            if (elapsed < site.Module.BlockingCallMinMs) return;
            long own;
            try
            {
                own = elapsed - SegmentLog.ForCurrentThread().ExplainedSince(start);
            }
            catch
            {
                return;
            }
            if (own < site.Module.BlockingCallMinMs) return;
            Log(start, own, site);
        }

        private static void Log(long start, long elapsed, BlockingSite site)
        {
            try
            {
                var log = SegmentLog.ForCurrentThread();
                log.PushCall(start, elapsed, site);
                ReportOnThreadPool(site, elapsed);
                log.ExtendLastCall(start, CoarseClock.NowMs - start);
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
            new BlockingCall(site.Api, site.Caller, site.File, site.Line, durationMs, site.Alternative, site.Kind);

        /// <summary>A call still running, for the hang watchdog: an async call has not yet said how it completes.</summary>
        public static BlockingCall DescribeRunning(BlockingSite site, long durationMs) =>
            new BlockingCall(site.Api, site.Caller, site.File, site.Line, durationMs, site.Alternative,
                site.Kind == BlockingCall.Kinds.Blocking ? BlockingCall.Kinds.Blocking : BlockingCall.Kinds.AsyncCallRunning);
    }
}
