using System;
using System.Globalization;

namespace NonBlocking.Config
{
    /// <summary>One knob under its two run-time names: an environment variable and a runtimeconfig.json property.</summary>
    internal sealed class Setting
    {
        public Setting(string variable, string configProperty)
        {
            Variable = variable;
            ConfigProperty = configProperty;
        }

        public string Variable { get; }
        public string ConfigProperty { get; }

        /// <summary>The environment first, then runtimeconfig.json; blank counts as unset.</summary>
        public bool Read(out string? value, out string source)
        {
            value = Environment.GetEnvironmentVariable(Variable);
            source = Variable;
            if (!string.IsNullOrWhiteSpace(value)) return true;
            value = Convert.ToString(AppContext.GetData(ConfigProperty), CultureInfo.InvariantCulture);
            source = "runtimeconfig.json " + ConfigProperty;
            return !string.IsNullOrWhiteSpace(value);
        }
    }

    /// <summary>Every run-time knob; README's configuration table lists the same names.</summary>
    internal static class Knobs
    {
        public static readonly Setting Threshold = new Setting("NONBLOCKING_THRESHOLD_MS", "NonBlocking.ThresholdMs");
        public static readonly Setting Output = new Setting("NONBLOCKING_OUTPUT", "NonBlocking.Output");
        public static readonly Setting Disabled = new Setting("NONBLOCKING_DISABLED", "NonBlocking.Disabled");
        public static readonly Setting Rate = new Setting("NONBLOCKING_MAX_REPORTS_PER_SECOND", "NonBlocking.MaxReportsPerSecond");
        public static readonly Setting SiteRate = new Setting("NONBLOCKING_MAX_REPORTS_PER_SITE", "NonBlocking.MaxReportsPerSite");
        public static readonly Setting ThreadPool = new Setting("NONBLOCKING_REPORT_THREADPOOL", "NonBlocking.ReportThreadPool");
        public static readonly Setting Hang = new Setting("NONBLOCKING_HANG_MS", "NonBlocking.HangMs");
        public static readonly Setting Clock = new Setting("NONBLOCKING_CLOCK_MS", "NonBlocking.ClockMs");
        public static readonly Setting Throw = new Setting("NONBLOCKING_THROW", "NonBlocking.Throw");
        public static readonly Setting ThrowMin = new Setting("NONBLOCKING_THROW_MIN_MS", "NonBlocking.ThrowMinMs");
        public static readonly Setting OutputQueue = new Setting("NONBLOCKING_OUTPUT_QUEUE", "NonBlocking.OutputQueue");
    }
}
