using System;

namespace NonBlocking.Report
{
    /// <summary>
    /// A long blocking call on a thread-pool thread, reported on its own (thread-pool mode,
    /// <c>NONBLOCKING_REPORT_THREADPOOL=1</c>) whether or not an async segment was running.
    /// </summary>
    public sealed class BlockingCallReport : NonBlockingReport
    {
        internal BlockingCallReport(string assembly, BlockingCall call, long thresholdMs, int threadId, bool isThreadPool, DateTime timeUtc, long suppressedBefore,
            System.Diagnostics.Activity? activity = null)
            : base(assembly, threadId, isThreadPool, timeUtc, suppressedBefore, activity)
        {
            Call = call;
            ThresholdMs = thresholdMs;
        }

        /// <inheritdoc />
        public override string Kind => "blocking";

        /// <summary>The call.</summary>
        public BlockingCall Call { get; }

        /// <summary>The threshold in force for this assembly.</summary>
        public long ThresholdMs { get; }
    }
}
