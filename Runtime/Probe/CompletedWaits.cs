using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace NonBlocking.Instrumentation
{
    /// <summary>
    /// What woven code calls instead of a synchronous wait on a task (<c>task.Result</c>, <c>task.Wait()</c>,
    /// <c>task.GetAwaiter().GetResult()</c> and its <c>ConfigureAwait</c> form). A task that has already completed
    /// cannot block, so its wait is not timed: the fast path is the completion test the wait itself makes, and only a
    /// wait on a pending task goes through <see cref="Probe.BlockingStart"/>/<see cref="Probe.BlockingResult{T}"/>,
    /// in a method of its own so the caller keeps nothing in callee-saved registers for it. A wait on a pending task is
    /// also where a deadlock of async code waits: it registers with <see cref="NonBlocking.Detect.StuckWaits"/>, which
    /// reports it if it is still waiting past the hang threshold.
    /// Not for use by hand.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class CompletedWaits
    {
        /// <summary><c>task.Result</c>.</summary>
        /// <typeparam name="T">The task's result type.</typeparam>
        /// <param name="task">The task waited on.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T TaskResult<T>(Task<T> task, BlockingSite site) =>
            task.IsCompleted ? task.Result : PendingResult(task, site);

        /// <summary><c>task.Wait()</c>.</summary>
        /// <param name="task">The task waited on.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void TaskWait(Task task, BlockingSite site)
        {
            if (task.IsCompleted) task.Wait();
            else PendingWait(task, site);
        }

        /// <summary><c>awaiter.GetResult()</c> on a <see cref="TaskAwaiter{TResult}"/>.</summary>
        /// <typeparam name="T">The task's result type.</typeparam>
        /// <param name="awaiter">The awaiter, where the caller holds it.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T AwaiterResult<T>(ref TaskAwaiter<T> awaiter, BlockingSite site) =>
            awaiter.IsCompleted ? awaiter.GetResult() : PendingResult(ref awaiter, site);

        /// <summary><c>awaiter.GetResult()</c> on a <see cref="TaskAwaiter"/>.</summary>
        /// <param name="awaiter">The awaiter, where the caller holds it.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void AwaiterWait(ref TaskAwaiter awaiter, BlockingSite site)
        {
            if (awaiter.IsCompleted) awaiter.GetResult();
            else PendingWait(ref awaiter, site);
        }

        /// <summary><c>awaiter.GetResult()</c> on the awaiter of <c>ConfigureAwait(...)</c> on a <see cref="Task{TResult}"/>.</summary>
        /// <typeparam name="T">The task's result type.</typeparam>
        /// <param name="awaiter">The awaiter, where the caller holds it.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T ConfiguredAwaiterResult<T>(ref ConfiguredTaskAwaitable<T>.ConfiguredTaskAwaiter awaiter, BlockingSite site) =>
            awaiter.IsCompleted ? awaiter.GetResult() : PendingResult(ref awaiter, site);

        /// <summary><c>awaiter.GetResult()</c> on the awaiter of <c>ConfigureAwait(...)</c> on a <see cref="Task"/>.</summary>
        /// <param name="awaiter">The awaiter, where the caller holds it.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ConfiguredAwaiterWait(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter, BlockingSite site)
        {
            if (awaiter.IsCompleted) awaiter.GetResult();
            else PendingWait(ref awaiter, site);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
#if NET
        [System.Diagnostics.StackTraceHidden]
#endif
        private static T PendingResult<T>(Task<T> task, BlockingSite site)
        {
            long start = Probe.BlockingStart(site);
            using (NonBlocking.Detect.StuckWaits.Begin(site))
                return Probe.BlockingResult(task.Result, start, site);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
#if NET
        [System.Diagnostics.StackTraceHidden]
#endif
        private static void PendingWait(Task task, BlockingSite site)
        {
            long start = Probe.BlockingStart(site);
            using (NonBlocking.Detect.StuckWaits.Begin(site))
                task.Wait();
            Probe.BlockingEnd(start, site);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
#if NET
        [System.Diagnostics.StackTraceHidden]
#endif
        private static T PendingResult<T>(ref TaskAwaiter<T> awaiter, BlockingSite site)
        {
            long start = Probe.BlockingStart(site);
            using (NonBlocking.Detect.StuckWaits.Begin(site))
                return Probe.BlockingResult(awaiter.GetResult(), start, site);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
#if NET
        [System.Diagnostics.StackTraceHidden]
#endif
        private static void PendingWait(ref TaskAwaiter awaiter, BlockingSite site)
        {
            long start = Probe.BlockingStart(site);
            using (NonBlocking.Detect.StuckWaits.Begin(site))
                awaiter.GetResult();
            Probe.BlockingEnd(start, site);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
#if NET
        [System.Diagnostics.StackTraceHidden]
#endif
        private static T PendingResult<T>(ref ConfiguredTaskAwaitable<T>.ConfiguredTaskAwaiter awaiter, BlockingSite site)
        {
            long start = Probe.BlockingStart(site);
            using (NonBlocking.Detect.StuckWaits.Begin(site))
                return Probe.BlockingResult(awaiter.GetResult(), start, site);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
#if NET
        [System.Diagnostics.StackTraceHidden]
#endif
        private static void PendingWait(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter, BlockingSite site)
        {
            long start = Probe.BlockingStart(site);
            using (NonBlocking.Detect.StuckWaits.Begin(site))
                awaiter.GetResult();
            Probe.BlockingEnd(start, site);
        }
    }
}
