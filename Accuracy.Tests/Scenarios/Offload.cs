using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Accuracy
{
    /// <summary>Work that is offloaded correctly, or short: all of it must stay silent.</summary>
    public static class Offload
    {
        [Scenario("silent/task-run")]
        public static async Task TaskRun()
        {
            await Task.Run(() => Thread.Sleep(300));
        }

        [Scenario("silent/task-factory-longrunning")]
        public static async Task TaskFactoryLongRunning()
        {
            await Task.Factory.StartNew(() => Thread.Sleep(300), TaskCreationOptions.LongRunning);
        }

        // Parallel.ForEachAsync runs its bodies on pool threads: a sync body that blocks holds no async caller.
        [Scenario("silent/parallel-foreachasync-sync-bodies")]
        public static async Task ParallelForEachAsyncSyncBodies()
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 4), (_, _) =>
            {
                Thread.Sleep(200);
                return ValueTask.CompletedTask;
            });
        }

        [Scenario("silent/parallel-foreachasync-async-bodies")]
        public static async Task ParallelForEachAsyncAsyncBodies()
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (_, ct) => await Task.Delay(200, ct));
        }

        [Scenario("silent/timer-callback")]
        public static async Task TimerCallback()
        {
            var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var timer = new Timer(_ =>
            {
                Thread.Sleep(250);
                fired.SetResult();
            }, null, 10, Timeout.Infinite);
            await fired.Task;
        }

        [Scenario("silent/periodic-timer")]
        public static async Task PeriodicTimerTicks()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            for (int i = 0; i < 5; i++) await timer.WaitForNextTickAsync();
        }

        [Scenario("silent/many-quick-segments")]
        public static async Task ManyQuickSegments()
        {
            for (int i = 0; i < 5000; i++) await Task.Yield();
        }

        [Scenario("silent/below-threshold")]
        public static async Task BelowThreshold()
        {
            for (int i = 0; i < 5; i++)
            {
                await Task.Yield();
                Thread.Sleep(60);
            }
        }

        [Scenario("silent/in-memory-streams")]
        public static async Task InMemoryStreams()
        {
            var bytes = new byte[8 << 20];
            for (int round = 0; round < 3; round++)
            {
                await Task.Yield();
                using var source = new MemoryStream(bytes);
                using var target = new MemoryStream();
                source.CopyTo(target);
                using var reader = new StreamReader(new MemoryStream(new byte[1 << 16]));
                reader.ReadToEnd();
            }
        }

        [Scenario("silent/awaited-delays")]
        public static async Task AwaitedDelays()
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Delay(200)));
        }
    }
}
