using System;
using Microsoft.Extensions.Logging;
using NonBlocking.Report;

namespace NonBlocking.Logging
{
    /// <summary>Writes each report as one structured entry; the event ids match the NonBlocking EventSource's.</summary>
    internal sealed class ReportLogger : IObserver<NonBlockingReport>
    {
        private static readonly Action<ILogger, string, long, long, string, string, string, Exception?> Segment =
            LoggerMessage.Define<string, long, long, string, string, string>(LogLevel.Warning, new EventId(1, "BlockingSegment"),
                "{Method} blocked its thread for {DurationMs} ms (self {SelfMs} ms) from {From} to {To}; blocked in {Api}");

        private static readonly Action<ILogger, string, string, string?, int, long, string, Exception?> Call =
            LoggerMessage.Define<string, string, string?, int, long, string>(LogLevel.Warning, new EventId(2, "BlockingCall"),
                "{Api} called by {Caller} at {File}:{Line} blocked for {DurationMs} ms; instead: {Alternative}");

        private static readonly Action<ILogger, string, int, long, string, string, Exception?> Hang =
            LoggerMessage.Define<string, int, long, string, string>(LogLevel.Error, new EventId(3, "Hang"),
                "HANG: {Method} has held thread {ThreadId} for {RunningMs} ms and is still running, from {From}; blocked in {Api}");

        private const string NoCall = "(no catalogued call)";
        private readonly ILogger _logger;

        // An async call that ran synchronously is named with its kind, so "blocked in X" is not read as a sync API.
        private static string Named(BlockingCall call) => call.Kind == BlockingCall.Kinds.Blocking ? call.Api : $"{call.Api} ({call.Kind})";

        private static string Where(SourceLocation at) => at.File == null ? at.Kind : $"{at.File}:{at.Line}";

        public ReportLogger(ILogger logger) => _logger = logger;

        public void OnNext(NonBlockingReport report)
        {
            switch (report)
            {
                case SegmentReport s:
                    Segment(_logger, s.Method, s.DurationMs, s.SelfMs, Where(s.From), Where(s.To),
                        s.BlockingCalls.Count > 0 ? Named(s.BlockingCalls[0]) : NoCall, null);
                    break;
                case BlockingCallReport b:
                    Call(_logger, Named(b.Call), b.Call.Caller, b.Call.File, b.Call.Line, b.Call.DurationMs, b.Call.Alternative, null);
                    break;
                case HangReport h:
                    Hang(_logger, h.Method, h.ThreadId, h.RunningMs, Where(h.From), h.BlockingCall == null ? NoCall : Named(h.BlockingCall), null);
                    break;
            }
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }
    }
}
