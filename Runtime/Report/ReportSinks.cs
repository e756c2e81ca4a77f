using System;
using System.IO;
using System.Text;

namespace NonBlocking.Report
{
    internal interface IReportSink
    {
        /// <param name="report">The report to write.</param>
        /// <param name="droppedBefore">Reports dropped since the previous one written, because the output could not keep up.</param>
        void Write(NonBlockingReport report, long droppedBefore);
    }

    /// <summary>Default output: readable text on standard error.</summary>
    internal sealed class StderrTextSink : IReportSink
    {
        public void Write(NonBlockingReport report, long droppedBefore) => Console.Error.Write(ReportFormatter.ToText(report, droppedBefore));
    }

    /// <summary><c>NONBLOCKING_OUTPUT=path</c>: one JSON object per line, appended, flushed per report.</summary>
    internal sealed class JsonLinesFileSink : IReportSink
    {
        private readonly string _path;

        public JsonLinesFileSink(string path) { _path = path; }

        public void Write(NonBlockingReport report, long droppedBefore)
        {
            // Open per report: reports are rare (rate-limited), and this lets several processes share one file
            // and a reader see each line as soon as it is written.
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new UTF8Encoding(false).GetBytes(ReportFormatter.ToJson(report, droppedBefore) + "\n");
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
