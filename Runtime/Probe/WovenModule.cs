using System;
using System.ComponentModel;
using NonBlocking.Config;

namespace NonBlocking.Instrumentation
{
    /// <summary>One woven assembly: the settings baked into it at build time, after run-time overrides.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class WovenModule
    {
        private WovenModule(string assemblyName, long thresholdMs)
        {
            AssemblyName = assemblyName;
            ThresholdMs = thresholdMs;
        }

        /// <summary>Name of the woven assembly.</summary>
        public string AssemblyName { get; }

        /// <summary>Segments at least this long are examined; read on the fast path.</summary>
        public readonly long ThresholdMs;

        /// <summary>Called once per woven assembly, from its generated site table.</summary>
        /// <param name="assemblyName">The woven assembly's simple name.</param>
        /// <param name="bakedThresholdMs">The threshold set at build time (MSBuild <c>NonBlockingThresholdMs</c>).</param>
        public static WovenModule Register(string assemblyName, int bakedThresholdMs)
        {
            var settings = RuntimeSettings.Current;
            long threshold = settings.Disabled ? long.MaxValue / 2 : settings.ThresholdMs ?? Math.Max(1, bakedThresholdMs);
            if (!settings.Disabled) CoarseClock.FitTo(threshold);
            return new WovenModule(assemblyName, threshold);
        }
    }
}
