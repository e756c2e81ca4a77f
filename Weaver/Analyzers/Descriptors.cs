using Microsoft.CodeAnalysis;

namespace NonBlocking.Analyzers
{
    /// <summary>The analyzer's diagnostics: the same codes, meaning and text as the weave-time analysis.</summary>
    internal static class Descriptors
    {
        private const string Category = "NonBlocking";

        public static readonly DiagnosticDescriptor BlockingCallInAsync = new DiagnosticDescriptor(
            "NB0001", "Blocking call in an async method",
            "{0} calls {1}, which blocks the thread, in an async method. Use {2}.",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A catalogued blocking API, or another assembly's sync method with an awaitable XAsync twin, called from an async method holds its thread for as long as it blocks.");

        /// <summary>Reported when the compilation ends (the path may run through any of its files): the build and full-solution analysis show it.</summary>
        public static readonly DiagnosticDescriptor BlockingCallReachable = new DiagnosticDescriptor(
            "NB0002", "Blocking call reached through sync code from an async method",
            "{0} calls {1}, which blocks the thread: {2}. {3}.",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "An async method calls sync code in this project that reaches a blocking API; the message shows the shortest path. Paths into other assemblies, and paths a bool flag decides, are reported by the weave.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor SyncOverAsync = new DiagnosticDescriptor(
            "NB0003", "Synchronous wait on a task in an async method",
            "{0} waits synchronously on a task ({1}) in an async method; this blocks the thread and can deadlock. Use {2}.",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: ".Result, .Wait() and .GetAwaiter().GetResult() on a task that is not known to be complete block the thread until it is.");

        /// <summary>Diagnostic property: how the code fix rewrites the call (see <see cref="FixKinds"/>).</summary>
        public const string FixKey = "NonBlocking.Fix";
        /// <summary>Diagnostic property: the async twin's name, for <see cref="FixKinds.AsyncTwin"/>.</summary>
        public const string TwinKey = "NonBlocking.Twin";
        /// <summary>Diagnostic property: "true" when the twin takes a trailing CancellationToken.</summary>
        public const string TwinTakesTokenKey = "NonBlocking.TwinTakesToken";
    }

    /// <summary>The rewrites the code fix offers.</summary>
    internal static class FixKinds
    {
        /// <summary><c>Thread.Sleep(x)</c> → <c>await Task.Delay(x)</c>.</summary>
        public const string Delay = "delay";
        /// <summary><c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c> → <c>await t</c>.</summary>
        public const string Await = "await";
        /// <summary><c>x.M(args)</c> → <c>await x.MAsync(args)</c>.</summary>
        public const string AsyncTwin = "twin";
    }
}
