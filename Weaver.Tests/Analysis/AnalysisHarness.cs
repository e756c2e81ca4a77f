using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>Compiles a program, runs the weave-less analysis, and finds expected lines by "// @marker".</summary>
    internal sealed class AnalysisHarness
    {
        public AnalysisHarness(string name, string source, string[]? references = null, string[]? followInto = null, string[]? notBlocking = null,
            bool program = false)
        {
            Source = source;
            Dll = program ? Compiler.CompileProgram(name, source, references ?? Array.Empty<string>()) : Compiler.Compile(name, source, references ?? Array.Empty<string>());
            var result = AssemblyWeaver.Analyze(new WeaveOptions
            {
                AssemblyPath = Dll,
                ReferencePaths = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
                    .Append(TestPaths.RuntimeAssembly).Concat(references ?? Array.Empty<string>()).ToList(),
                AnalyzeReferencePaths = followInto ?? Array.Empty<string>(),
                NotBlockingApis = notBlocking ?? Array.Empty<string>(),
            });
            Assert.NotEqual(WeaveOutcome.Failed, result.Outcome);
            Diagnostics = result.Diagnostics.Where(d => d.Code.StartsWith("NB0")).ToList();
            FileName = name + ".cs";
        }

        public string Source { get; }
        public string Dll { get; }
        public string FileName { get; }
        public List<Diagnostic> Diagnostics { get; }

        public int Line(string marker) => Line(Source, marker);

        public static int Line(string source, string marker)
        {
            var lines = source.Split('\n');
            int index = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("// @" + marker));
            Assert.True(index >= 0, "marker @" + marker + " missing");
            return index + 1;
        }

        /// <summary>Asserts exactly these (code, marker) diagnostics, all in this program's file.</summary>
        public void AssertExactly(params (string Code, string Marker)[] expected)
        {
            var actual = Diagnostics.Select(d => (d.Code, d.Line)).OrderBy(x => x.Line).ThenBy(x => x.Code).ToList();
            var wanted = expected.Select(e => (e.Code, Line(e.Marker))).OrderBy(x => x.Item2).ThenBy(x => x.Code).ToList();
            Assert.True(wanted.SequenceEqual(actual),
                $"expected [{string.Join(", ", wanted)}] got [{string.Join(", ", actual)}]:\n" + string.Join("\n", Diagnostics));
            Assert.All(Diagnostics, d => Assert.EndsWith(FileName, d.File));
        }

        public Diagnostic At(string marker) => Assert.Single(Diagnostics, d => d.Line == Line(marker));
    }
}
