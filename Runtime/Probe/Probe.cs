using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using NonBlocking.Detect;

namespace NonBlocking.Instrumentation
{
    /// <summary>
    /// Entry points that woven <c>MoveNext</c> methods call. Not for use by hand.
    /// The fast path is two clock loads, a subtraction and a compare: no allocation, lock or interlocked op.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Probe
    {
        /// <summary>Start of a segment: returns the current coarse time.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long Enter() => CoarseClock.NowMs;

        /// <summary>End of a segment. Reports it (cold path) only when it held the thread past the threshold.</summary>
        /// <param name="start">What <see cref="Enter"/> returned.</param>
        /// <param name="site">The async method's static site.</param>
        /// <param name="entryState">The state machine's state when the segment began.</param>
        /// <param name="exitState">The state machine's state when the segment ended.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Exit(long start, AsyncSite site, int entryState, int exitState)
        {
            long elapsed = CoarseClock.NowMs - start;
            if (elapsed >= site.Module.ThresholdMs)
                SegmentDetector.OnSlowSegment(start, elapsed, site, entryState, exitState);
        }

        /// <summary>Before a call to a catalogued blocking API: returns the current coarse time.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long BlockingStart() => CoarseClock.NowMs;

        /// <summary>After the call returned. Long calls are logged (cold path) for the segment that ran them.</summary>
        /// <param name="start">What <see cref="BlockingStart"/> returned.</param>
        /// <param name="site">The call site's static description.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void BlockingEnd(long start, BlockingSite site)
        {
            long elapsed = CoarseClock.NowMs - start;
            if (elapsed >= site.Module.BlockingCallMinMs)
                BlockingCallDetector.OnSlowCall(start, elapsed, site);
        }
    }
}
