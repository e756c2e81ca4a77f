using System;
using System.Collections.Generic;
using System.Linq;
using NonBlocking.Report;

namespace NonBlocking.Tests.Support
{
    /// <summary>Collects in-process reports while alive (see <see cref="BlockingMonitor.SegmentReported"/>).</summary>
    internal sealed class ReportCollector : IDisposable
    {
        private readonly List<SegmentReport> _reports = new List<SegmentReport>();

        public ReportCollector() => BlockingMonitor.SegmentReported += OnReport;

        private void OnReport(SegmentReport r)
        {
            lock (_reports) _reports.Add(r);
        }

        /// <summary>Reports for methods whose display name starts with the prefix.</summary>
        public List<SegmentReport> For(string methodPrefix)
        {
            lock (_reports) return _reports.Where(r => r.Method.StartsWith(methodPrefix, StringComparison.Ordinal)).ToList();
        }

        /// <summary>
        /// Reports for the prefix once at least <paramref name="expected"/> arrived (or the wait ran out). A segment
        /// that completes a task is reported in its probe's finally, which can run after the awaiting code resumed.
        /// For expected == 0 it waits a short settling time so a late report would still be seen.
        /// </summary>
        public List<SegmentReport> WaitFor(string methodPrefix, int expected = 1)
        {
            var deadline = DateTime.UtcNow + (expected == 0 ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(10));
            while (DateTime.UtcNow < deadline)
            {
                var found = For(methodPrefix);
                if (expected > 0 && found.Count >= expected) return found;
                System.Threading.Thread.Sleep(20);
            }
            return For(methodPrefix);
        }

        public void Dispose() => BlockingMonitor.SegmentReported -= OnReport;
    }
}
