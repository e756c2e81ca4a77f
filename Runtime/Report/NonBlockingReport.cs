using System;
using System.Diagnostics;

namespace NonBlocking.Report
{
    /// <summary>What every report has: where and when, and how many like it the rate limit dropped before it.</summary>
    public abstract class NonBlockingReport
    {
        private protected NonBlockingReport(string assembly, int threadId, bool isThreadPool, DateTime timeUtc, long suppressedBefore,
            Activity? activity = null)
        {
            // Only W3C ids can be matched to a trace in Jaeger, Tempo, Zipkin or Application Insights.
            if (activity != null && activity.IdFormat == ActivityIdFormat.W3C)
            {
                TraceId = activity.TraceId.ToHexString();
                SpanId = activity.SpanId.ToHexString();
            }
            Assembly = assembly;
            ThreadId = threadId;
            IsThreadPoolThread = isThreadPool;
            TimeUtc = timeUtc;
            SuppressedBefore = suppressedBefore;
        }

        /// <summary>The JSON <c>kind</c>: <c>segment</c> or <c>blocking</c>.</summary>
        public abstract string Kind { get; }

        /// <summary>Simple name of the woven assembly.</summary>
        public string Assembly { get; }

        /// <summary>Managed id of the thread that was held.</summary>
        public int ThreadId { get; }

        /// <summary>Whether that thread belongs to the thread pool.</summary>
        public bool IsThreadPoolThread { get; }

        /// <summary>When the blocking ended.</summary>
        public DateTime TimeUtc { get; }

        /// <summary>
        /// The W3C trace id of <see cref="Activity.Current"/> on the blocked thread when the blocking ended (the request's
        /// trace, with ASP.NET Core and OpenTelemetry); null when there was none. Hang reports, made by the watchdog
        /// while the thread is still held, have none.
        /// </summary>
        public string? TraceId { get; }

        /// <summary>The span id of that activity (the span the blocking happened in), or null.</summary>
        public string? SpanId { get; }

        /// <summary>How many reports the rate limit dropped since the previous one that was published.</summary>
        public long SuppressedBefore { get; }

        /// <inheritdoc />
        public override string ToString() => ReportFormatter.ToText(this);
    }
}
