namespace NonBlocking.Report
{
    /// <summary>
    /// A call that held the thread: a known blocking API, or an async API that did its work synchronously
    /// (see <see cref="Kind"/>).
    /// </summary>
    public sealed class BlockingCall
    {
        /// <summary>The values of <see cref="Kind"/>.</summary>
        public static class Kinds
        {
            /// <summary>A known blocking API: catalogued, or a library's sync API with an async twin.</summary>
            public const string Blocking = "blocking";

            /// <summary>
            /// An async API (it returns a task) that held the thread and handed back a task already complete: its work
            /// ran synchronously inside the call, as Microsoft.Data.Sqlite's does. Only the time that no nested report or
            /// other named call explains is counted.
            /// </summary>
            public const string CompletedSynchronously = "completed-synchronously";

            /// <summary>In a hang report: an async API that is still running synchronously on the thread.</summary>
            public const string AsyncCallRunning = "async-call-running";
        }

        internal BlockingCall(string api, string caller, string? file, int line, long durationMs, string alternative, string kind = Kinds.Blocking)
        {
            Kind = kind;
            Api = api;
            Caller = caller;
            File = file;
            Line = line;
            DurationMs = durationMs;
            Alternative = alternative;
        }

        /// <summary>The API, e.g. <c>System.Threading.Thread.Sleep(int)</c>.</summary>
        public string Api { get; }

        /// <summary>The method that made the call, as written (a sync helper, or the async method itself).</summary>
        public string Caller { get; }

        /// <summary>Source file of the call, or null without symbols.</summary>
        public string? File { get; }

        /// <summary>Line of the call, or 0.</summary>
        public int Line { get; }

        /// <summary>How long the call held the thread.</summary>
        public long DurationMs { get; }

        /// <summary>What kind of call: one of <see cref="Kinds"/>.</summary>
        public string Kind { get; }

        /// <summary>What to use instead.</summary>
        public string Alternative { get; }

        /// <summary>What text output adds after the duration to say what kind of call held the thread; empty for a blocking API.</summary>
        internal string KindNote => Kind switch
        {
            Kinds.CompletedSynchronously => " (an async call that completed synchronously)",
            Kinds.AsyncCallRunning => " so far (an async call, still running synchronously)",
            _ => "",
        };
    }
}
