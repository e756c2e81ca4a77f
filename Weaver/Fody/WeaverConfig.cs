using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Fody;
using NonBlocking.Weaver;

namespace NonBlocking.Fody
{
    /// <summary>
    /// &lt;NonBlocking ThresholdMs="100" StaticAnalysis="warn" ReportThreadPool="false" AnalysisMaxDepth="16" /&gt;
    /// from FodyWeavers.xml, with optional &lt;BlockingApis&gt; and &lt;NotBlockingApis&gt; elements listing one API a
    /// line; a bad value is an error that names the attribute.
    /// </summary>
    internal static class WeaverConfig
    {
        public static WeaveOptions Read(XElement? config, string assemblyPath)
        {
            var options = new WeaveOptions { AssemblyPath = assemblyPath };
            if (config == null) return options;
            options.ThresholdMs = Int(config, "ThresholdMs", options.ThresholdMs, min: 1);
            options.AnalysisMaxDepth = Int(config, "AnalysisMaxDepth", options.AnalysisMaxDepth, min: 1);
            var analysis = config.Attribute("StaticAnalysis")?.Value;
            if (analysis != null)
            {
                if (!Enum.TryParse(analysis, ignoreCase: true, out StaticAnalysisLevel level) || !Enum.IsDefined(typeof(StaticAnalysisLevel), level))
                    throw Bad("StaticAnalysis", analysis, "none, warn or error");
                options.StaticAnalysis = level;
            }
            var threadPool = config.Attribute("ReportThreadPool")?.Value;
            if (threadPool != null)
            {
                if (!bool.TryParse(threadPool, out bool on)) throw Bad("ReportThreadPool", threadPool, "true or false");
                options.ReportThreadPool = on;
            }
            options.BlockingApis = Lines(config, "BlockingApis");
            options.NotBlockingApis = Lines(config, "NotBlockingApis");
            return options;
        }

        /// <summary>An element's text, one entry a line (Fody's own convention for lists, as in Costura's IncludeAssemblies).</summary>
        private static System.Collections.Generic.List<string> Lines(XElement config, string element) =>
            (config.Element(element)?.Value ?? "").Split(new[] { '\r', '\n', ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        private static int Int(XElement config, string name, int fallback, int min)
        {
            var value = config.Attribute(name)?.Value;
            if (value == null) return fallback;
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) || parsed < min)
                throw Bad(name, value, $"a whole number of at least {min}");
            return parsed;
        }

        private static WeavingException Bad(string attribute, string value, string expected) =>
            new WeavingException($"{DiagnosticCodes.BadWeaverConfig}: FodyWeavers.xml: <NonBlocking {attribute}=\"{value}\"> is not valid; use {expected}.");
    }
}
