using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonBlocking.Weaver;

namespace NonBlocking.Corpus.Tests.Support
{
    internal static class CorpusPaths
    {
        private static readonly string[] NotCorpus =
        {
            "Corpus.Tests", "NonBlocking.", "Mono.Cecil", "xunit", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "testhost", "Microsoft.NET.Test",
        };

        public static string Bin => AppContext.BaseDirectory;
        public static string Workloads => Path.Combine(Bin, "workloads");
        public static string Runtime => typeof(NonBlocking.AllowBlockingAttribute).Assembly.Location;

        /// <summary>Every library assembly the corpus packages brought into the test's output folder.</summary>
        public static IReadOnlyList<string> LibraryAssemblies() =>
            Directory.GetFiles(Bin, "*.dll")
                .Where(p => !NotCorpus.Any(prefix => Path.GetFileName(p).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase)
                .ToList();

        public static string NewTempDirectory(string purpose)
        {
            var dir = Path.Combine(Path.GetTempPath(), "nonblocking-corpus", purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(dir);
            return dir;
        }

        public static WeaveResult WeaveInPlace(string path, IList<string> references, int thresholdMs = 100) =>
            AssemblyWeaver.Weave(new WeaveOptions
            {
                AssemblyPath = path,
                RuntimeAssemblyPath = Runtime,
                ReferencePaths = references,
                ThresholdMs = thresholdMs,
            });
    }
}
