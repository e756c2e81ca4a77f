using System.Collections.Generic;

namespace NonBlocking.Weaver
{
    /// <summary>How a weave ended.</summary>
    public enum WeaveOutcome
    {
        /// <summary>The assembly was rewritten.</summary>
        Woven,
        /// <summary>It was woven before; nothing was written.</summary>
        AlreadyWoven,
        /// <summary>It has no async methods to instrument (or all opted out); nothing was written.</summary>
        NothingToWeave,
        /// <summary>An error stopped the weave; nothing was written.</summary>
        Failed,
    }

    /// <summary>What the engine did, and what it has to say.</summary>
    public sealed class WeaveResult
    {
        internal WeaveResult(WeaveOutcome outcome, int asyncMethodsWoven, int asyncMethodsOptedOut, IReadOnlyList<Diagnostic> diagnostics, int blockingCallsWoven = 0,
            int asyncCallsWoven = 0)
        {
            AsyncCallsWoven = asyncCallsWoven;
            BlockingCallsWoven = blockingCallsWoven;
            Outcome = outcome;
            AsyncMethodsWoven = asyncMethodsWoven;
            AsyncMethodsOptedOut = asyncMethodsOptedOut;
            Diagnostics = diagnostics;
        }

        /// <summary>How the weave ended.</summary>
        public WeaveOutcome Outcome { get; }
        /// <summary>Async state machines that got a segment probe.</summary>
        public int AsyncMethodsWoven { get; }
        /// <summary>Async state machines left alone because of [AllowBlocking].</summary>
        public int AsyncMethodsOptedOut { get; }
        /// <summary>Call sites of blocking APIs that got a timing probe.</summary>
        public int BlockingCallsWoven { get; }
        /// <summary>Calls from async methods into other assemblies' async APIs that got a timing probe (named if they ran synchronously).</summary>
        public int AsyncCallsWoven { get; }
        /// <summary>Messages for the build log, errors included.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }
}
