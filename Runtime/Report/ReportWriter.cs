using System;
using System.Collections.Generic;
using System.Threading;

namespace NonBlocking.Report
{
    /// <summary>
    /// Writes reports to the text or JSON output on a background thread of its own, so an output that is slow or stalls
    /// (a full pipe, a FIFO nobody reads, a network share) never holds the thread that blocked. The queue is bounded:
    /// when it is full a report is dropped and counted, and the next report written says how many were
    /// (<see cref="IReportSink.Write"/>). At process exit the queue is flushed, for as long as exit allows.
    /// </summary>
    internal sealed class ReportWriter
    {
        private readonly IReportSink _sink;
        private readonly int _capacity;
        private readonly object _gate = new object();
        private readonly Queue<(NonBlockingReport Report, long DroppedBefore)> _queue = new Queue<(NonBlockingReport, long)>();
        private long _dropped;
        private bool _writing;
        private Thread? _thread;

        public ReportWriter(IReportSink sink, int capacity)
        {
            _sink = sink;
            _capacity = Math.Max(1, capacity);
        }

        /// <summary>Reports dropped because the queue was full, since the process started.</summary>
        public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

        private long _droppedTotal;

        /// <summary>Queues a report; never waits for the output.</summary>
        public void Enqueue(NonBlockingReport report)
        {
            lock (_gate)
            {
                if (_queue.Count >= _capacity)
                {
                    _dropped++;
                    Interlocked.Increment(ref _droppedTotal);
                    return;
                }
                _queue.Enqueue((report, _dropped));
                _dropped = 0;
                if (_thread == null)
                {
                    _thread = new Thread(Run) { IsBackground = true, Name = "NonBlocking report writer" };
                    _thread.Start();
                }
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Waits until every queued report is written, or the time is up; false if some are still waiting.</summary>
        public bool Flush(int timeoutMs)
        {
            int deadline = Environment.TickCount + timeoutMs;
            lock (_gate)
            {
                while (_queue.Count > 0 || _writing)
                {
                    int left = deadline - Environment.TickCount;
                    if (left <= 0) return false;
                    Monitor.Wait(_gate, left);
                }
                return true;
            }
        }

        private void Run()
        {
            while (true)
            {
                (NonBlockingReport Report, long DroppedBefore) next;
                lock (_gate)
                {
                    _writing = false;
                    while (_queue.Count == 0)
                    {
                        Monitor.PulseAll(_gate);
                        Monitor.Wait(_gate);
                    }
                    next = _queue.Dequeue();
                    _writing = true;
                }
                try { _sink.Write(next.Report, next.DroppedBefore); }
                catch (Exception e) { WarnOnce(e); }
            }
        }

        private bool _warned;

        private void WarnOnce(Exception e)
        {
            if (_warned) return;
            _warned = true;
            try { Console.Error.WriteLine($"[NonBlocking] cannot write reports ({e.GetType().Name}: {e.Message}); check NONBLOCKING_OUTPUT."); }
            catch { /* nowhere left to say it */ }
        }
    }
}
