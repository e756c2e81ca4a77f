using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NonBlocking.Bench.Micro
{
    /// <summary>
    /// Runs case (b) on the benchmark's own thread: Task.Yield posts its continuation here instead of to the
    /// thread pool. On the pool the cost of a yield swings with whether a worker happens to be spinning (we saw
    /// 119 ns and 251 ns for the same unwoven code in one run), which hides a 5% target; a pump costs the same every
    /// time, so what differs between the two copies is the probes.
    /// </summary>
    internal sealed class SingleThreadPump : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new Queue<(SendOrPostCallback, object?)>();

        public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

        public void Run(Func<Task> start)
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                var task = start();
                while (_queue.Count > 0)
                {
                    var (callback, state) = _queue.Dequeue();
                    callback(state);
                }
                task.GetAwaiter().GetResult(); // everything ran on this thread, so the task is done
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
