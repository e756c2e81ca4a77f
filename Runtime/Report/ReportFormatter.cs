using System.Globalization;
using System.Text;

namespace NonBlocking.Report
{
    /// <summary>The two on-the-wire forms of a report: human text and one JSON object per line.</summary>
    internal static class ReportFormatter
    {
        public static string ToText(SegmentReport r)
        {
            var sb = new StringBuilder();
            if (r.SuppressedBefore > 0)
                sb.Append("[NonBlocking] ").Append(r.SuppressedBefore).Append(" more like this suppressed by the rate limit").AppendLine();
            sb.Append("[NonBlocking] ").Append(r.Method)
              .Append(" blocked thread ").Append(r.ThreadId).Append(r.IsThreadPoolThread ? " (thread pool)" : "")
              .Append(" for ").Append(r.DurationMs).Append(" ms (self ").Append(r.SelfMs)
              .Append(" ms, threshold ").Append(r.ThresholdMs).Append(" ms)").AppendLine();
            sb.Append("    from ").Append(Describe(r.From)).AppendLine();
            sb.Append("    to   ").Append(Describe(r.To)).AppendLine();
            return sb.ToString();
        }

        private static string Describe(SourceLocation l)
        {
            string what = l.Kind switch
            {
                "start" => "method start",
                "end" => "method end",
                "yield" => "yield return",
                _ => "await",
            };
            return l.File == null ? what + " (no line info)" : what.PadRight(13) + l.File + ":" + l.Line.ToString(CultureInfo.InvariantCulture);
        }

        public static string ToJson(SegmentReport r)
        {
            var sb = new StringBuilder(256);
            sb.Append("{\"kind\":\"segment\",\"time\":");
            Str(sb, r.TimeUtc.ToString("o", CultureInfo.InvariantCulture));
            sb.Append(",\"assembly\":"); Str(sb, r.Assembly);
            sb.Append(",\"method\":"); Str(sb, r.Method);
            sb.Append(",\"durationMs\":").Append(r.DurationMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"selfMs\":").Append(r.SelfMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"thresholdMs\":").Append(r.ThresholdMs.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"from\":"); Location(sb, r.From);
            sb.Append(",\"to\":"); Location(sb, r.To);
            sb.Append(",\"thread\":{\"id\":").Append(r.ThreadId.ToString(CultureInfo.InvariantCulture))
              .Append(",\"isThreadPool\":").Append(r.IsThreadPoolThread ? "true" : "false").Append('}');
            sb.Append(",\"suppressed\":").Append(r.SuppressedBefore.ToString(CultureInfo.InvariantCulture));
            sb.Append('}');
            return sb.ToString();
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
