using System;
using System.Collections.Generic;
using System.Threading;
using NonBlocking.Config;
using NonBlocking.Instrumentation;
using NonBlocking.Report;

namespace NonBlocking.Detect
{
    /// <summary>
    /// Stuck process detection that costs nothing per call, on by default. A deadlock of async code is a thread waiting
    /// synchronously on a task that cannot complete: <c>.Result</c>, <c>.Wait()</c> or <c>GetAwaiter().GetResult()</c>
    /// on a thread-pool thread (the pool starves: the continuations that would complete the task need the threads that
    /// wait for it) or under a <see cref="SynchronizationContext"/> (its one thread waits for a continuation posted to
    /// itself). Such a wait goes through <see cref="CompletedWaits"/>, whose fast path is a completed task; only a wait
    /// on a pending task — one about to block — registers here, with two plain stores to its thread's record. The clock's
    /// ticker scans the records and reports a wait still waiting past the hang threshold, once, while it waits. With the
    /// hang watchdog on, its per-segment tracking reports such hangs instead, and nothing registers here.
    /// </summary>
    internal sealed class StuckWaits
    {
        private static readonly bool Enabled = RuntimeSettings.Current.StuckWaits;
        private static readonly object RegistryGate = new object();
        private static readonly List<StuckWaits> Registry = new List<StuckWaits>();
        [ThreadStatic] private static StuckWaits? _current;

        private readonly Thread _thread;
        /// <summary>The waiting call's site (<see cref="SiteIds{T}"/>), or 0 when the thread waits for nothing.</summary>
        private int _siteId;
        private long _start;
        private long _suspectedStart = -1, _reportedStart = -1;

        private StuckWaits(Thread thread) { _thread = thread; }

        /// <summary>
        /// Before a wait on a pending task (<c>using (StuckWaits.Begin(site)) …wait…</c>); registers nothing when such a
        /// wait is no deadlock risk, or detection is off.
        /// </summary>
        public static Waiting Begin(BlockingSite site)
        {
            if (!Enabled) return default;
            try
            {
                var thread = Thread.CurrentThread;
                if (!thread.IsThreadPoolThread && SynchronizationContext.Current == null) return default; // a plain thread waiting, as a console Main does
                var record = _current ?? Create(thread);
                record._start = CoarseClock.NowMs; // reading the clock also wakes its ticker
                Volatile.Write(ref record._siteId, site.Id);
                return new Waiting(record);
            }
            catch
            {
                return default;
            }
        }

        /// <summary>One registered wait; disposing it (however the wait ended) clears the thread's record.</summary>
        public readonly struct Waiting : IDisposable
        {
            private readonly StuckWaits? _record;

            internal Waiting(StuckWaits record) => _record = record;

            public void Dispose()
            {
                if (_record != null) Volatile.Write(ref _record._siteId, 0);
            }
        }

        private static StuckWaits Create(Thread thread)
        {
            var record = new StuckWaits(thread);
            lock (RegistryGate)
            {
                Registry.RemoveAll(r => !r._thread.IsAlive);
                Registry.Add(record);
            }
            return _current = record;
        }

        /// <summary>Whether a thread is waiting now: the ticker stays awake to watch it.</summary>
        public static bool AnyWaiting()
        {
            if (!Enabled) return false;
            lock (RegistryGate)
                foreach (var record in Registry)
                    if (Volatile.Read(ref record._siteId) != 0) return true;
            return false;
        }

        /// <summary>On the ticker thread: reports each wait past its assembly's limit once, confirmed on two scans.</summary>
        public static void Scan(long now)
        {
            if (!Enabled) return;
            try
            {
                StuckWaits[] records;
                lock (RegistryGate) records = Registry.ToArray();
                foreach (var record in records)
                {
                    int id = Volatile.Read(ref record._siteId);
                    if (id == 0) continue;
                    long start = record._start;
                    var site = SiteIds<BlockingSite>.Get(id);
                    long limit = site?.Module.StuckWaitMs ?? 0;
                    if (site == null || limit <= 0 || now - start < limit || record._reportedStart == start) continue;
                    // A racy read of another thread's record must not report: the same wait must be seen twice.
                    if (record._suspectedStart != start)
                    {
                        record._suspectedStart = start;
                        continue;
                    }
                    record._reportedStart = start;
                    Report(record, site, now - start, limit, now);
                }
            }
            catch
            {
                // The ticker must outlive anything odd it sees.
            }
        }

        private static void Report(StuckWaits record, BlockingSite site, long waitingMs, long limit, long now)
        {
            ReportsInFlight.Begin();
            try
            {
                long suppressed = ReportPublisher.Admit(now);
                var report = new HangReport(site.Module.AssemblyName, site.Caller, waitingMs, limit,
                    new SourceLocation(SourceLocation.Kinds.Call, site.File, site.Line), BlockingCallDetector.DescribeRunning(site, waitingMs),
                    record._thread.ManagedThreadId, record._thread.IsThreadPoolThread, DateTime.UtcNow, Math.Max(0, suppressed));
                ReportPublisher.Publish(report, admitted: suppressed >= 0);
            }
            finally
            {
                ReportsInFlight.End();
            }
        }
    }
}
