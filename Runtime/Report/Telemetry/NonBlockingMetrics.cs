using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace NonBlocking.Report.Telemetry
{
    /// <summary>
    /// The <c>NonBlocking</c> meter: what OpenTelemetry exports after <c>AddMeter("NonBlocking")</c>. Instruments
    /// are recorded from the cold path only; with no listener a record is a no-op.
    /// </summary>
    internal static class NonBlockingMetrics
    {
        public const string MeterName = "NonBlocking";
        private static readonly Meter Meter = new Meter(MeterName, typeof(NonBlockingMetrics).Assembly.GetName().Version?.ToString());

        private static readonly Histogram<double> SegmentDuration = Meter.CreateHistogram<double>(
            "nonblocking.segment.duration", "ms", "How long async segments held their thread, for segments over the threshold.");

        private static readonly Counter<long> Events = Meter.CreateCounter<long>(
            "nonblocking.blocking.events", "{event}", "Blocking events: segments over the threshold, slow blocking calls on their own, hangs.");

        public static void Segment(SegmentReport report)
        {
            var method = new KeyValuePair<string, object?>("method", MethodTags.Of(report.Method));
            var assembly = new KeyValuePair<string, object?>("assembly", report.Assembly);
            SegmentDuration.Record(report.DurationMs, method, assembly);
            Events.Add(1, method, assembly, new KeyValuePair<string, object?>("kind", report.Kind));
        }

        public static void Event(NonBlockingReport report, string method) =>
            Events.Add(1, new KeyValuePair<string, object?>("method", MethodTags.Of(method)),
                new KeyValuePair<string, object?>("assembly", report.Assembly), new KeyValuePair<string, object?>("kind", report.Kind));
    }
}
