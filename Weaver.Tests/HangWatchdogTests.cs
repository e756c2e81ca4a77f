using System;
using System.Collections.Generic;
using System.Threading;
using NonBlocking.Report;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    [Collection("reports")]
    public class HangWatchdogTests
    {
        [Fact]
        public void Sync_over_async_deadlock_is_reported_while_it_is_still_stuck()
        {
            const int Threshold = 50; // hang threshold: 10 x 50 ms
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Threshold));
            using var listener = new NonBlockingListener();
            var hangs = new List<HangReport>();
            Action<HangReport> onHang = h => { lock (hangs) hangs.Add(h); };
            BlockingMonitor.HangReported += onHang;
            try
            {
                int uiThread = (int)woven.Type("AsyncShapes.Deadlock").GetMethod("StartUiThreadDeadlock")!.Invoke(null, null)!;

                HangReport? hang = null;
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (hang == null && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(25);
                    lock (hangs) hang = hangs.Find(h => h.ThreadId == uiThread);
                }

                Assert.NotNull(hang);
                Assert.Equal("hang", hang!.Kind);
                Assert.Equal("AsyncShapes.Deadlock.OnClick()", hang.Method);
                Assert.InRange(hang.RunningMs, 10 * Threshold, 5000);
                Assert.Equal(10 * Threshold, hang.HangThresholdMs);
                Assert.Equal("start", hang.From.Kind);
                Assert.NotNull(hang.BlockingCall);
                Assert.Equal("System.Threading.Tasks.Task<int>.Result", hang.BlockingCall!.Api);
                Assert.Equal("AsyncShapes.Deadlock.OnClick()", hang.BlockingCall.Caller);
                Assert.Equal(SourceMarkers.Line("TestAssemblies/AsyncShapes/Deadlock.cs", "deadlock:result"), hang.BlockingCall.Line);
                Assert.Contains("HANG: AsyncShapes.Deadlock.OnClick()", hang.ToString());

                // The same hang reaches dotnet-trace's side: the EventSource's Hang event, at Error level.
                var evt = listener.WaitFor("Hang", e => (int)e["ThreadId"] == uiThread);
                Assert.Equal(System.Diagnostics.Tracing.EventLevel.Error, evt.Level);
                Assert.Equal("AsyncShapes.Deadlock.OnClick()", evt["Method"]);
                Assert.Equal("System.Threading.Tasks.Task<int>.Result", evt["Api"]);
                Assert.Equal(SourceMarkers.Line("TestAssemblies/AsyncShapes/Deadlock.cs", "deadlock:result"), evt["CallLine"]);

                // Reported once, not on every scan.
                Thread.Sleep(300);
                lock (hangs) Assert.Single(hangs, h => h.ThreadId == uiThread);
            }
            finally
            {
                BlockingMonitor.HangReported -= onHang;
            }
        }

        [Fact]
        public void A_segment_an_exception_carries_out_of_MoveNext_is_let_go_not_reported_as_a_hang()
        {
            const int Threshold = 20; // hang threshold: 10 x 20 ms
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Threshold));
            var hangs = new List<HangReport>();
            Action<HangReport> onHang = h => { lock (hangs) hangs.Add(h); };
            BlockingMonitor.HangReported += onHang;
            try
            {
                int threadId = 0;
                string? outcome = null;
                var thread = new Thread(() =>
                {
                    threadId = Environment.CurrentManagedThreadId;
                    outcome = (string)woven.Type("AsyncShapes.FailingBuilder").GetMethod("Run")!.Invoke(null, null)!;
                    Thread.Sleep(20 * Threshold); // twice the hang threshold, with no segment running on this thread
                });
                thread.Start();
                thread.Join();

                // The builder's exception went through the woven MoveNext to the caller, the body having run...
                Assert.Equal("the builder failed", outcome);
                Assert.Equal(1, (int)woven.Type("AsyncShapes.FailingBuilder").GetField("Counter")!.GetValue(null)!);
                // ...and the probes let go of the segment: had it stayed open, the watchdog would call this thread hung.
                Thread.Sleep(100); // a scan or two after the thread ended
                lock (hangs) Assert.DoesNotContain(hangs, h => h.ThreadId == threadId);
            }
            finally
            {
                BlockingMonitor.HangReported -= onHang;
            }
        }
    }
}
