using System;
using NonBlocking.Report;

namespace NonBlocking
{
    /// <summary>
    /// Thrown in test mode (<c>NONBLOCKING_THROW=1</c>, MSBuild <c>NonBlockingThrow</c>, runtimeconfig
    /// <c>NonBlocking.Throw</c>) where a catalogued blocking call made inside an async segment returns, so the test that
    /// awaits the async method fails at the blocking call and says which one; likewise an async call into another
    /// assembly that did its work synchronously. Outside test mode it is never thrown.
    /// </summary>
    public sealed class BlockingDetectedException : Exception
    {
        internal BlockingDetectedException(BlockingCall call)
            : base($"{call.Api} {(call.Kind == BlockingCall.Kinds.Blocking ? "blocked the thread" : "ran synchronously (its task was complete when it returned) and held the thread")} for {call.DurationMs} ms inside an async method: called by {call.Caller}" +
                   (call.File == null ? "" : $" at {call.File}:{call.Line}") +
                   (string.IsNullOrEmpty(call.Alternative) ? "." : $". Instead: {call.Alternative}.") +
                   " (NonBlocking test mode, NONBLOCKING_THROW)")
        {
            Call = call;
        }

        /// <summary>The blocking call: API, caller, file and line, how long it blocked, what to use instead.</summary>
        public BlockingCall Call { get; }
    }
}
