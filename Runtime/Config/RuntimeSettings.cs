using System;
using System.Globalization;

namespace NonBlocking.Config
{
    /// <summary>
    /// Process-wide settings, read once at start-up. Each comes from the first source that sets it:
    /// an environment variable (<c>NONBLOCKING_*</c>), then a <c>runtimeconfig.json</c> property (<c>NonBlocking.*</c>,
    /// what MSBuild's <c>RuntimeHostConfigurationOption</c> writes), then what the build baked into each woven
    /// assembly, then the built-in default. The API (<see cref="NonBlocking.Report.BlockingMonitor"/>) changes some
    /// of them later and wins over all.
    /// </summary>
    internal sealed class RuntimeSettings
    {
        public static readonly RuntimeSettings Current = Load();

        public long? ThresholdMs { get; private set; }
        public OutputKind Output { get; private set; } = OutputKind.Stderr;
        public string? OutputPath { get; private set; }
        public bool Disabled { get; private set; }
        public int MaxReportsPerSecond { get; private set; } = 20;
        public int MaxReportsPerSitePerSecond { get; private set; } = 1;
        public bool? ReportThreadPool { get; private set; }

        /// <summary>How many reports may wait for the text/JSON output before more are dropped (and counted).</summary>
        public int OutputQueue { get; private set; } = 256;

        /// <summary>
        /// The hang watchdog: off (the default, no per-segment cost), on at 10 × each assembly's threshold
        /// (<c>auto</c>), or on at a fixed number of milliseconds.
        /// </summary>
        public HangMode Hang { get; private set; } = HangMode.Off;
        public long HangFixedMs { get; private set; }

        /// <summary>Whether the hang watchdog runs.</summary>
        public bool HangTracking => !Disabled && Hang != HangMode.Off;

        /// <summary>The hang setting was given, and says off (<c>NONBLOCKING_HANG_MS=0</c>): no hang report of any kind.</summary>
        public bool HangTurnedOff { get; private set; }

        /// <summary>
        /// Stuck waits (the default when the watchdog is off): a sync-over-async wait on a pending task, made on a
        /// thread-pool thread or under a SynchronizationContext, that lasts past the hang threshold is reported while it
        /// waits. Costs nothing on any fast path: only a wait that is about to block registers.
        /// </summary>
        public bool StuckWaits => !Disabled && !HangTurnedOff && !HangTracking;

        /// <summary>
        /// Test mode (<c>NONBLOCKING_THROW=1</c>): a blocking call made inside an async segment throws
        /// <see cref="BlockingDetectedException"/> where it returns.
        /// </summary>
        public bool Throw { get; private set; }

        /// <summary>In test mode, the shortest blocking call that throws (0: any); null: a tenth of each assembly's threshold.</summary>
        public long? ThrowMinMs { get; private set; }

        /// <summary>
        /// Whether probes publish what each thread runs (for the watchdog, and for test mode to know a segment is open);
        /// decided once, so the JIT drops the code when off.
        /// </summary>
        public bool ThreadTracking => !Disabled && (Hang != HangMode.Off || Throw);

        /// <summary>
        /// The coarse clock's tick (its precision), when the user chose one (1–1000 ms); otherwise it follows the
        /// smallest threshold in use (a tenth of it, 1–10 ms).
        /// </summary>
        public int? ClockMs { get; private set; }

        /// <summary>Where each value came from, for <see cref="NonBlocking.Report.NonBlockingConfiguration"/>.</summary>
        public string ThresholdSource { get; private set; } = "build";

        private static RuntimeSettings Load()
        {
            var s = new RuntimeSettings();
            try
            {
                if (Positive(Knobs.Threshold, out long ms, out string source))
                {
                    s.ThresholdMs = ms;
                    s.ThresholdSource = source;
                }
                if (Knobs.Output.Read(out string? output, out _)) s.ReadOutput(output!);
                s.Disabled = Flag(Knobs.Disabled) == true;
                s.ReportThreadPool = Flag(Knobs.ThreadPool);
                if (Positive(Knobs.SiteRate, out long siteRate, out _) && siteRate <= int.MaxValue) s.MaxReportsPerSitePerSecond = (int)siteRate;
                if (Positive(Knobs.Rate, out long rate, out _) && rate <= int.MaxValue) s.MaxReportsPerSecond = (int)rate;
                if (Positive(Knobs.OutputQueue, out long queue, out _)) s.OutputQueue = (int)Math.Min(100_000, queue);
                if (Knobs.Hang.Read(out string? h, out _)) s.ReadHang(h!);
                if (Positive(Knobs.Clock, out long clock, out _)) s.ClockMs = (int)Math.Min(1000, clock);
                s.Throw = Flag(Knobs.Throw) == true;
                if (Knobs.ThrowMin.Read(out string? min, out _) &&
                    long.TryParse(min, NumberStyles.Integer, CultureInfo.InvariantCulture, out long minMs) && minMs >= 0)
                    s.ThrowMinMs = minMs;
            }
            catch
            {
                // No access to the environment or app context: keep the defaults baked into the assembly.
            }
            return s;
        }

        private static bool Positive(Setting setting, out long value, out string source)
        {
            value = 0;
            return setting.Read(out string? text, out source) &&
                   long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;
        }

        private void ReadOutput(string value)
        {
            if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase)) Output = OutputKind.None;
            else if (string.Equals(value, "stderr", StringComparison.OrdinalIgnoreCase)) Output = OutputKind.Stderr;
            else
            {
                Output = OutputKind.JsonLines;
                OutputPath = value;
            }
        }

        private void ReadHang(string value)
        {
            if (string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase) || Flag(value) == true) Hang = HangMode.Auto;
            else if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms) && ms > 0)
            {
                Hang = HangMode.Fixed;
                HangFixedMs = ms;
            }
            else
            {
                Hang = HangMode.Off;
                HangTurnedOff = true;
            }
        }

        private static bool? Flag(Setting setting) => setting.Read(out string? value, out _) ? Flag(value) : null;

        private static bool? Flag(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (value == "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }
    }

    internal enum OutputKind { Stderr, JsonLines, None }

    internal enum HangMode { Off, Auto, Fixed }
}
