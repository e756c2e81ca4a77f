using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NonBlocking.Corpus.Tests.Support;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;
using Xunit.Abstractions;

namespace NonBlocking.Corpus.Tests
{
    /// <summary>Weaves every library the corpus packages bring in, then compiles every method of every woven copy.</summary>
    public class CorpusWeaveTests
    {
        private readonly ITestOutputHelper _output;

        public CorpusWeaveTests(ITestOutputHelper output) => _output = output;

        private sealed record Row(string Library, int AsyncWoven, int CallsWoven, string Warnings, int Compiled, long WeaveMs, string Outcome);

        [Fact]
        public void Every_library_weaves_and_every_woven_method_still_compiles()
        {
            var libraries = CorpusPaths.LibraryAssemblies();
            Assert.True(libraries.Count >= 40, $"only {libraries.Count} library assemblies found");
            var references = Directory.GetFiles(CorpusPaths.Bin, "*.dll").ToList();
            var rows = new ConcurrentBag<Row>();
            var failures = new ConcurrentBag<string>();

            Parallel.ForEach(libraries, new ParallelOptions { MaxDegreeOfParallelism = 2 }, library =>
            {
                string name = Path.GetFileNameWithoutExtension(library);
                string copy = Path.Combine(CorpusPaths.NewTempDirectory("weave-" + name), Path.GetFileName(library));
                File.Copy(library, copy);
                var watch = Stopwatch.StartNew();
                var result = CorpusPaths.WeaveInPlace(copy, references);
                long weaveMs = watch.ElapsedMilliseconds;

                if (result.Outcome == WeaveOutcome.Failed)
                {
                    failures.Add($"{name}: weave failed: {string.Join("; ", result.Diagnostics)}");
                    rows.Add(new Row(name, 0, 0, "", 0, weaveMs, "FAILED"));
                    return;
                }
                if (result.Outcome != WeaveOutcome.Woven)
                {
                    rows.Add(new Row(name, 0, 0, Warnings(result), 0, weaveMs, result.Outcome.ToString()));
                    return;
                }

                using var context = new FolderLoadContext(Path.GetDirectoryName(copy)!);
                var jit = Jit.CompileAll(context.LoadFromAssemblyPath(copy));
                // A woven method that fails to compile is our bug only if the shipped one compiles.
                var woven = jit.Failures.Where(f => f.Contains("InvalidProgram") || f.Contains("BadImageFormat")).ToList();
                if (jit.Failures.Count > woven.Count)
                {
                    using var shippedContext = new FolderLoadContext(CorpusPaths.NewTempDirectory("shipped-" + name));
                    var shipped = Jit.CompileAll(shippedContext.LoadFromAssemblyPath(library)).Failures.ToHashSet();
                    woven.AddRange(jit.Failures.Where(f => !woven.Contains(f) && !shipped.Contains(f)));
                }
                foreach (var f in woven) failures.Add($"{name}: {f}");
                rows.Add(new Row(name, result.AsyncMethodsWoven, result.BlockingCallsWoven, Warnings(result), jit.Compiled, weaveMs, "woven"));
            });

            static string Warnings(WeaveResult r) =>
                string.Join(" / ", new[] { "NB0001", "NB0002", "NB0003" }.Select(c => r.Diagnostics.Count(d => d.Code == c)));

            var table = new StringBuilder();
            table.AppendLine("| library | async methods woven | blocking calls woven | NB0001 / NB0002 / NB0003 | methods JIT-checked | weave ms |");
            table.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var r in rows.Where(r => r.Outcome != nameof(WeaveOutcome.NothingToWeave)).OrderBy(r => r.Library, StringComparer.OrdinalIgnoreCase))
                table.AppendLine($"| {r.Library}{(r.Outcome == "woven" ? "" : " (" + r.Outcome + ")")} | {r.AsyncWoven} | {r.CallsWoven} | {r.Warnings} | {r.Compiled} | {r.WeaveMs} |");
            int totalWoven = rows.Sum(r => r.AsyncWoven), totalCompiled = rows.Sum(r => r.Compiled);
            table.AppendLine($"| **total ({rows.Count(r => r.Outcome == "woven")} woven of {rows.Count} assemblies)** | **{totalWoven}** | **{rows.Sum(r => r.CallsWoven)}** | | **{totalCompiled}** | **{rows.Sum(r => r.WeaveMs)}** |");
            _output.WriteLine(table.ToString());
            Directory.CreateDirectory(Path.Combine(CorpusPaths.Bin, "reports"));
            File.WriteAllText(Path.Combine(CorpusPaths.Bin, "reports", "corpus-table.md"), table.ToString());

            Assert.True(failures.IsEmpty, string.Join("\n", failures));
            Assert.True(totalWoven > 2000, $"only {totalWoven} async methods woven");
        }
    }
}

namespace NonBlocking.Corpus.Tests
{
    public class CorpusDeterminismTests
    {
        [Theory]
        [InlineData("Npgsql.dll")]
        [InlineData("MongoDB.Driver.dll")]
        public void Real_library_weaves_to_identical_bytes_and_a_second_weave_changes_nothing(string library)
        {
            var references = Directory.GetFiles(CorpusPaths.Bin, "*.dll").ToList();
            string a = Path.Combine(CorpusPaths.NewTempDirectory("det-a"), library);
            string b = Path.Combine(CorpusPaths.NewTempDirectory("det-b"), library);
            File.Copy(Path.Combine(CorpusPaths.Bin, library), a);
            File.Copy(Path.Combine(CorpusPaths.Bin, library), b);

            Assert.Equal(WeaveOutcome.Woven, CorpusPaths.WeaveInPlace(a, references).Outcome);
            Assert.Equal(WeaveOutcome.Woven, CorpusPaths.WeaveInPlace(b, references).Outcome);
            byte[] once = File.ReadAllBytes(a);
            Assert.Equal(once, File.ReadAllBytes(b));

            Assert.Equal(WeaveOutcome.AlreadyWoven, CorpusPaths.WeaveInPlace(a, references).Outcome);
            Assert.Equal(once, File.ReadAllBytes(a));
        }
    }
}
