using System.ComponentModel;

namespace NonBlocking.Instrumentation
{
    /// <summary>Static description of one call site of a blocking API, emitted by the weaver.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BlockingSite
    {
        /// <summary>The assembly the call is in; read on the fast path for its limits.</summary>
        public readonly WovenModule Module;

        /// <param name="module">The woven assembly.</param>
        /// <param name="api">The blocking API, e.g. <c>System.Threading.Thread.Sleep(int)</c>.</param>
        /// <param name="caller">The method making the call, as written.</param>
        /// <param name="file">Source file of the call, or empty without symbols.</param>
        /// <param name="line">Line of the call, or 0.</param>
        /// <param name="alternative">What to use instead.</param>
        public BlockingSite(WovenModule module, string api, string caller, string file, int line, string alternative)
            : this(module, api, caller, file, line, alternative, NonBlocking.Report.BlockingCall.Kinds.Blocking)
        {
        }

        /// <summary>
        /// A call from an async method into another assembly's async API, timed by <see cref="AsyncCalls"/>: named when it
        /// held the thread and handed back a task already complete.
        /// </summary>
        /// <param name="module">The woven assembly.</param>
        /// <param name="api">The async API, e.g. <c>System.Data.Common.DbCommand.ExecuteScalarAsync()</c>.</param>
        /// <param name="caller">The async method making the call, as written.</param>
        /// <param name="file">Source file of the call, or empty without symbols.</param>
        /// <param name="line">Line of the call, or 0.</param>
        /// <param name="alternative">What to do instead.</param>
        public static BlockingSite ForAsyncCall(WovenModule module, string api, string caller, string file, int line, string alternative) =>
            new BlockingSite(module, api, caller, file, line, alternative, NonBlocking.Report.BlockingCall.Kinds.CompletedSynchronously);

        private BlockingSite(WovenModule module, string api, string caller, string file, int line, string alternative, string kind)
        {
            Kind = kind;
            Module = module;
            Api = api;
            Caller = caller;
            File = string.IsNullOrEmpty(file) ? null : file;
            Line = line;
            Alternative = alternative;
            Id = NonBlocking.Detect.SiteIds<BlockingSite>.Register(this);
        }

        /// <summary>What the probes publish for the hang watchdog instead of the reference.</summary>
        internal readonly int Id;

        internal NonBlocking.Report.SiteRateLimit? RateLimit;

        internal string Api { get; }
        internal string Caller { get; }
        internal string? File { get; }
        internal int Line { get; }
        internal string Alternative { get; }

        /// <summary>What a slow call here is: <see cref="NonBlocking.Report.BlockingCall.Kinds"/>.</summary>
        internal string Kind { get; }
    }
}
