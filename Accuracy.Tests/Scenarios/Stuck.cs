using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using NonBlocking;

namespace Accuracy
{
    /// <summary>
    /// Deadlocks of async code reported with nothing configured (the hang watchdog's tracking off): a sync-over-async
    /// wait that cannot end is reported while it waits, naming the method and the wait.
    /// </summary>
    public static class Stuck
    {
        // The single-threaded SynchronizationContext deadlock: OnClick waits on a task whose continuation is posted to
        // the thread that waits.
        [Scenario("hang/sync-context-deadlock-with-nothing-configured")]
        [Expect("Accuracy.Stuck.OnClick()", Kind = "hang", From = "call@stuck-result", MinMs = 1000, MaxMs = 1700,
            Calls = new[] { "System.Threading.Tasks.Task<int>.Result@stuck-result" })]
        public static async Task SyncContextDeadlock()
        {
            Pump.Start(OnClick);
            await Task.Delay(2000);
        }

        // The same deadlock with hang reports turned off (NONBLOCKING_HANG_MS=0): nothing.
        [Scenario("silent/sync-context-deadlock-with-hang-reports-off", Env = "NONBLOCKING_HANG_MS=0")]
        public static async Task SyncContextDeadlockWithHangReportsOff()
        {
            Pump.Start(OnClick);
            await Task.Delay(2000);
        }

        // A plain thread (no SynchronizationContext, not the pool's) waiting long on a task is how a console program's
        // sync Main waits for its work: no deadlock risk, not reported.
        [Scenario("silent/plain-thread-waits-long-on-a-task")]
        public static async Task PlainThreadWaitsLong()
        {
            var waiter = new Thread(() => LongWork().Wait()) { IsBackground = true };
            waiter.Start();
            await Task.Run(() => waiter.Join());
        }

        private static async Task LongWork() => await Task.Delay(1600);

        private static async Task OnClick()
        {
            int value = LoadAsync().Result; // @stuck-result
            Console.WriteLine(value);
        }

        private static async Task<int> LoadAsync()
        {
            await Task.Delay(10);
            return 1;
        }

        // ASP.NET Core with the thread pool held to its two workers: two requests each wait synchronously on a task whose
        // continuation needs a pool thread, and no thread is left to run it. Each wait is reported while it waits; when
        // the pool may grow again, the requests end and their segments are reported with the wait named.
        [Scenario("hang/aspnetcore-thread-pool-starvation-with-nothing-configured")]
        [Expect("Accuracy.Stuck.StarvingHandler()", Kind = "hang", From = "call@starve-result", MinMs = 1000, MaxMs = 1700, Count = 2,
            Calls = new[] { "System.Threading.Tasks.Task<string>.Result@starve-result" })]
        [Expect("Accuracy.Stuck.StarvingHandler()", From = "start", To = "end", MinMs = 1500, MaxMs = 8000, Count = 2,
            Calls = new[] { "System.Threading.Tasks.Task<string>.Result@starve-result" })]
        [AllowBlocking] // the driver: holds the pool, waits, lets it go
        public static Task ThreadPoolStarvation()
        {
            var app = Task.Run(StartAsync).GetAwaiter().GetResult();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            ThreadPool.GetMaxThreads(out int workers, out int io);
            if (!ThreadPool.SetMaxThreads(Environment.ProcessorCount, io)) throw new InvalidOperationException("cannot hold the pool");
            var requests = new[] { client.GetStringAsync("/starve"), client.GetStringAsync("/starve") };
            Thread.Sleep(2500);
            ThreadPool.SetMaxThreads(workers, io);
            if (Task.WhenAll(requests).GetAwaiter().GetResult().Any(b => b != "ok")) throw new InvalidOperationException();
            app.StopAsync().GetAwaiter().GetResult();
            return Task.CompletedTask;
        }

        private static int _arrived;
        private static readonly TaskCompletionSource Both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task<string> StarvingHandler()
        {
            return Gate().Result; // @starve-result
        }

        /// <summary>Completes on a pool thread once both requests are in, so each request's wait needs a free pool thread.</summary>
        private static async Task<string> Gate()
        {
            if (Interlocked.Increment(ref _arrived) == 2) Both.SetResult();
            await Both.Task;
            await Task.Yield();
            return "ok";
        }

        [AllowBlocking] // start-up, not under test
        private static Task<WebApplication> StartAsync() =>
            WebHostForScenarios.StartAsync(app =>
            {
                app.MapGet("/starve", StarvingHandler);
                app.MapGet("/ok", () => "ok");
            });
    }
}
