using System.Collections.Generic;
using NonBlocking.Config;
using NonBlocking.Instrumentation;

namespace NonBlocking.Report
{
    /// <summary>A snapshot of the settings in force, from <see cref="BlockingMonitor.Configuration"/>.</summary>
    public sealed class NonBlockingConfiguration
    {
        private NonBlockingConfiguration(bool enabled, bool disabledAtStartup, string output, string? thresholdSource,
            long? thresholdOverrideMs, string hang, int maxPerSecond, int maxPerSite, int clockMs,
            IReadOnlyList<WovenAssemblySettings> assemblies)
        {
            ClockResolutionMs = clockMs;
            Enabled = enabled;
            DisabledAtStartup = disabledAtStartup;
            Output = output;
            ThresholdSource = thresholdSource;
            ThresholdOverrideMs = thresholdOverrideMs;
            Hang = hang;
            MaxReportsPerSecond = maxPerSecond;
            MaxReportsPerSitePerSecond = maxPerSite;
            Assemblies = assemblies;
        }

        /// <summary>Whether reports are published now (<see cref="BlockingMonitor.Enabled"/>).</summary>
        public bool Enabled { get; }

        /// <summary>Whether <c>NONBLOCKING_DISABLED</c> / <c>NonBlocking.Disabled</c> switched detection off for this process.</summary>
        public bool DisabledAtStartup { get; }

        /// <summary><c>stderr</c>, <c>none</c>, or the path of the JSON-lines file.</summary>
        public string Output { get; }

        /// <summary>
        /// Where the threshold in force came from: <c>api</c>, the environment variable's name, <c>runtimeconfig.json …</c>,
        /// or <c>build</c> (each assembly's own baked value).
        /// </summary>
        public string? ThresholdSource { get; }

        /// <summary>The threshold that overrides every assembly's baked one, if any.</summary>
        public long? ThresholdOverrideMs { get; }

        /// <summary>The hang watchdog: <c>off</c>, <c>auto</c> (10 × each assembly's threshold) or a number of ms.</summary>
        public string Hang { get; }

        /// <summary>Global rate limit of the text and JSON outputs.</summary>
        public int MaxReportsPerSecond { get; }

        /// <summary>Rate limit per segment or call site.</summary>
        public int MaxReportsPerSitePerSecond { get; }

        /// <summary>
        /// The precision of reported durations: the tick of the clock the probes read, in ms. A tenth of the
        /// smallest threshold in use (1–10 ms) unless set with <c>NONBLOCKING_CLOCK_MS</c> / <c>NonBlocking.ClockMs</c>.
        /// </summary>
        public int ClockResolutionMs { get; }

        /// <summary>Test mode (<c>NONBLOCKING_THROW</c>): blocking calls in async segments throw <see cref="BlockingDetectedException"/>.</summary>
        public bool TestMode { get; private set; }

        /// <summary>In test mode, the shortest blocking call that throws, when set; otherwise a tenth of each assembly's threshold.</summary>
        public long? TestModeMinMs { get; private set; }

        /// <summary>How many reports may wait for the text/JSON output (<c>NONBLOCKING_OUTPUT_QUEUE</c>).</summary>
        public int OutputQueue { get; private set; }

        /// <summary>Reports dropped so far because the text/JSON output could not keep up.</summary>
        public long ReportsDroppedByOutput { get; private set; }

        /// <summary>Each woven assembly that has run so far, with the threshold it uses now.</summary>
        public IReadOnlyList<WovenAssemblySettings> Assemblies { get; }

        internal static NonBlockingConfiguration Current()
        {
            var s = RuntimeSettings.Current;
            long? api = WovenModule.ApiThresholdMs;
            string output = s.Output == OutputKind.None ? "none" : s.Output == OutputKind.JsonLines ? s.OutputPath! : "stderr";
            string hang = s.Hang == HangMode.Off ? "off" : s.Hang == HangMode.Auto ? "auto" : s.HangFixedMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var assemblies = new List<WovenAssemblySettings>();
            foreach (var module in WovenModule.All())
                assemblies.Add(new WovenAssemblySettings(module.AssemblyName, module.ThresholdMs, module.BakedThresholdMs, module.HangMs));
            return new NonBlockingConfiguration(ReportPublisher.Enabled, s.Disabled, output,
                api != null ? "api" : s.ThresholdMs != null ? s.ThresholdSource : "build", api ?? s.ThresholdMs,
                hang, s.MaxReportsPerSecond, s.MaxReportsPerSitePerSecond, CoarseClock.PeriodMs, assemblies)
            {
                TestMode = s.Throw,
                TestModeMinMs = s.ThrowMinMs,
                OutputQueue = s.OutputQueue,
                ReportsDroppedByOutput = ReportPublisher.DroppedByOutput,
            };
        }
    }

    /// <summary>One woven assembly's settings, in <see cref="NonBlockingConfiguration.Assemblies"/>.</summary>
    public sealed class WovenAssemblySettings
    {
        internal WovenAssemblySettings(string name, long thresholdMs, long buildThresholdMs, long hangMs)
        {
            Name = name;
            ThresholdMs = thresholdMs;
            BuildThresholdMs = buildThresholdMs;
            HangMs = hangMs;
        }

        /// <summary>Simple name of the assembly.</summary>
        public string Name { get; }

        /// <summary>The threshold in force now.</summary>
        public long ThresholdMs { get; }

        /// <summary>The threshold its build baked in (MSBuild <c>NonBlockingThresholdMs</c>).</summary>
        public long BuildThresholdMs { get; }

        /// <summary>Its hang threshold, or 0 when the watchdog is off.</summary>
        public long HangMs { get; }
    }
}
