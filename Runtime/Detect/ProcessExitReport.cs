using System;
using System.Threading;
using NonBlocking.Config;
using NonBlocking.Instrumentation;
using NonBlocking.Report;

namespace NonBlocking.Detect
{
    /// <summary>
    /// What must still be said when the process exits: reports other threads are writing (a segment that suspended is
    /// reported after its continuation may already have ended the program), with the hang watchdog's tracking on,
    /// segments still running past their threshold, which would never reach their end probe, and the reports the
    /// background writer has not written yet.
    /// </summary>
    internal static class ProcessExitReport
    {
        /// <summary>How long exit waits for reports being written; it waits only when there are some.</summary>
        private const int InFlightWaitMs = 2000;

        private static int _hooked;

        /// <summary>Once per process, from the first woven assembly to register.</summary>
        public static void Hook()
        {
            if (Interlocked.Exchange(ref _hooked, 1) != 0) return;
            try
            {
                AppDomain.CurrentDomain.ProcessExit += (_, __) => OnExit();
                // The cold path compiled now, on a background thread, so that a report started just before exit is not
                // still waiting for the JIT when the process goes.
                ThreadPool.UnsafeQueueUserWorkItem(_ => Prepare(), null);
            }
            catch
            {
                // A host that refuses the handler loses only reports made at exit.
            }
        }

        private static void OnExit()
        {
            try
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                ReportsInFlight.WaitForAll(InFlightWaitMs);
                if (RuntimeSettings.Current.HangTracking) HangWatchdog.ReportRunningAtExit(CoarseClock.PreciseNowMs());
                // Then what the background writer still holds, within the same budget.
                ReportPublisher.Flush((int)Math.Max(0, InFlightWaitMs - watch.ElapsedMilliseconds));
            }
            catch
            {
                // Exit must go on whatever happens here.
            }
        }

        private static void Prepare()
        {
            try
            {
                foreach (var type in new[] { typeof(SegmentDetector), typeof(BlockingCallDetector), typeof(NonBlocking.Report.ReportPublisher), typeof(NonBlocking.Report.ReportFormatter) })
                    foreach (var method in type.GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
                        if (!method.IsGenericMethodDefinition && !method.IsAbstract)
                            System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
            catch
            {
                // Only a head start.
            }
        }
    }
}
