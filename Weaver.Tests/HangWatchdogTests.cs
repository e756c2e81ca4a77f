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
    }
}
