using System;
using System.Globalization;

namespace NonBlocking.Config
{
    /// <summary>Run-time overrides read once from the environment; they win over what the build baked in.</summary>
    internal sealed class RuntimeSettings
    {
        public const string ThresholdVariable = "NONBLOCKING_THRESHOLD_MS";
        public const string OutputVariable = "NONBLOCKING_OUTPUT";
        public const string DisabledVariable = "NONBLOCKING_DISABLED";
        public const string RateVariable = "NONBLOCKING_MAX_REPORTS_PER_SECOND";
        public const string ThreadPoolVariable = "NONBLOCKING_REPORT_THREADPOOL";
        public const string HangVariable = "NONBLOCKING_HANG_MS";
        public const string SiteRateVariable = "NONBLOCKING_MAX_REPORTS_PER_SITE";

        public static readonly RuntimeSettings Current = FromEnvironment();

        public long? ThresholdMs { get; private set; }
        public string? OutputPath { get; private set; }
        public bool Disabled { get; private set; }
        public int MaxReportsPerSecond { get; private set; } = 20;
        public int MaxReportsPerSitePerSecond { get; private set; } = 1;
        public bool? ReportThreadPool { get; private set; }

        /// <summary>Hang threshold override; 0 turns the watchdog (and the probes' tracking writes) off.</summary>
        public long? HangMs { get; private set; }

        public bool HangTracking => !Disabled && HangMs != 0;

        private static RuntimeSettings FromEnvironment()
        {
            var s = new RuntimeSettings();
            try
            {
                if (long.TryParse(Environment.GetEnvironmentVariable(ThresholdVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out long t) && t > 0)
                    s.ThresholdMs = t;
                var output = Environment.GetEnvironmentVariable(OutputVariable);
                if (!string.IsNullOrWhiteSpace(output)) s.OutputPath = output;
                s.Disabled = Flag(Environment.GetEnvironmentVariable(DisabledVariable)) == true;
                s.ReportThreadPool = Flag(Environment.GetEnvironmentVariable(ThreadPoolVariable));
                if (int.TryParse(Environment.GetEnvironmentVariable(SiteRateVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int sr) && sr > 0)
                    s.MaxReportsPerSitePerSecond = sr;
                if (long.TryParse(Environment.GetEnvironmentVariable(HangVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out long h) && h >= 0)
                    s.HangMs = h;
                if (int.TryParse(Environment.GetEnvironmentVariable(RateVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) && r > 0)
                    s.MaxReportsPerSecond = r;
            }
            catch (System.Security.SecurityException)
            {
                // No access to the environment: keep the defaults baked into the assembly.
            }
            return s;
        }

        private static bool? Flag(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            return value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        }
    }
}
