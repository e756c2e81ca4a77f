using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using NonBlocking.Detect;

namespace NonBlocking.Instrumentation
{
    /// <summary>
    /// End probes for a call from an async method into another assembly's async API (<c>Task</c>, <c>Task&lt;T&gt;</c>,
    /// <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>), started with <see cref="Probe.BlockingStart"/>. An async API whose
    /// work runs synchronously (Microsoft.Data.Sqlite's, EF Core's and Dapper's on SQLite, a sync stream's) holds the
    /// thread inside the call and hands back a task already complete; such a call is named in the segment's report as
    /// <c>completed-synchronously</c>. The fast path is the catalogued call's: two clock loads and a compare; the task
    /// passes through unchanged, and is looked at only once the call has held the thread past the blocking-call minimum.
    /// The <c>ValueTask</c> forms exist where the framework has <c>ValueTask</c> (not netstandard2.0); without them the
    /// weaver leaves such calls untimed.
    /// Not for use by hand.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class AsyncCalls
    {
        /// <summary>After a call that returned a <see cref="Task"/>.</summary>
        /// <param name="task">What the call returned; returned unchanged.</param>
        /// <param name="start">What <see cref="Probe.BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Task TaskEnd(Task task, long start, BlockingSite site)
        {
            if (Probe.CallOverMinimum(start))
                BlockingCallDetector.OnAsyncCallEnd(start, site, task != null && task.IsCompleted);
            return task!;
        }

        /// <summary>After a call that returned a <see cref="Task{TResult}"/>.</summary>
        /// <typeparam name="T">The task's result type.</typeparam>
        /// <param name="task">What the call returned; returned unchanged.</param>
        /// <param name="start">What <see cref="Probe.BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Task<T> TaskResultEnd<T>(Task<T> task, long start, BlockingSite site)
        {
            if (Probe.CallOverMinimum(start))
                BlockingCallDetector.OnAsyncCallEnd(start, site, task != null && task.IsCompleted);
            return task!;
        }

#if NET
        /// <summary>After a call that returned a <see cref="ValueTask"/>.</summary>
        /// <param name="task">What the call returned; returned unchanged (reading its completion does not consume it).</param>
        /// <param name="start">What <see cref="Probe.BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ValueTask ValueTaskEnd(ValueTask task, long start, BlockingSite site)
        {
            if (Probe.CallOverMinimum(start))
                BlockingCallDetector.OnAsyncCallEnd(start, site, task.IsCompleted);
            return task;
        }

        /// <summary>After a call that returned a <see cref="ValueTask{TResult}"/>.</summary>
        /// <typeparam name="T">The task's result type.</typeparam>
        /// <param name="task">What the call returned; returned unchanged (reading its completion does not consume it).</param>
        /// <param name="start">What <see cref="Probe.BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ValueTask<T> ValueTaskResultEnd<T>(ValueTask<T> task, long start, BlockingSite site)
        {
            if (Probe.CallOverMinimum(start))
                BlockingCallDetector.OnAsyncCallEnd(start, site, task.IsCompleted);
            return task;
        }
#endif
    }
}
