using System;
using System.ComponentModel;
using NonBlocking.Config;

namespace NonBlocking.Instrumentation
{
    /// <summary>One woven assembly: the settings baked into it at build time, after run-time overrides.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class WovenModule
    {
        private WovenModule(string assemblyName, long thresholdMs, bool reportThreadPool)
        {
            AssemblyName = assemblyName;
            ThresholdMs = thresholdMs;
            // Calls shorter than a tenth of the threshold cannot explain a slow segment on their own.
            BlockingCallMinMs = Math.Max(1, thresholdMs / 10);
            ReportThreadPool = reportThreadPool;
            var hang = RuntimeSettings.Current.HangMs;
            HangMs = hang ?? thresholdMs * 10;
        }

        /// <summary>Name of the woven assembly.</summary>
        public string AssemblyName { get; }

        /// <summary>Segments at least this long are examined; read on the fast path.</summary>
        public readonly long ThresholdMs;

        /// <summary>Blocking calls at least this long are logged for attribution; read on the fast path.</summary>
        public readonly long BlockingCallMinMs;

        /// <summary>Segments still running after this long are reported as hangs while they run; 0 = never.</summary>
        public long HangMs { get; }

        /// <summary>Also report long blocking calls on thread-pool threads outside any async segment.</summary>
        public bool ReportThreadPool { get; }

        /// <summary>Called once per woven assembly, from its generated site table.</summary>
        /// <param name="assemblyName">The woven assembly's simple name.</param>
        /// <param name="bakedThresholdMs">The threshold set at build time (MSBuild <c>NonBlockingThresholdMs</c>).</param>
        /// <param name="bakedReportThreadPool">MSBuild <c>NonBlockingReportThreadPool</c>.</param>
        public static WovenModule Register(string assemblyName, int bakedThresholdMs, bool bakedReportThreadPool)
        {
            var settings = RuntimeSettings.Current;
            long threshold = settings.Disabled ? long.MaxValue / 2 : settings.ThresholdMs ?? Math.Max(1, bakedThresholdMs);
            if (!settings.Disabled) CoarseClock.FitTo(threshold);
            return new WovenModule(assemblyName, threshold, settings.ReportThreadPool ?? bakedReportThreadPool);
        }
    }
}
