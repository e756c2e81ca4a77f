using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>
    /// The classic sync-over-async deadlock: a "UI" thread with a single-threaded SynchronizationContext blocks on
    /// .Result of a task whose continuation needs that same thread. It never completes.
    /// </summary>
    public static class Deadlock
    {
        private sealed class SingleThreadContext : SynchronizationContext
        {
            private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

            public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

            public void Run()
            {
                foreach (var (callback, state) in _queue.GetConsumingEnumerable()) callback(state);
            }
        }

        /// <summary>Starts the UI thread and returns its id; the thread deadlocks and stays blocked.</summary>
        public static int StartUiThreadDeadlock()
        {
            var thread = new Thread(() =>
            {
                var context = new SingleThreadContext();
                SynchronizationContext.SetSynchronizationContext(context);
                context.Post(_ => { _ = OnClick(); }, null);
                context.Run();
            }) { IsBackground = true, Name = "fake UI thread" };
            thread.Start();
            return thread.ManagedThreadId;
        }

        private static async Task OnClick()
        {
            int value = LoadAsync().Result; // @deadlock:result
            await Task.Yield();
            Console.WriteLine(value);
        }

        private static async Task<int> LoadAsync()
        {
            await Task.Delay(10); // resumes on the captured context: the UI thread, which is blocked above
            return 42;
        }
    }
}
