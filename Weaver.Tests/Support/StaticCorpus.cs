using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NonBlocking.Weaver;

namespace NonBlocking.Tests.Support
{
    /// <summary>Reads the labelled static corpus and scores diagnostics against its labels.</summary>
    internal sealed class StaticCorpus
    {
        private static readonly Regex CaseLine = new Regex(@"^\s*// case: (?<name>.+?)\s*$");
        private static readonly Regex ExpectMark = new Regex(@"// expect: (?<code>NB\d{4})\s*$");

        public sealed class Case
        {
            public Case(string name, string file, int firstLine)
            {
                Name = name;
                File = file;
                FirstLine = firstLine;
                LastLine = int.MaxValue;
            }

            public string Name { get; }
            public string File { get; }
            public int FirstLine { get; }
            public int LastLine { get; set; }
            public List<(string Code, int Line)> Expected { get; } = new List<(string, int)>();
            public string Idiom => Name.Split('/')[0];
            public bool Contains(string file, int line) => Path.GetFileName(file) == File && line >= FirstLine && line <= LastLine;
        }

        public Dictionary<string, string> Sources { get; } = new Dictionary<string, string>();
        public List<Case> Cases { get; } = new List<Case>();

        public static StaticCorpus Load(string folder)
        {
            var corpus = new StaticCorpus();
            foreach (var path in Directory.GetFiles(folder, "*.cs").OrderBy(p => p, StringComparer.Ordinal))
            {
                string file = Path.GetFileName(path);
                string text = System.IO.File.ReadAllText(path);
                corpus.Sources[file] = text;
                Case? current = null;
                var lines = text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    var start = CaseLine.Match(lines[i]);
                    if (start.Success)
                    {
                        if (current != null) current.LastLine = i;
                        current = new Case(start.Groups["name"].Value, file, i + 1);
                        corpus.Cases.Add(current);
                        continue;
                    }
                    var expect = ExpectMark.Match(lines[i]);
                    if (expect.Success)
                    {
                        if (current == null) throw new InvalidOperationException($"{file}({i + 1}): an expect mark outside any case");
                        current.Expected.Add((expect.Groups["code"].Value, i + 1));
                    }
                }
            }
            return corpus;
        }

        public Score Grade(IReadOnlyList<Diagnostic> diagnostics)
        {
            var score = new Score();
            foreach (var d in diagnostics.Where(d => d.File == null || !Cases.Any(c => c.Contains(d.File, d.Line))))
                score.Wrong.Add("outside every case: " + d);
            foreach (var c in Cases)
            {
                var actual = diagnostics.Where(d => d.File != null && c.Contains(d.File, d.Line)).ToList();
                var row = score.Row(c.Idiom, c.Expected.Count == 0);
                row.Cases++;
                int truePositives = 0;
                var problems = new List<string>();
                foreach (var d in actual)
                {
                    if (c.Expected.Contains((d.Code, d.Line))) truePositives++;
                    else problems.Add("unexpected " + d);
                }
                foreach (var e in c.Expected)
                    if (!actual.Any(d => d.Code == e.Code && d.Line == e.Line)) problems.Add($"missing {e.Code} at {c.File}({e.Line})");
                row.TruePositives += truePositives;
                row.FalsePositives += actual.Count - truePositives;
                row.FalseNegatives += c.Expected.Count - truePositives;
                if (problems.Count == 0) row.Exact++;
                else score.Wrong.Add(c.Name + ": " + string.Join("; ", problems));
            }
            return score;
        }

        public sealed class Row
        {
            public int Cases, Exact, TruePositives, FalsePositives, FalseNegatives;
        }

        public sealed class Score
        {
            public SortedDictionary<string, Row> Rows { get; } = new SortedDictionary<string, Row>(StringComparer.Ordinal);
            public List<string> Wrong { get; } = new List<string>();

            public Row Row(string idiom, bool silent) =>
                Rows.TryGetValue(idiom + (silent ? " (silent)" : " (warns)"), out var r) ? r : Rows[idiom + (silent ? " (silent)" : " (warns)")] = new Row();

            private int Tp => Rows.Values.Sum(r => r.TruePositives);
            private int Fp => Rows.Values.Sum(r => r.FalsePositives) + Wrong.Count(w => w.StartsWith("outside", StringComparison.Ordinal));
            private int Fn => Rows.Values.Sum(r => r.FalseNegatives);
            public double Precision => Tp + Fp == 0 ? 1 : (double)Tp / (Tp + Fp);
            public double Recall => Tp + Fn == 0 ? 1 : (double)Tp / (Tp + Fn);

            public string Table()
            {
                var lines = new List<string>
                {
                    "| idiom | cases | exact | warnings right | false | missed |",
                    "|---|---:|---:|---:|---:|---:|",
                };
                foreach (var (idiom, r) in Rows)
                    lines.Add($"| {idiom} | {r.Cases} | {r.Exact} | {r.TruePositives} | {r.FalsePositives} | {r.FalseNegatives} |");
                lines.Add($"| **all** | **{Rows.Values.Sum(r => r.Cases)}** | **{Rows.Values.Sum(r => r.Exact)}** | **{Tp}** | **{Fp}** | **{Fn}** |");
                lines.Add("");
                lines.Add($"precision {Precision:P0}, recall {Recall:P0}");
                return string.Join("\n", lines) + "\n";
            }
        }
    }
}
