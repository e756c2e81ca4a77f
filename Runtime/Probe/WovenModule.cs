using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using NonBlocking.Config;

namespace NonBlocking.Instrumentation
{
    /// <summary>One woven assembly: the settings baked into it at build time, after run-time overrides.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class WovenModule
    {
        private static readonly object Gate = new object();
        private static readonly List<WovenModule> Registered = new List<WovenModule>();
        /// <summary>A threshold set through the API; wins over every other source, for modules loaded later too.</summary>
        private static long? _apiThresholdMs;

        private WovenModule(string assemblyName, long bakedThresholdMs, bool reportThreadPool)
        {
            AssemblyName = assemblyName;
            BakedThresholdMs = bakedThresholdMs;
            ReportThreadPool = reportThreadPool;
        }

        /// <summary>The threshold the build baked in (MSBuild <c>NonBlockingThresholdMs</c>).</summary>
        internal long BakedThresholdMs { get; }

        /// <summary>Name of the woven assembly.</summary>
        public string AssemblyName { get; }

        /// <summary>Segments at least this long are examined; read on the fast path.</summary>
        public long ThresholdMs { get; private set; }

        /// <summary>Blocking calls at least this long are logged for attribution; read on the fast path.</summary>
        public long BlockingCallMinMs { get; private set; }

        /// <summary>Segments still running after this long are reported as hangs while they run; 0 = never.</summary>
        public long HangMs { get; private set; }

        /// <summary>Sync-over-async waits still waiting after this long are reported while they wait; 0 = never.</summary>
        internal long StuckWaitMs { get; private set; }

        /// <summary>Also report long blocking calls on thread-pool threads outside any async segment.</summary>
        public bool ReportThreadPool { get; }

        /// <summary>Called once per woven assembly, from its generated site table.</summary>
        /// <param name="assemblyName">The woven assembly's simple name.</param>
        /// <param name="bakedThresholdMs">The threshold set at build time (MSBuild <c>NonBlockingThresholdMs</c>).</param>
        /// <param name="bakedReportThreadPool">MSBuild <c>NonBlockingReportThreadPool</c>.</param>
        public static WovenModule Register(string assemblyName, int bakedThresholdMs, bool bakedReportThreadPool)
        {
            var settings = RuntimeSettings.Current;
            // The event source exists from the first woven code on, so dotnet-counters and dotnet-trace find it
            // (and its counters start) before the first report rather than at it.
            NonBlocking.Report.Telemetry.NonBlockingEventSource.Log.Touch();
            NonBlocking.Detect.ProcessExitReport.Hook();
            var module = new WovenModule(assemblyName, Math.Max(1, bakedThresholdMs), settings.ReportThreadPool ?? bakedReportThreadPool);
            lock (Gate)
            {
                module.Apply(_apiThresholdMs);
                Registered.Add(module);
                PublishLeastLimits();
            }
            return module;
        }

        /// <summary>Every woven assembly loaded so far.</summary>
        internal static WovenModule[] All()
        {
            lock (Gate) return Registered.ToArray();
        }

        /// <summary>The API's threshold for every woven assembly, now and later; null goes back to the configured ones.</summary>
        internal static void SetThresholdForAll(long? thresholdMs)
        {
            lock (Gate)
            {
                _apiThresholdMs = thresholdMs;
                foreach (var module in Registered) module.Apply(thresholdMs);
                PublishLeastLimits();
            }
        }

        internal static long? ApiThresholdMs
        {
            get { lock (Gate) return _apiThresholdMs; }
        }

        /// <summary>What the probes' fast path compares with: the smallest limits of all loaded woven assemblies.</summary>
        private static void PublishLeastLimits()
        {
            long threshold = long.MaxValue / 2, blockingMin = long.MaxValue / 2;
            foreach (var module in Registered)
            {
                threshold = Math.Min(threshold, module.ThresholdMs);
                blockingMin = Math.Min(blockingMin, module.BlockingCallMinMs);
            }
            Volatile.Write(ref Probe.LeastThresholdMs, threshold);
            Volatile.Write(ref Probe.LeastBlockingCallMinMs, blockingMin);
        }

        /// <summary>The API's threshold if set, else the environment's or runtimeconfig.json's, else the baked one.</summary>
        private void Apply(long? apiThresholdMs)
        {
            var settings = RuntimeSettings.Current;
            long thresholdMs = apiThresholdMs ?? settings.ThresholdMs ?? BakedThresholdMs;
            if (settings.Disabled)
            {
                // Never slow enough to leave the fast path.
                ThresholdMs = long.MaxValue / 2;
                BlockingCallMinMs = long.MaxValue / 2;
                HangMs = 0;
                StuckWaitMs = 0;
                return;
            }
            CoarseClock.FitTo(thresholdMs);
            // Calls shorter than a tenth of the threshold cannot explain a slow segment on their own.
            BlockingCallMinMs = Math.Max(1, thresholdMs / 10);
            // Test mode with a smaller minimum: those calls must leave the fast path too (0: every call does).
            if (settings.Throw && settings.ThrowMinMs is long throwMin) BlockingCallMinMs = Math.Min(BlockingCallMinMs, throwMin);
            ThresholdMs = thresholdMs;
            HangMs = settings.Hang == HangMode.Auto ? thresholdMs * 10 : settings.Hang == HangMode.Fixed ? settings.HangFixedMs : 0;
            StuckWaitMs = settings.StuckWaits ? thresholdMs * 10 : 0;
        }
    }
}
