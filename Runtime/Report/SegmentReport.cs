using System;
using System.Collections.Generic;

namespace NonBlocking.Report
{
    /// <summary>An async segment that held its thread longer than the threshold.</summary>
    public sealed class SegmentReport : NonBlockingReport
    {
        internal SegmentReport(string assembly, string method, long durationMs, long selfMs, long thresholdMs,
            SourceLocation from, SourceLocation to, IReadOnlyList<BlockingCall> blockingCalls,
            int threadId, bool isThreadPool, DateTime timeUtc, long suppressedBefore, System.Diagnostics.Activity? activity = null)
            : base(assembly, threadId, isThreadPool, timeUtc, suppressedBefore, activity)
        {
            Method = method;
            DurationMs = durationMs;
            SelfMs = selfMs;
            ThresholdMs = thresholdMs;
            From = from;
            To = to;
            BlockingCalls = blockingCalls;
        }

        /// <inheritdoc />
        public override string Kind => "segment";

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

        /// <summary>Known blocking calls that ran in this segment (not in segments nested in it), longest first.</summary>
        public IReadOnlyList<BlockingCall> BlockingCalls { get; }
    }
}
