using System;

namespace NonBlocking.Report
{
    /// <summary>An async segment that is still holding its thread past the hang threshold, reported while it runs.</summary>
    public sealed class HangReport : NonBlockingReport
    {
        internal HangReport(string assembly, string method, long runningMs, long hangThresholdMs, SourceLocation from,
            BlockingCall? call, int threadId, bool isThreadPool, DateTime timeUtc, long suppressedBefore, bool atExit = false)
            : base(assembly, threadId, isThreadPool, timeUtc, suppressedBefore)
        {
            Method = method;
            RunningMs = runningMs;
            HangThresholdMs = hangThresholdMs;
            From = from;
            BlockingCall = call;
            AtExit = atExit;
        }

        /// <inheritdoc />
        public override string Kind => "hang";

        /// <summary>
        /// The innermost async method running on the thread, as written; for a hang found by its wait (the default, with
        /// the watchdog's tracking off: <see cref="From"/> is then the waiting call), the method making the wait.
        /// </summary>
        public string Method { get; }

        /// <summary>How long the thread has been held so far (since its outermost running segment began).</summary>
        public long RunningMs { get; }

        /// <summary>
        /// The hang threshold in force; for a report made at process exit (<see cref="AtExit"/>), the segment threshold.
        /// </summary>
        public long HangThresholdMs { get; }

        /// <summary>
        /// True when the process was exiting while this segment still ran past its threshold: its end would never be
        /// reported, so it is reported as it stands.
        /// </summary>
        public bool AtExit { get; }

        /// <summary>Where the innermost segment began; for a hang found by its wait, the waiting call (kind <c>call</c>).</summary>
        public SourceLocation From { get; }

        /// <summary>The catalogued blocking call the thread is inside, if any (its duration is "so far").</summary>
        public BlockingCall? BlockingCall { get; }
    }
}
