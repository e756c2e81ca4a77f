using System;

namespace NonBlocking.Report
{
    /// <summary>An async segment that held its thread longer than the threshold.</summary>
    public sealed class SegmentReport
    {
        internal SegmentReport(string assembly, string method, long durationMs, long selfMs, long thresholdMs,
            SourceLocation from, SourceLocation to, int threadId, bool isThreadPool, DateTime timeUtc, long suppressedBefore)
        {
            Assembly = assembly;
            Method = method;
            DurationMs = durationMs;
            SelfMs = selfMs;
            ThresholdMs = thresholdMs;
            From = from;
            To = to;
            ThreadId = threadId;
            IsThreadPoolThread = isThreadPool;
            TimeUtc = timeUtc;
            SuppressedBefore = suppressedBefore;
        }

        /// <summary>Always <c>segment</c> for this type; the JSON <c>kind</c> field.</summary>
        public string Kind => "segment";

        /// <summary>Simple name of the woven assembly.</summary>
        public string Assembly { get; }

        /// <summary>The async method as written, e.g. <c>App.Program.Main(string[])</c>.</summary>
        public string Method { get; }

        /// <summary>Wall time the segment held its thread, nested async segments included.</summary>
        public long DurationMs { get; }

        /// <summary>Duration less the nested async segments that ran synchronously inside it and crossed the threshold.</summary>
        public long SelfMs { get; }

        /// <summary>The threshold in force for this assembly.</summary>
        public long ThresholdMs { get; }

        /// <summary>Where the segment began: method start, or the await it resumed after.</summary>
        public SourceLocation From { get; }

        /// <summary>Where it ended: the await it suspended at, or method end.</summary>
        public SourceLocation To { get; }

        /// <summary>Managed id of the thread that was held.</summary>
        public int ThreadId { get; }

        /// <summary>Whether that thread belongs to the thread pool.</summary>
        public bool IsThreadPoolThread { get; }

        /// <summary>When the segment ended.</summary>
        public DateTime TimeUtc { get; }

        /// <summary>How many reports the rate limit dropped since the previous one that was published.</summary>
        public long SuppressedBefore { get; }

        /// <inheritdoc />
        public override string ToString() => ReportFormatter.ToText(this);
    }
}
