namespace NonBlocking.Report
{
    /// <summary>A call to a known blocking API that held the thread.</summary>
    public sealed class BlockingCall
    {
        internal BlockingCall(string api, string caller, string? file, int line, long durationMs, string alternative)
        {
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

        /// <summary>What to use instead.</summary>
        public string Alternative { get; }
    }
}
