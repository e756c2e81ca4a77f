using System.Diagnostics;
using System.Globalization;

namespace NonBlocking.Report.Telemetry
{
    /// <summary>
    /// The blocking as an <see cref="ActivityEvent"/> named <c>nonblocking.blocked</c> on the span it happened in, so a
    /// trace viewer (Jaeger, Tempo, Zipkin, Application Insights) shows it inside the request. Added on the blocked
    /// thread, only to an activity that records (sampled in), and only to the one the report names.
    /// </summary>
    internal static class TraceEvent
    {
        public const string Name = "nonblocking.blocked";

        public static void Add(SegmentReport segment)
        {
            var activity = Recording(segment);
            if (activity == null) return;
            var tags = new ActivityTagsCollection
            {
                ["nonblocking.method"] = segment.Method,
                ["nonblocking.duration_ms"] = segment.DurationMs,
                ["nonblocking.self_ms"] = segment.SelfMs,
                ["nonblocking.threshold_ms"] = segment.ThresholdMs,
                ["nonblocking.from"] = Where(segment.From.File, segment.From.Line),
                ["nonblocking.to"] = Where(segment.To.File, segment.To.Line),
            };
            if (segment.BlockingCalls.Count > 0) AddCall(tags, segment.BlockingCalls[0]);
            activity.AddEvent(new ActivityEvent(Name, segment.TimeUtc, tags));
        }

        public static void Add(BlockingCallReport blocking)
        {
            var activity = Recording(blocking);
            if (activity == null) return;
            var tags = new ActivityTagsCollection
            {
                ["nonblocking.method"] = blocking.Call.Caller,
                ["nonblocking.duration_ms"] = blocking.Call.DurationMs,
                ["nonblocking.threshold_ms"] = blocking.ThresholdMs,
            };
            AddCall(tags, blocking.Call);
            activity.AddEvent(new ActivityEvent(Name, blocking.TimeUtc, tags));
        }

        private static Activity? Recording(NonBlockingReport report)
        {
            var activity = Activity.Current;
            return activity != null && activity.IsAllDataRequested && report.SpanId != null &&
                   activity.SpanId.ToHexString() == report.SpanId ? activity : null;
        }

        private static void AddCall(ActivityTagsCollection tags, BlockingCall call)
        {
            tags["nonblocking.call.kind"] = call.Kind;
            tags["nonblocking.call.api"] = call.Api;
            tags["nonblocking.call.caller"] = call.Caller;
            tags["nonblocking.call.site"] = Where(call.File, call.Line);
            tags["nonblocking.call.duration_ms"] = call.DurationMs;
        }

        private static string Where(string? file, int line) =>
            file == null ? "" : file + ":" + line.ToString(CultureInfo.InvariantCulture);
    }
}
