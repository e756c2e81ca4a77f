using System;

namespace NonBlocking.Report.Telemetry
{
    /// <summary>
    /// Hands a report to the EventSource, the Meter and the current trace (see <see cref="ReportPublisher.Publish"/>).
    /// It runs on the thread that blocked, in the request's execution context, so the Meter's measurements carry the
    /// request's trace for OpenTelemetry's exemplars.
    /// </summary>
    internal static class Telemetry
    {
        public static void Observe(NonBlockingReport report)
        {
            try
            {
                var log = NonBlockingEventSource.Log;
                bool events = log.IsEnabled();
                switch (report)
                {
                    case SegmentReport segment:
                        log.CountSegment(segment.DurationMs);
                        NonBlockingMetrics.Segment(segment);
                        if (events)
                        {
                            var top = segment.BlockingCalls.Count > 0 ? segment.BlockingCalls[0] : null;
                            log.BlockingSegment(segment.Assembly, segment.Method, segment.From.File ?? "", segment.From.Line,
                                segment.To.File ?? "", segment.To.Line, segment.DurationMs, segment.SelfMs, segment.ThresholdMs,
                                top?.Api ?? "", top?.Caller ?? "", top?.File ?? "", top?.Line ?? 0, segment.TraceId ?? "", segment.SpanId ?? "",
                                top?.Kind ?? "");
                        }
                        foreach (var call in segment.BlockingCalls) Call(log, events, segment, call);
                        TraceEvent.Add(segment);
                        break;
                    case BlockingCallReport blocking:
                        NonBlockingMetrics.Event(blocking, blocking.Call.Caller);
                        Call(log, events, blocking, blocking.Call);
                        TraceEvent.Add(blocking);
                        break;
                    case HangReport hang:
                        log.CountHang();
                        NonBlockingMetrics.Event(hang, hang.Method);
                        if (events)
                            log.Hang(hang.Assembly, hang.Method, hang.From.File ?? "", hang.From.Line, hang.RunningMs, hang.HangThresholdMs,
                                hang.BlockingCall?.Api ?? "", hang.BlockingCall?.Caller ?? "", hang.BlockingCall?.File ?? "",
                                hang.BlockingCall?.Line ?? 0, hang.ThreadId, hang.BlockingCall?.Kind ?? "");
                        break;
                }
            }
            catch (Exception)
            {
                // A listener's failure must not reach the woven code.
            }
        }

        private static void Call(NonBlockingEventSource log, bool events, NonBlockingReport report, BlockingCall call)
        {
            log.CountCall();
            if (events) log.BlockingCall(report.Assembly, call.Api, call.Caller, call.File ?? "", call.Line, call.DurationMs, call.Alternative,
                report.TraceId ?? "", report.SpanId ?? "", call.Kind);
        }
    }
}
