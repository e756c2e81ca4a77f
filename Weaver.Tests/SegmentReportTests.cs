using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NonBlocking.Report;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>Reports cross-talk through the process-wide BlockingMonitor, so these run one at a time.</summary>
    [CollectionDefinition("reports", DisableParallelization = true)]
    public class ReportsCollection { }

    /// <summary>Weaves AsyncShapes (Release), runs the blocking scenarios in-process and reads the reports.</summary>
    [Collection("reports")]
    public sealed class SegmentReportTests : IDisposable
    {
        private const int Threshold = 150;
        private const int Block = 600;
        private const string Source = "TestAssemblies/AsyncShapes/Blocking.cs";
        private readonly IsolatedLoad _woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Threshold));
        private readonly ReportCollector _reports = new ReportCollector();

        public void Dispose()
        {
            _reports.Dispose();
            _woven.Dispose();
        }

        private Task Run(string method, params object[] args) =>
            (Task)_woven.Type("AsyncShapes.Blocking").GetMethod(method)!.Invoke(null, args)!;

        [Fact]
        public async Task Blocking_segment_is_named_with_its_start_and_the_await_it_stopped_at()
        {
            await Run("SleepThenAwait", Block);

            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.SleepThenAwait"));
            Assert.Equal("AsyncShapes.Blocking.SleepThenAwait(int)", r.Method);
            Assert.Equal("AsyncShapes", r.Assembly);
            Assert.Equal("start", r.From.Kind);
            Assert.True(r.From.Line > 0 && r.From.Line <= SourceMarkers.Line(Source, "sleep-then-await:sleep"), $"from line {r.From.Line}");
            Assert.Equal("await", r.To.Kind);
            Assert.Equal(SourceMarkers.Line(Source, "sleep-then-await:await"), r.To.Line);
            Assert.EndsWith("Blocking.cs", r.To.File);
            Assert.InRange(r.DurationMs, Block - 20, Block + 1000);
            Assert.Equal(r.DurationMs, r.SelfMs);
            Assert.Equal(Threshold, r.ThresholdMs);
        }

        [Fact]
        public async Task Segment_between_two_awaits_names_both()
        {
            await Run("BetweenAwaits", Block);

            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.BetweenAwaits"));
            Assert.Equal(("await", SourceMarkers.Line(Source, "between:first")), (r.From.Kind, r.From.Line));
            Assert.Equal(("await", SourceMarkers.Line(Source, "between:second")), (r.To.Kind, r.To.Line));
        }

        [Fact]
        public async Task Each_await_is_named_with_its_own_file_when_a_method_spans_two()
        {
            await Run("AcrossFiles", Block);

            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.AcrossFiles"));
            Assert.Equal(("await", SourceMarkers.Line(Source, "across:first")), (r.From.Kind, r.From.Line));
            Assert.EndsWith("Blocking.cs", r.From.File);
            Assert.Equal(("await", 40), (r.To.Kind, r.To.Line));
            Assert.EndsWith("Template.razor", r.To.File);
        }

        [Fact]
        public async Task Nested_segment_is_reported_once_and_not_counted_in_the_outer_self_time()
        {
            await Run("Outer", Block);

            var inner = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.Inner"));
            var outer = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.Outer("));
            Assert.InRange(inner.DurationMs, Block - 20, Block + 1000);
            Assert.InRange(outer.DurationMs, 2 * Block - 40, 2 * Block + 1000);
            Assert.InRange(outer.SelfMs, Block - 40, Block + 500);
            // Self time leaves out the nested segment and the making of its report (its cold path, which is not in
            // inner.DurationMs either): a few ms at most, more for the first report of a process (the writer starts).
            Assert.InRange(outer.DurationMs - inner.DurationMs - outer.SelfMs, 0, 25);
            Assert.Equal(inner.ThreadId, outer.ThreadId);
            Assert.Equal(SourceMarkers.Line(Source, "outer:await"), outer.To.Line);
        }

        [Fact]
        public async Task Outer_segment_whose_own_time_is_short_is_not_reported()
        {
            await Run("OuterOnlyNests", Block);

            Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.Inner"));
            Assert.Empty(_reports.WaitFor("AsyncShapes.Blocking.OuterOnlyNests", 0));
        }

        [Fact]
        public async Task Offloaded_and_quick_work_is_silent()
        {
            await Run("Offloaded", Block);
            await Run("Quick");

            Assert.Empty(_reports.WaitFor("AsyncShapes.Blocking.Offloaded", 0));
            Assert.Empty(_reports.WaitFor("AsyncShapes.Blocking.Quick", 0));
        }

        [Fact]
        public async Task Exception_after_blocking_is_preserved_and_the_segment_ends_at_method_end()
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Run("BlockThenThrow", Block));
            Assert.Equal("after block", e.Message);

            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.BlockThenThrow"));
            Assert.Equal(SourceMarkers.Line(Source, "block-then-throw:await"), r.From.Line);
            Assert.Equal("end", r.To.Kind);
        }

        [Fact]
        public async Task Async_iterator_segment_runs_between_two_yield_returns()
        {
            var method = _woven.Type("AsyncShapes.Blocking").GetMethod("BlockingIterator")!;
            var items = (IAsyncEnumerable<int>)method.Invoke(null, new object[] { Block })!;
            var seen = new List<int>();
            await foreach (var i in items) seen.Add(i);
            Assert.Equal(new[] { 1, 2 }, seen);

            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.BlockingIterator"));
            Assert.Equal(("yield", SourceMarkers.Line(Source, "iterator:first")), (r.From.Kind, r.From.Line));
            Assert.Equal(("yield", SourceMarkers.Line(Source, "iterator:second")), (r.To.Kind, r.To.Line));
        }

        [Fact]
        public async Task Generic_async_method_is_named_with_its_type_parameters()
        {
            var method = _woven.Type("AsyncShapes.Blocking").GetMethod("GenericBlocking")!.MakeGenericMethod(typeof(string));
            await (Task<int>)method.Invoke(null, new object[] { "x", Block })!;

            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.GenericBlocking"));
            Assert.Equal("AsyncShapes.Blocking.GenericBlocking<T>(T, int)", r.Method);
        }

        [Fact]
        public async Task Segment_that_completes_its_method_ends_before_the_callers_inline_continuation()
        {
            var order = new List<string>();
            void OnReport(SegmentReport r) { lock (order) order.Add("report " + r.Method); }
            BlockingMonitor.SegmentReported += OnReport;
            try
            {
                // Off xunit's SynchronizationContext, so that A's completion runs Main's continuation inline.
                await Task.Run(() => Run("InlineMain", Block, order));
            }
            finally
            {
                BlockingMonitor.SegmentReported -= OnReport;
            }

            var a = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.InlineA"));
            var b = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.InlineB"));
            Assert.Empty(_reports.WaitFor("AsyncShapes.Blocking.InlineMain", 0));
            // A's own time only: without the fix it held Main's continuation and B's sleep too (2 × Block).
            Assert.InRange(a.DurationMs, Block - 20, Block + 300);
            Assert.Equal(a.DurationMs, a.SelfMs);
            Assert.Equal(("await", SourceMarkers.Line(Source, "inline-a:yield")), (a.From.Kind, a.From.Line));
            Assert.Equal("end", a.To.Kind);
            Assert.Equal(SourceMarkers.Line(Source, "inline-a:sleep"), Assert.Single(a.BlockingCalls).Line);
            Assert.InRange(b.DurationMs, Block - 20, Block + 300);
            Assert.Equal(SourceMarkers.Line(Source, "inline-b:sleep"), Assert.Single(b.BlockingCalls).Line);
            // A was reported before Main went on, B before Main finished.
            Assert.Equal(new[] { "report AsyncShapes.Blocking.InlineA(int, List<string>)", "main resumed",
                "report AsyncShapes.Blocking.InlineB(int, List<string>)", "done" }, order);
        }

        [Fact]
        public async Task Report_renders_as_text_naming_method_lines_and_times()
        {
            await Run("SleepThenAwait", Block);
            var r = Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.SleepThenAwait"));
            string text = r.ToString();
            Assert.Contains("AsyncShapes.Blocking.SleepThenAwait(int) blocked thread", text);
            Assert.Contains($"Blocking.cs:{SourceMarkers.Line(Source, "sleep-then-await:await")}", text);
            Assert.Contains($"threshold {Threshold} ms", text);
        }
    }
}
