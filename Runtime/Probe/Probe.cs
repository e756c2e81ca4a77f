using System.ComponentModel;
using System.Runtime.CompilerServices;
using NonBlocking.Config;
using NonBlocking.Detect;

namespace NonBlocking.Instrumentation
{
    /// <summary>
    /// Entry points that woven <c>MoveNext</c> methods call. Not for use by hand.
    /// The fast path per pair is two clock loads (the first with a sign test), a subtraction and an unsigned compare with one
    /// static, plus (only
    /// with the hang watchdog on) a thread-static read and a few plain stores to this thread's activity record:
    /// no allocation, lock or interlocked op.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Probe
    {
        /// <summary>
        /// Whether probes publish what each thread is running, for the hang watchdog or test mode. Read-only after
        /// start-up, so the JIT folds it to a constant: with both off the tracking code is not even compiled in.
        /// </summary>
        private static readonly bool Tracking = RuntimeSettings.Current.ThreadTracking;

        /// <summary>
        /// The smallest segment threshold of any woven assembly loaded. The fast path compares with this one static
        /// instead of reaching the site's module (two dependent loads and a register held across the body); the cold
        /// path applies the site's own threshold. Written by <see cref="WovenModule"/> only.
        /// </summary>
        internal static long LeastThresholdMs = long.MaxValue / 2;

        /// <summary>The smallest <see cref="WovenModule.BlockingCallMinMs"/> of any woven assembly loaded; as above.</summary>
        internal static long LeastBlockingCallMinMs = long.MaxValue / 2;

        /// <summary>Start of a segment: returns the current coarse time.</summary>
        /// <param name="site">The async method's static site.</param>
        /// <param name="entryState">The state machine's state as the segment begins.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long Enter(AsyncSite site, int entryState)
        {
            long now = CoarseClock.NowMs;
            if (Tracking)
            {
                var activity = ThreadActivity.Current;
                int depth = activity.Depth++;
                var frames = activity.Frames;
                if ((uint)depth < (uint)frames.Length)
                {
                    ref var frame = ref frames[depth];
                    frame.Start = now;
                    frame.SiteId = site.Id;
                    frame.EntryState = entryState;
                }
            }
            return now;
        }

        /// <summary>End of a segment. Reports it (cold path) only when it held the thread past the threshold.</summary>
        /// <param name="start">What <see cref="Enter"/> returned.</param>
        /// <param name="site">The async method's static site.</param>
        /// <param name="entryState">The state machine's state when the segment began.</param>
        /// <param name="exitState">The state machine's state when the segment ended.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Exit(long start, AsyncSite site, int entryState, int exitState)
        {
            if (Tracking) ThreadActivity.Current.Depth--;
            if ((ulong)(CoarseClock.RawMs - start) >= (ulong)LeastThresholdMs)
                SegmentDetector.OnSegmentEnd(start, site, entryState, exitState);
        }

        /// <summary>
        /// End of a segment that completes its method (or, in an async iterator, hands a value to the consumer): called
        /// just before the builder's <c>SetResult</c>/<c>SetException</c>, which may run the awaiting caller's
        /// continuation inline. That time is the caller's, so the segment is timed and reported here, before it. The
        /// hang watchdog's record stays on this thread's stack, marked closed, until <see cref="Abandon"/> pops it after
        /// the completion call (or when the completion call throws), so each path pops it exactly once.
        /// </summary>
        /// <param name="start">What <see cref="Enter"/> returned.</param>
        /// <param name="site">The async method's static site.</param>
        /// <param name="entryState">The state machine's state when the segment began.</param>
        /// <param name="exitState">The state machine's state when the segment ended.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ExitBeforeCompletion(long start, AsyncSite site, int entryState, int exitState)
        {
            if (Tracking) ThreadActivity.Current.CloseTop();
            if ((ulong)(CoarseClock.RawMs - start) >= (ulong)LeastThresholdMs)
                SegmentDetector.OnSegmentEnd(start, site, entryState, exitState);
        }

        /// <summary>
        /// Pops the hang watchdog's record of a segment without timing it: after <see cref="ExitBeforeCompletion"/> and
        /// the completion call, or when an exception escaped MoveNext (its builder failed). Reads nothing the segment
        /// stored, so woven locals stay in registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Abandon()
        {
            if (Tracking) ThreadActivity.Current.Depth--;
        }

        /// <summary>Before a call to a catalogued blocking API: returns the current coarse time.</summary>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long BlockingStart(BlockingSite site)
        {
            long now = CoarseClock.NowMs;
            if (Tracking)
            {
                var activity = ThreadActivity.Current;
                activity.CallStart = now;
                activity.CallId = site.Id;
            }
            return now;
        }

        /// <summary>After the call returned. Long calls are logged (cold path) for the segment that ran them.</summary>
        /// <param name="start">What <see cref="BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void BlockingEnd(long start, BlockingSite site)
        {
            if (CallOverMinimum(start)) BlockingCallDetector.OnCallEnd(start, site);
        }

        /// <summary>
        /// <see cref="BlockingEnd"/> for a call that returns a value: the value passes through, so it is an argument of
        /// the cold call rather than a value the JIT must keep in a callee-saved register across it.
        /// </summary>
        /// <typeparam name="T">The call's return type.</typeparam>
        /// <param name="result">What the call returned; returned unchanged.</param>
        /// <param name="start">What <see cref="BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T BlockingResult<T>(T result, long start, BlockingSite site) =>
            CallOverMinimum(start) ? BlockingCallDetector.OnCallEnd(result, start, site) : result;

        /// <summary>
        /// The end of every call probe's fast path (blocking calls here, async calls in <see cref="AsyncCalls"/>): the
        /// watchdog's record of the call in progress is cleared, and whether the call lasted past the smallest minimum of
        /// any woven assembly (the cold path then decides) is one load and a compare.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool CallOverMinimum(long start)
        {
            if (Tracking) ThreadActivity.Current.CallId = 0;
            return (ulong)(CoarseClock.RawMs - start) >= (ulong)LeastBlockingCallMinMs;
        }
    }
}
