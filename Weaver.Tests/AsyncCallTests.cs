using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NonBlocking.Report;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// A call from an async method into another assembly's async API that did its work synchronously — it held the thread
    /// and handed back a completed task — is named in the segment's report as <c>completed-synchronously</c>, for each of
    /// the four task types; a call whose time a named blocking call explains, a call that returned a pending task, and
    /// calls into the woven module or from opted-out code are not.
    /// </summary>
    [Collection("reports")]
    public class AsyncCallTests : IClassFixture<BlockingCallTests.WovenApis>
    {
        private const string Source = "TestAssemblies/BlockingApis/AsyncCalls.cs";
        private readonly BlockingCallTests.WovenApis _woven;

        public AsyncCallTests(BlockingCallTests.WovenApis woven) => _woven = woven;

        [Theory]
        [InlineData("TaskOfT", "System.IO.Stream.ReadAsync(byte[], int, int)", "task-of-t")]
        [InlineData("PlainTask", "System.IO.Stream.WriteAsync(byte[], int, int)", "task")]
        [InlineData("ValueTaskOfT", "System.IO.Stream.ReadAsync(Memory<byte>, CancellationToken)", "valuetask-of-t")]
        [InlineData("PlainValueTask", "System.IO.Stream.WriteAsync(ReadOnlyMemory<byte>, CancellationToken)", "valuetask")]
        [InlineData("Configured", "System.IO.Stream.ReadAsync(byte[], int, int)", "configured")]
        public async Task An_async_call_that_ran_synchronously_is_named_with_its_kind(string method, string api, string marker)
        {
            using var reports = new ReportCollector();
            await Run(method);

            string name = $"BlockingApis.AsyncCalls.{method}()";
            var report = Assert.Single(reports.WaitFor(name));
            var call = Assert.Single(report.BlockingCalls);
            Assert.Equal(BlockingCall.Kinds.CompletedSynchronously, call.Kind);
            Assert.Equal(api, call.Api);
            Assert.Equal(name, call.Caller);
            Assert.Equal(SourceMarkers.Line(Source, "async:" + marker), call.Line);
            Assert.EndsWith("AsyncCalls.cs", call.File);
            Assert.InRange(call.DurationMs, 150, 5000);
            Assert.Contains("Task.Run", call.Alternative);
            Assert.Contains("(an async call that completed synchronously)", report.ToString());
        }

        [Fact]
        public async Task EventSource_and_the_span_carry_the_calls_kind()
        {
            using var source = new SampledSource("NonBlocking.Tests.AsyncCalls");
            using var listener = new NonBlockingListener();

            var request = source.Start("request");
            using (request) await Run("TaskOfT");

            string trace = request.TraceId.ToHexString();
            var segment = listener.WaitFor("BlockingSegment", e => (string)e["TraceId"]! == trace);
            Assert.Equal("System.IO.Stream.ReadAsync(byte[], int, int)", segment["Api"]);
            Assert.Equal(BlockingCall.Kinds.CompletedSynchronously, segment["CallKind"]);
            var call = listener.WaitFor("BlockingCall", e => (string)e["TraceId"]! == trace);
            Assert.Equal(BlockingCall.Kinds.CompletedSynchronously, call["Kind"]);

            var blocked = Assert.Single(request.Events, e => e.Name == "nonblocking.blocked");
            var tags = blocked.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(BlockingCall.Kinds.CompletedSynchronously, tags["nonblocking.call.kind"]);
            Assert.Equal("System.IO.Stream.ReadAsync(byte[], int, int)", tags["nonblocking.call.api"]);
        }

        [Fact]
        public async Task The_hang_watchdog_names_an_async_call_still_running_synchronously()
        {
            // Weaver.Tests runs with NonBlocking.HangMs=auto: ten times the threshold of 100 ms.
            var hangs = new System.Collections.Generic.List<HangReport>();
            System.Action<HangReport> onHang = h => { lock (hangs) hangs.Add(h); };
            BlockingMonitor.HangReported += onHang;
            try
            {
                using var reports = new ReportCollector();
                await Run("StuckRead");

                HangReport hang;
                lock (hangs) hang = Assert.Single(hangs, h => h.Method == "BlockingApis.AsyncCalls.StuckRead()");
                Assert.NotNull(hang.BlockingCall);
                Assert.Equal(BlockingCall.Kinds.AsyncCallRunning, hang.BlockingCall!.Kind);
                Assert.Equal("System.IO.Stream.ReadAsync(byte[], int, int)", hang.BlockingCall.Api);
                Assert.Equal(SourceMarkers.Line(Source, "async:stuck"), hang.BlockingCall.Line);
                Assert.Contains("so far (an async call, still running synchronously)", hang.ToString());

                // Once it returned a completed task, the segment's report names it as one that ran synchronously.
                var call = Assert.Single(Assert.Single(reports.WaitFor("BlockingApis.AsyncCalls.StuckRead()")).BlockingCalls);
                Assert.Equal(BlockingCall.Kinds.CompletedSynchronously, call.Kind);
                Assert.InRange(call.DurationMs, 1500, 10000);
            }
            finally
            {
                BlockingMonitor.HangReported -= onHang;
            }
        }

        [Fact]
        public async Task Time_a_named_blocking_call_inside_explains_is_not_named_again()
        {
            using var reports = new ReportCollector();
            await Run("ExplainedInside");

            var report = Assert.Single(reports.WaitFor("BlockingApis.AsyncCalls.ExplainedInside()"));
            var call = Assert.Single(report.BlockingCalls);
            Assert.Equal("System.Threading.Thread.Sleep(int)", call.Api);
            Assert.Equal(BlockingCall.Kinds.Blocking, call.Kind);
            Assert.Equal("BlockingApis.SleepyMemory.Read(byte[], int, int)", call.Caller);
        }

        [Fact]
        public async Task A_call_that_held_the_thread_but_returned_a_pending_task_is_not_named()
        {
            using var reports = new ReportCollector();
            await Run("HeldThenPending");

            // The segment held the thread (in the source's read inside CopyToAsync) and is reported; the call is not
            // named, since part of its work is still to run when it returned.
            var report = Assert.Single(reports.WaitFor("BlockingApis.AsyncCalls.HeldThenPending()"));
            Assert.InRange(report.DurationMs, 150, 5000);
            Assert.Empty(report.BlockingCalls);
        }

        [Fact]
        public async Task Opted_out_code_and_calls_into_the_woven_module_get_no_async_call_probe()
        {
            using var reports = new ReportCollector();
            await Run("OptedOut");
            Assert.Empty(reports.WaitFor("BlockingApis.AsyncCalls.OptedOut", 0));

            var sites = _woven.Load.Assembly.GetType("<NonBlocking>Sites", true)!;
            var siteType = typeof(NonBlocking.Instrumentation.BlockingSite);
            string Read(object site, string property) =>
                (string)siteType.GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(site)!;
            var asyncSites = sites.GetFields(BindingFlags.Static | BindingFlags.NonPublic).Where(f => f.FieldType == siteType)
                .Select(f => f.GetValue(null)!).Where(s => Read(s, "Kind") == BlockingCall.Kinds.CompletedSynchronously)
                .Select(s => (Api: Read(s, "Api"), Caller: Read(s, "Caller"))).ToList();
            Assert.Contains(asyncSites, s => s.Caller == "BlockingApis.AsyncCalls.TaskOfT()");
            Assert.DoesNotContain(asyncSites, s => s.Caller == "BlockingApis.AsyncCalls.OptedOut()");
            Assert.DoesNotContain(asyncSites, s => s.Api.StartsWith("BlockingApis."));
            // The task machinery never does the awaited work: Task.Yield, Task.Run, WhenAll are not async calls.
            Assert.DoesNotContain(asyncSites, s => s.Api.StartsWith("System.Threading.Tasks."));
        }

        private Task Run(string method) => (Task)_woven.Load.Type("BlockingApis.AsyncCalls").GetMethod(method)!.Invoke(null, null)!;
    }
}
