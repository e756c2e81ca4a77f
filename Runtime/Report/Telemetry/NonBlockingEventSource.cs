using System.Diagnostics.Tracing;
using System.Threading;

namespace NonBlocking.Report.Telemetry
{
    /// <summary>
    /// The <c>NonBlocking</c> event source, for <c>dotnet-trace</c>, <c>dotnet-counters</c> and any
    /// <see cref="EventListener"/>. Events are written only from the cold path (a report), and only while a
    /// listener has the source enabled; counters are created when one asks for them.
    /// </summary>
    [EventSource(Name = SourceName)]
    internal sealed class NonBlockingEventSource : EventSource
    {
        public const string SourceName = "NonBlocking";
        public static readonly NonBlockingEventSource Log = new NonBlockingEventSource();

        private long _segments, _calls, _hangs, _worstSinceLastPoll;
#if NET
        private DiagnosticCounter[]? _counters;
#endif

        private NonBlockingEventSource() : base(EventSourceSettings.EtwSelfDescribingEventFormat) { }

        /// <summary>Nothing: calling it makes sure the source has been created.</summary>
        [NonEvent]
        public void Touch() { }

        [NonEvent]
        public void CountSegment(long durationMs)
        {
            Interlocked.Increment(ref _segments);
            long worst;
            while (durationMs > (worst = Interlocked.Read(ref _worstSinceLastPoll)))
                if (Interlocked.CompareExchange(ref _worstSinceLastPoll, durationMs, worst) == worst) break;
        }

        [NonEvent]
        public void CountCall() => Interlocked.Increment(ref _calls);

        [NonEvent]
        public void CountHang() => Interlocked.Increment(ref _hangs);

        /// <summary>An async segment held its thread past the threshold (one per <see cref="SegmentReport"/>).</summary>
        /// <remarks>
        /// Version 1 added TraceId and SpanId (W3C, of <c>Activity.Current</c>; empty when there was none); version 2,
        /// CallKind (<see cref="NonBlocking.Report.BlockingCall.Kind"/> of the call named in Api, or empty).
        /// </remarks>
        [Event(1, Level = EventLevel.Warning, Version = 2, Message = "{1} blocked its thread for {6} ms (self {7} ms) between {2}:{3} and {4}:{5}")]
        public void BlockingSegment(string Assembly, string Method, string FromFile, int FromLine, string ToFile, int ToLine,
            long DurationMs, long SelfMs, long ThresholdMs, string Api, string Caller, string CallFile, int CallLine, string TraceId, string SpanId,
            string CallKind)
        {
            WriteEvent(1, Assembly, Method, FromFile, FromLine, ToFile, ToLine, DurationMs, SelfMs, ThresholdMs, Api, Caller, CallFile, CallLine, TraceId, SpanId, CallKind);
        }

        /// <summary>
        /// A call that held the thread long enough to matter, inside a reported segment or on its own: a catalogued blocking
        /// call, or an async call that completed synchronously (Kind).
        /// </summary>
        /// <remarks>Version 1 added TraceId and SpanId, as for <see cref="BlockingSegment"/>; version 2, Kind.</remarks>
        [Event(2, Level = EventLevel.Warning, Version = 2, Message = "{1} in {2} at {3}:{4} blocked for {5} ms")]
        public void BlockingCall(string Assembly, string Api, string Caller, string File, int Line, long DurationMs, string Alternative, string TraceId, string SpanId,
            string Kind)
        {
            WriteEvent(2, Assembly, Api, Caller, File, Line, DurationMs, Alternative, TraceId, SpanId, Kind);
        }

        /// <summary>A segment still running past the hang threshold, reported while it runs.</summary>
        /// <remarks>Version 1 added CallKind (of the call in progress, or empty).</remarks>
        [Event(3, Level = EventLevel.Error, Version = 1, Message = "{1} has held thread {10} for {4} ms and is still running")]
        public void Hang(string Assembly, string Method, string FromFile, int FromLine, long RunningMs, long HangThresholdMs,
            string Api, string Caller, string CallFile, int CallLine, int ThreadId, string CallKind)
        {
            WriteEvent(3, Assembly, Method, FromFile, FromLine, RunningMs, HangThresholdMs, Api, Caller, CallFile, CallLine, ThreadId, CallKind);
        }

#if NET
        protected override void OnEventCommand(EventCommandEventArgs command)
        {
            if (command.Command != EventCommand.Enable || _counters != null) return;
            _counters = new DiagnosticCounter[]
            {
                new IncrementingPollingCounter("segments-over-threshold", this, () => Interlocked.Read(ref _segments))
                    { DisplayName = "Blocking segments over threshold", DisplayRateTimeScale = System.TimeSpan.FromSeconds(1) },
                new PollingCounter("worst-segment-ms", this, () => Interlocked.Exchange(ref _worstSinceLastPoll, 0))
                    { DisplayName = "Worst blocking segment since last update", DisplayUnits = "ms" },
                new IncrementingPollingCounter("blocking-calls", this, () => Interlocked.Read(ref _calls))
                    { DisplayName = "Slow blocking calls", DisplayRateTimeScale = System.TimeSpan.FromSeconds(1) },
                new IncrementingPollingCounter("hangs", this, () => Interlocked.Read(ref _hangs))
                    { DisplayName = "Hangs detected", DisplayRateTimeScale = System.TimeSpan.FromSeconds(1) },
            };
        }
#endif
    }
}
