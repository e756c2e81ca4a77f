using System;

namespace Accuracy
{
    /// <summary>A labelled scenario: a static async method run alone in its own process.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class ScenarioAttribute : Attribute
    {
        public ScenarioAttribute(string name) { Name = name; }

        public string Name { get; }

        /// <summary>A server it needs: "postgres" or "redis" (its address comes in ACCURACY_PG / ACCURACY_REDIS).</summary>
        public string? Needs { get; set; }

        /// <summary>Extra environment for its run, as NAME=value pairs separated by ';'.</summary>
        public string? Env { get; set; }
    }

    /// <summary>
    /// One report the scenario must produce. None at all means it must stay silent. Locations are "start", "end",
    /// or "await@marker" / "yield@marker" where marker names a "// @marker" comment in these sources; calls are
    /// "api@marker" for each named blocking call, exactly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ExpectAttribute : Attribute
    {
        public ExpectAttribute(string method) { Method = method; }

        public string Method { get; }

        /// <summary>segment (default), hang (the watchdog, while running) or exit (still running at process exit).</summary>
        public string Kind { get; set; } = "segment";

        public string From { get; set; } = "start";
        public string To { get; set; } = "end";

        /// <summary>The blocking the scenario does; the band is MinMs..MaxMs, by default Ms - 20 .. Ms + 250.</summary>
        public int Ms { get; set; }
        public int MinMs { get; set; } = -1;
        public int MaxMs { get; set; } = -1;

        /// <summary>Self time, when it differs from the duration (nested slow segments); band SelfMs - 20 .. SelfMs + 250.</summary>
        public int SelfMs { get; set; } = -1;

        public string[] Calls { get; set; } = Array.Empty<string>();

        /// <summary>How many such reports.</summary>
        public int Count { get; set; } = 1;
    }

    /// <summary>How a label names a call's kind after its API, when it is not a blocking API (see the JSON's "kind").</summary>
    public static class Labels
    {
        /// <summary>An async call that held the thread and returned a completed task.</summary>
        public const string CompletedSynchronously = " (completed-synchronously)";
    }

    /// <summary>Support code that blocks on purpose (a slow SQL function, a message pump): not the code under test.</summary>
    public static class Sleep
    {
        public const string Api = "System.Threading.Thread.Sleep(int)";
    }
}
