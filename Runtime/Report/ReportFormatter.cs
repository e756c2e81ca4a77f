using System.Globalization;
using System.Text;

namespace NonBlocking.Report
{
    /// <summary>The two on-the-wire forms of a report: human text and one JSON object per line.</summary>
    internal static class ReportFormatter
    {
        public static string ToText(NonBlockingReport report, long droppedBefore = 0)
        {
            var sb = new StringBuilder();
            if (droppedBefore > 0)
                sb.Append("[NonBlocking] ").Append(droppedBefore).Append(" reports dropped: the report output could not keep up").AppendLine();
            if (report.SuppressedBefore > 0)
                sb.Append("[NonBlocking] ").Append(report.SuppressedBefore).Append(" more like this suppressed by the rate limit").AppendLine();
            if (report is BlockingCallReport c)
            {
                sb.Append("[NonBlocking] thread-pool thread ").Append(c.ThreadId).Append(" blocked for ").Append(c.Call.DurationMs)
                  .Append(" ms outside any async segment (threshold ").Append(c.ThresholdMs).Append(" ms)").AppendLine();
                CallText(sb, c.Call);
                TraceText(sb, c);
                return sb.ToString();
            }
            if (report is HangReport h)
            {
                if (h.AtExit)
                    sb.Append("[NonBlocking] AT EXIT: ").Append(h.Method).Append(" had held thread ").Append(h.ThreadId)
                      .Append(h.IsThreadPoolThread ? " (thread pool)" : "").Append(" for ").Append(h.RunningMs)
                      .Append(" ms and was still running when the process exited (threshold ").Append(h.HangThresholdMs).Append(" ms)").AppendLine();
                else if (h.From.Kind == SourceLocation.Kinds.Call)
                    sb.Append("[NonBlocking] HANG: ").Append(h.Method).Append(" has waited on thread ").Append(h.ThreadId)
                      .Append(h.IsThreadPoolThread ? " (thread pool)" : "").Append(" for ").Append(h.RunningMs)
                      .Append(" ms for a task that has not completed, and is still waiting (hang threshold ").Append(h.HangThresholdMs).Append(" ms)").AppendLine();
                else
                    sb.Append("[NonBlocking] HANG: ").Append(h.Method).Append(" has held thread ").Append(h.ThreadId)
                      .Append(h.IsThreadPoolThread ? " (thread pool)" : "").Append(" for ").Append(h.RunningMs)
                      .Append(" ms and is still running (hang threshold ").Append(h.HangThresholdMs).Append(" ms)").AppendLine();
                sb.Append("    from ").Append(Describe(h.From)).AppendLine();
                if (h.BlockingCall != null) CallText(sb, h.BlockingCall);
                return sb.ToString();
            }
            var r = (SegmentReport)report;
            sb.Append("[NonBlocking] ").Append(r.Method)
              .Append(" blocked thread ").Append(r.ThreadId).Append(r.IsThreadPoolThread ? " (thread pool)" : "")
              .Append(" for ").Append(r.DurationMs).Append(" ms (self ").Append(r.SelfMs)
              .Append(" ms, threshold ").Append(r.ThresholdMs).Append(" ms)").AppendLine();
            sb.Append("    from ").Append(Describe(r.From)).AppendLine();
            sb.Append("    to   ").Append(Describe(r.To)).AppendLine();
            foreach (var call in r.BlockingCalls) CallText(sb, call);
            TraceText(sb, r);
            return sb.ToString();
        }

        private static void TraceText(StringBuilder sb, NonBlockingReport r)
        {
            if (r.TraceId != null) sb.Append("    trace ").Append(r.TraceId).Append(" span ").Append(r.SpanId).AppendLine();
        }

        private static void CallText(StringBuilder sb, BlockingCall call)
        {
            sb.Append("    blocked in ").Append(call.Api).Append(" for ").Append(call.DurationMs).Append(" ms").Append(call.KindNote)
              .Append(", called by ").Append(call.Caller);
            if (call.File != null) sb.Append(" at ").Append(call.File).Append(':').Append(call.Line.ToString(CultureInfo.InvariantCulture));
            sb.AppendLine();
            if (call.Alternative.Length > 0) sb.Append("        instead: ").Append(call.Alternative).AppendLine();
        }

        private static string Describe(SourceLocation l)
        {
            string what = l.Kind switch
            {
                "start" => "method start",
                "end" => "method end",
                "yield" => "yield return",
                SourceLocation.Kinds.Call => "waiting call",
                _ => "await",
            };
            return l.File == null ? what + " (no line info)" : what.PadRight(13) + l.File + ":" + l.Line.ToString(CultureInfo.InvariantCulture);
        }

        public static string ToJson(NonBlockingReport report, long droppedBefore = 0)
        {
            var sb = new StringBuilder(256);
            if (report is BlockingCallReport c)
            {
                Header(sb, c);
                sb.Append(",\"thresholdMs\":").Append(c.ThresholdMs.ToString(CultureInfo.InvariantCulture));
                sb.Append(",\"call\":"); CallJson(sb, c.Call);
                Thread(sb, c, droppedBefore);
                sb.Append('}');
                return sb.ToString();
            }
            if (report is HangReport h)
            {
                Header(sb, h);
                sb.Append(",\"method\":"); Str(sb, h.Method);
                sb.Append(",\"runningMs\":").Append(h.RunningMs.ToString(CultureInfo.InvariantCulture));
                sb.Append(",\"hangThresholdMs\":").Append(h.HangThresholdMs.ToString(CultureInfo.InvariantCulture));
                sb.Append(",\"atExit\":").Append(h.AtExit ? "true" : "false");
                sb.Append(",\"from\":"); Location(sb, h.From);
                sb.Append(",\"call\":");
                if (h.BlockingCall == null) sb.Append("null"); else CallJson(sb, h.BlockingCall);
                Thread(sb, h, droppedBefore);
                sb.Append('}');
                return sb.ToString();
            }
            var r = (SegmentReport)report;
            Header(sb, r);
            sb.Append(",\"method\":"); Str(sb, r.Method);
            sb.Append(",\"durationMs\":").Append(r.DurationMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"selfMs\":").Append(r.SelfMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"thresholdMs\":").Append(r.ThresholdMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"from\":"); Location(sb, r.From);
            sb.Append(",\"to\":"); Location(sb, r.To);
            sb.Append(",\"blocking\":[");
            for (int i = 0; i < r.BlockingCalls.Count; i++)
            {
                if (i > 0) sb.Append(',');
                CallJson(sb, r.BlockingCalls[i]);
            }
            sb.Append(']');
            Thread(sb, r, droppedBefore);
            sb.Append('}');
            return sb.ToString();
        }

        private static void Header(StringBuilder sb, NonBlockingReport r)
        {
            sb.Append("{\"kind\":"); Str(sb, r.Kind);
            sb.Append(",\"time\":"); Str(sb, r.TimeUtc.ToString("o", CultureInfo.InvariantCulture));
            sb.Append(",\"assembly\":"); Str(sb, r.Assembly);
        }

        private static void Thread(StringBuilder sb, NonBlockingReport r, long droppedBefore)
        {
            sb.Append(",\"thread\":{\"id\":").Append(r.ThreadId.ToString(CultureInfo.InvariantCulture))
              .Append(",\"isThreadPool\":").Append(r.IsThreadPoolThread ? "true" : "false").Append('}');
            if (r.TraceId != null)
            {
                sb.Append(",\"traceId\":"); Str(sb, r.TraceId);
                sb.Append(",\"spanId\":"); Str(sb, r.SpanId ?? "");
            }
            sb.Append(",\"suppressed\":").Append(r.SuppressedBefore.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"dropped\":").Append(droppedBefore.ToString(CultureInfo.InvariantCulture));
        }

        private static void CallJson(StringBuilder sb, BlockingCall call)
        {
            sb.Append("{\"kind\":"); Str(sb, call.Kind);
            sb.Append(",\"api\":"); Str(sb, call.Api);
            sb.Append(",\"caller\":"); Str(sb, call.Caller);
            sb.Append(",\"file\":");
            if (call.File == null) sb.Append("null"); else Str(sb, call.File);
            sb.Append(",\"line\":").Append(call.Line.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"durationMs\":").Append(call.DurationMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"alternative\":"); Str(sb, call.Alternative);
            sb.Append('}');
        }

        private static void Location(StringBuilder sb, SourceLocation l)
        {
            sb.Append("{\"kind\":"); Str(sb, l.Kind);
            sb.Append(",\"file\":");
            if (l.File == null) sb.Append("null"); else Str(sb, l.File);
            sb.Append(",\"line\":").Append(l.Line.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        private static void Str(StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
