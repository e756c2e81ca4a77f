using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// The operators' outputs, read the way their tools read them: the <c>NonBlocking</c> EventSource through an
    /// <see cref="EventListener"/> (events and counters, as dotnet-trace and dotnet-counters do) and the
    /// <c>NonBlocking</c> Meter through a <see cref="MeterListener"/> (as OpenTelemetry does).
    /// </summary>
    [Collection("reports")]
    public sealed class TelemetryTests : IDisposable
    {
        private const int Threshold = 100;
        private const int Block = 300;
        private readonly IsolatedLoad _woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Threshold));

        public void Dispose() => _woven.Dispose();

        private Task Run(string method, params object[] args) =>
            (Task)_woven.Type("AsyncShapes.Blocking").GetMethod(method)!.Invoke(null, args)!;

        [Fact]
        public async Task EventSource_writes_a_blocking_segment_event_with_its_lines_and_blocking_call()
        {
            using var listener = new NonBlockingListener();
            await Run("SleepThenAwait", Block);

            var segment = listener.WaitFor("BlockingSegment", e => (string)e["Method"] == "AsyncShapes.Blocking.SleepThenAwait(int)");
            Assert.Equal(EventLevel.Warning, segment.Level);
            Assert.Equal("AsyncShapes", segment["Assembly"]);
            Assert.EndsWith("Blocking.cs", (string)segment["FromFile"]);
            Assert.Equal(SourceMarkers.Line("TestAssemblies/AsyncShapes/Blocking.cs", "sleep-then-await:await"), segment["ToLine"]);
            Assert.InRange((long)segment["DurationMs"], Block - 20, Block + 1000);
            Assert.Equal((long)Threshold, segment["ThresholdMs"]);
            Assert.Equal("System.Threading.Thread.Sleep(int)", segment["Api"]);
            Assert.Equal("AsyncShapes.Blocking.SleepThenAwait(int)", segment["Caller"]);
            Assert.Equal(SourceMarkers.Line("TestAssemblies/AsyncShapes/Blocking.cs", "sleep-then-await:sleep"), segment["CallLine"]);

            var call = listener.WaitFor("BlockingCall", e => (string)e["Caller"] == "AsyncShapes.Blocking.SleepThenAwait(int)");
            Assert.Equal("System.Threading.Thread.Sleep(int)", call["Api"]);
            Assert.InRange((long)call["DurationMs"], Block - 20, Block + 1000);
            Assert.Contains("Task.Delay", (string)call["Alternative"]);
        }

        [Fact]
        public async Task A_report_carries_the_current_trace_and_adds_an_event_to_its_span()
        {
            using var source = new SampledSource("NonBlocking.Tests.Trace");
            using var listener = new NonBlockingListener();

            var request = source.Start("request");
            using (request) await Run("SleepThenAwait", Block);

            string trace = request.TraceId.ToHexString(), span = request.SpanId.ToHexString();
            var segment = listener.WaitFor("BlockingSegment", e => (string)e["TraceId"] == trace);
            Assert.Equal(span, segment["SpanId"]);
            Assert.Equal("AsyncShapes.Blocking.SleepThenAwait(int)", segment["Method"]);
            var call = listener.WaitFor("BlockingCall", e => (string)e["TraceId"] == trace);
            Assert.Equal(span, call["SpanId"]);

            var blocked = Assert.Single(request.Events, e => e.Name == "nonblocking.blocked");
            var tags = blocked.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal("AsyncShapes.Blocking.SleepThenAwait(int)", tags["nonblocking.method"]);
            Assert.InRange((long)tags["nonblocking.duration_ms"]!, Block - 20, Block + 1000);
            Assert.InRange((long)tags["nonblocking.self_ms"]!, Block - 20, Block + 1000);
            Assert.EndsWith("Blocking.cs:" + SourceMarkers.Line("TestAssemblies/AsyncShapes/Blocking.cs", "sleep-then-await:await"), (string)tags["nonblocking.to"]!);
            Assert.Equal("System.Threading.Thread.Sleep(int)", tags["nonblocking.call.api"]);
            Assert.EndsWith("Blocking.cs:" + SourceMarkers.Line("TestAssemblies/AsyncShapes/Blocking.cs", "sleep-then-await:sleep"), (string)tags["nonblocking.call.site"]!);

            // Outside any activity: empty ids, as the payload has no nulls.
            await Run("SleepOnly", Block);
            var untraced = listener.WaitFor("BlockingSegment", e => (string)e["Method"] == "AsyncShapes.Blocking.SleepOnly(int)");
            Assert.Equal("", untraced["TraceId"]);
        }

        [Fact]
        public async Task EventSource_counters_count_segments_over_threshold_and_the_worst_one()
        {
            await Run("Quick"); // the event source is there once woven code has run
            using var listener = new NonBlockingListener(counterIntervalSeconds: 1);
            // Increments are counted from the polling's own start: wait for its first payload, then block twice.
            listener.WaitForCounter("segments-over-threshold", _ => true);
            int mark = listener.CountersSeen;
            await Run("SleepThenAwait", Block);
            await Run("SleepOnly", Block + 200);

            // Counters arrive once per interval as EventCounters payloads named by the counter.
            var worst = listener.WaitForCounter("worst-segment-ms", c => Convert.ToDouble(c["Mean"]) >= Block + 200 - 20);
            Assert.Equal("ms", worst["DisplayUnits"]);
            var total = listener.WaitForCounterSum("segments-over-threshold", atLeast: 2, since: mark);
            Assert.Equal(2, total);
            Assert.Contains(listener.CounterNames(), n => n == "blocking-calls");
            Assert.Contains(listener.CounterNames(), n => n == "hangs");
        }

        [Fact]
        public async Task Meter_records_segment_durations_and_counts_events_tagged_by_method()
        {
            var durations = new ConcurrentBag<(double Value, Dictionary<string, object?> Tags)>();
            var events = new ConcurrentBag<(long Value, Dictionary<string, object?> Tags)>();
            var units = new ConcurrentDictionary<string, string?>();
            using var meter = new MeterListener();
            meter.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name != "NonBlocking") return;
                units[instrument.Name] = instrument.Unit;
                l.EnableMeasurementEvents(instrument);
            };
            meter.SetMeasurementEventCallback<double>((i, v, tags, _) =>
            {
                if (i.Name == "nonblocking.segment.duration") durations.Add((v, ToDictionary(tags)));
            });
            meter.SetMeasurementEventCallback<long>((i, v, tags, _) =>
            {
                if (i.Name == "nonblocking.blocking.events") events.Add((v, ToDictionary(tags)));
            });
            meter.Start();

            await Run("SleepThenAwait", Block);
            const string Method = "AsyncShapes.Blocking.SleepThenAwait(int)";
            Poll(() => durations.Any(d => Equals(d.Tags["method"], Method)));

            var duration = durations.First(d => Equals(d.Tags["method"], Method));
            Assert.InRange(duration.Value, Block - 20, Block + 1000);
            Assert.Equal("AsyncShapes", duration.Tags["assembly"]);
            var counted = events.First(e => Equals(e.Tags["method"], Method));
            Assert.Equal(1, counted.Value);
            Assert.Equal("segment", counted.Tags["kind"]);
            Assert.Equal("ms", units["nonblocking.segment.duration"]);
        }

        private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var d = new Dictionary<string, object?>();
            foreach (var t in tags) d[t.Key] = t.Value;
            return d;
        }

        private static void Poll(Func<bool> condition) => NonBlockingListener.Poll(condition);
    }
}
