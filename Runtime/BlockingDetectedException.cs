using System;

namespace NonBlocking
{
    /// <summary>
    /// Thrown in test mode (<c>NONBLOCKING_THROW=1</c>, MSBuild <c>NonBlockingThrow</c>, runtimeconfig
    /// <c>NonBlocking.Throw</c>) where a catalogued blocking call made inside an async segment returns, so the test that
    /// awaits the async method fails at the blocking call and says which one. Outside test mode it is never thrown.
    /// </summary>
    public sealed class BlockingDetectedException : Exception
    {
        /// <summary>Creates the exception for one blocking call.</summary>
        public BlockingDetectedException(string api, string caller, string? file, int line, long durationMs, string? alternative)
            : base($"{api} blocked the thread for {durationMs} ms inside an async method: called by {caller}" +
                   (file == null ? "" : $" at {file}:{line}") + (string.IsNullOrEmpty(alternative) ? "." : $". Instead: {alternative}.") +
                   " (NonBlocking test mode, NONBLOCKING_THROW)")
        {
            Api = api;
            Caller = caller;
            File = file;
            Line = line;
            DurationMs = durationMs;
        }

        /// <summary>The blocking API, e.g. <c>System.Threading.Thread.Sleep(int)</c>.</summary>
        public string Api { get; }

        /// <summary>The method that made the call, as written.</summary>
        public string Caller { get; }

        /// <summary>The source file of the call, when the build had symbols.</summary>
        public string? File { get; }

        /// <summary>The line of the call, or 0.</summary>
        public int Line { get; }

        /// <summary>How long the call blocked, in milliseconds (the coarse clock's precision).</summary>
        public long DurationMs { get; }
    }
}
