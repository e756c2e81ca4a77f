using System;
using System.Collections.Generic;
using System.Linq;

namespace NonBlocking.RealCode.Tests.Support
{
    /// <summary>One library's warnings now, the labelled sample of them and its precision.</summary>
    public sealed class Measurement
    {
        private Measurement(Library library, IReadOnlyDictionary<string, string> warnings, IReadOnlyList<string> sample,
            IReadOnlyDictionary<string, (Verdict Verdict, string Reason)> labels)
        {
            Library = library;
            Warnings = warnings;
            Sampled = sample;
            Labels = labels;
        }

        public Library Library { get; }
        /// <summary>Every warning by key, with the message of its first occurrence.</summary>
        public IReadOnlyDictionary<string, string> Warnings { get; }
        public IReadOnlyList<string> Sampled { get; }
        public IReadOnlyDictionary<string, (Verdict Verdict, string Reason)> Labels { get; }

        public IEnumerable<string> Unlabelled => Sampled.Where(k => !Labels.ContainsKey(k));
        public int Count(Verdict verdict) => Sampled.Count(k => Labels.TryGetValue(k, out var l) && l.Verdict == verdict);
        public int Decided => Count(Verdict.True) + Count(Verdict.False);
        /// <summary>True of decided, or null when nothing was decided (a library with no warnings cannot be wrong).</summary>
        public double? Precision => Decided == 0 ? null : (double)Count(Verdict.True) / Decided;

        /// <summary>The analysis a build of the library itself would run (NonBlockingAnalyzeReferences off).</summary>
        public static Measurement Of(Library library)
        {
            var bin = library.Tool ? ToolFolder.Of(library.Package, library.Version) : AppContext.BaseDirectory;
            var warnings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var d in FolderAnalysis.Of(bin, library.Assembly, $"{library.Package} {library.Version}"))
                if (d.Key != null) warnings.TryAdd(d.Key, d.Message);
            return new Measurement(library, warnings, Sample.Of(warnings.Keys), LabelFile.Read(library));
        }
    }
}
