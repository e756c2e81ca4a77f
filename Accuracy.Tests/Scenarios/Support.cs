using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NonBlocking;

namespace Accuracy
{
    /// <summary>A single-threaded SynchronizationContext, like a UI thread's: one thread runs every posted callback.</summary>
    [AllowBlocking] // infrastructure: its thread waits for work by design
    public sealed class Pump : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback, object?)> _queue = new BlockingCollection<(SendOrPostCallback, object?)>();

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

        /// <summary>Runs <paramref name="work"/> on a new pump thread; completes when it has.</summary>
        public static Task Run(Func<Task> work)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var pump = new Pump();
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(pump);
                pump.Post(async _ =>
                {
                    try { await work(); done.SetResult(); }
                    catch (Exception e) { done.SetException(e); }
                    finally { pump._queue.CompleteAdding(); }
                }, null);
                foreach (var (callback, state) in pump._queue.GetConsumingEnumerable()) callback(state);
            }) { IsBackground = true, Name = "pump" };
            thread.Start();
            return done.Task;
        }

        /// <summary>Posts <paramref name="work"/> to a new pump thread and does not wait for it (it may never end).</summary>
        public static void Start(Func<Task> work)
        {
            var pump = new Pump();
            var thread = new Thread(() =>
            {
                SetSynchronizationContext(pump);
                pump.Post(async _ => await work(), null);
                foreach (var (callback, state) in pump._queue.GetConsumingEnumerable()) callback(state);
            }) { IsBackground = true, Name = "pump" };
            thread.Start();
        }
    }

    /// <summary>CPU work without any blocking API.</summary>
    public static class Spin
    {
        public static void For(int ms)
        {
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < ms) Thread.SpinWait(50);
        }
    }

    /// <summary>A real ASP.NET Core app on Kestrel, on a loopback port of its own, with the endpoints a scenario maps.</summary>
    public static class WebHostForScenarios
    {
        /// <summary>Starts the app and warms it with one request to <c>/ok</c>, which <paramref name="map"/> must map.</summary>
        [AllowBlocking] // start-up, not under test
        public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            map(app);
            await app.StartAsync();
            using var warm = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            await warm.GetStringAsync("/ok");
            return app;
        }
    }
}
