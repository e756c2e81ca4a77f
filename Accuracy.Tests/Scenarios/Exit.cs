using System;
using System.Threading;
using System.Threading.Tasks;

namespace Accuracy
{
    /// <summary>Segments that never reach their end: a process that exits under one, and a deadlock.</summary>
    public static class Exit
    {
        // Main returns while a fire-and-forget segment still blocks: with the watchdog's tracking on, it is reported
        // at exit as still running, with the call it is in.
        [Scenario("exit/segment-still-running-at-exit", Env = "NONBLOCKING_HANG_MS=auto")]
        [Expect("Accuracy.Exit.StillRunning()", Kind = "exit", From = "await@exit-yield", Ms = 400, MaxMs = 1000,
            Calls = new[] { Sleep.Api + "@exit-sleep" })]
        public static async Task SegmentStillRunningAtExit()
        {
            _ = Task.Run(StillRunning);
            await Task.Delay(400);
        }

        private static async Task StillRunning()
        {
            await Task.Yield(); // @exit-yield
            Thread.Sleep(30000); // @exit-sleep
        }

        // The last slow segment suspends, and its continuation, on another thread, ends the program while the report
        // is still being written: exit waits for it.
        [Scenario("exit/report-in-flight-when-the-program-ends")]
        [Expect("Accuracy.Exit.LastBeforeExit()", From = "await@inflight-delay", To = "await@inflight-yield", Ms = 200, Calls = new[] { Sleep.Api + "@inflight-sleep" })]
        public static Task ReportInFlightWhenTheProgramEnds() => LastBeforeExit();

        private static async Task LastBeforeExit()
        {
            await Task.Delay(10).ConfigureAwait(false); // @inflight-delay
            Thread.Sleep(200); // @inflight-sleep
            await Task.Yield(); // @inflight-yield
        }

        // The classic sync-over-async deadlock on a single-threaded context: reported while it hangs.
        [Scenario("hang/sync-over-async-deadlock", Env = "NONBLOCKING_HANG_MS=500")]
        [Expect("Accuracy.Exit.OnClick()", Kind = "hang", From = "start", MinMs = 500, MaxMs = 1400,
            Calls = new[] { "System.Threading.Tasks.Task<int>.Result@deadlock-result" })]
        public static async Task SyncOverAsyncDeadlock()
        {
            Pump.Start(OnClick);
            await Task.Delay(1500);
        }

        private static async Task OnClick()
        {
            int value = LoadAsync().Result; // @deadlock-result
            Console.WriteLine(value);
        }

        private static async Task<int> LoadAsync()
        {
            await Task.Delay(10);
            return 1;
        }
    }
}
