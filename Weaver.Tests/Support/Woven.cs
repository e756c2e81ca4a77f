using System.IO;
using System.Linq;
using NonBlocking.Weaver;

namespace NonBlocking.Tests.Support
{
    /// <summary>Weaves a copy of a built assembly (with its PDB) in a fresh folder, as the build task would in obj/.</summary>
    internal static class Woven
    {
        public static string Copy(string sourceDll, int thresholdMs = 100, string? keyFile = null, string purpose = "woven",
            string[]? blockingApis = null, bool reportThreadPool = false)
        {
            string path = CopyUnwoven(sourceDll, purpose);
            var result = Weave(path, thresholdMs, keyFile, blockingApis: blockingApis, reportThreadPool: reportThreadPool);
            Xunit.Assert.True(result.Outcome == WeaveOutcome.Woven,
                $"weaving {path} gave {result.Outcome}: " + string.Join("; ", result.Diagnostics));
            return path;
        }

        public static string CopyUnwoven(string sourceDll, string purpose = "unwoven")
        {
            var dir = TestPaths.NewTempDirectory(purpose);
            string dll = Path.Combine(dir, Path.GetFileName(sourceDll));
            File.Copy(sourceDll, dll);
            string pdb = Path.ChangeExtension(sourceDll, ".pdb");
            if (File.Exists(pdb)) File.Copy(pdb, Path.ChangeExtension(dll, ".pdb"));
            return dll;
        }

        public static WeaveResult Weave(string path, int thresholdMs = 100, string? keyFile = null, string? output = null,
            string[]? blockingApis = null, bool reportThreadPool = false, string[]? notBlockingApis = null) =>
            AssemblyWeaver.Weave(new WeaveOptions
            {
                AssemblyPath = path,
                OutputPath = output,
                RuntimeAssemblyPath = TestPaths.RuntimeAssembly,
                ReferencePaths = Directory.GetFiles(Path.GetDirectoryName(TestPaths.RuntimeAssembly)!, "*.dll").ToList(),
                ThresholdMs = thresholdMs,
                StrongNameKeyFile = keyFile,
                BlockingApis = blockingApis ?? System.Array.Empty<string>(),
                NotBlockingApis = notBlockingApis ?? System.Array.Empty<string>(),
                ReportThreadPool = reportThreadPool,
            });
    }
}
