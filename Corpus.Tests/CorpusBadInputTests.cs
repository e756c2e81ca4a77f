using System;
using System.IO;
using System.Linq;
using NonBlocking.Corpus.Tests.Support;
using NonBlocking.Weaver;
using Xunit;

namespace NonBlocking.Corpus.Tests
{
    /// <summary>Bad input taken from the corpus's own files: one coded error, the input left byte-identical, nothing else written.</summary>
    public class CorpusBadInputTests
    {
        [Theory]
        [InlineData("runtimes/linux-x64/native/libe_sqlite3.so")] // ELF
        [InlineData("runtimes/win-x64/native/e_sqlite3.dll")]     // a PE, but native: no CLI header
        public void Native_library_is_rejected(string relative)
        {
            var (path, before) = Copy(Path.Combine(CorpusPaths.Bin, relative));
            var error = AssertFailed(Weave(path), DiagnosticCodes.NotAnAssembly);
            Assert.Contains("native DLLs", error.Message);
            AssertUntouched(path, before);
        }

        [Fact]
        public void Truncated_assembly_is_rejected()
        {
            byte[] whole = File.ReadAllBytes(Path.Combine(CorpusPaths.Bin, "Dapper.dll"));
            string dir = CorpusPaths.NewTempDirectory("truncated");
            string path = Path.Combine(dir, "Dapper.dll");
            File.WriteAllBytes(path, whole.Take(whole.Length / 2).ToArray());
            byte[] before = File.ReadAllBytes(path);

            var error = AssertFailed(Weave(path), DiagnosticCodes.NotAnAssembly);
            Assert.Contains("truncated", error.Message);
            AssertUntouched(path, before);
        }

        [Fact]
        public void Corrupt_metadata_is_rejected()
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(CorpusPaths.Bin, "Polly.Core.dll"));
            int bsjb = IndexOf(bytes, new byte[] { 0x42, 0x53, 0x4A, 0x42 }); // metadata root signature
            Assert.True(bsjb > 0);
            for (int i = bsjb; i < bsjb + 64; i++) bytes[i] ^= 0x5A;
            string path = Path.Combine(CorpusPaths.NewTempDirectory("corrupt"), "Polly.Core.dll");
            File.WriteAllBytes(path, bytes);

            AssertFailed(Weave(path), DiagnosticCodes.NotAnAssembly);
            AssertUntouched(path, bytes);
        }

        [Fact]
        public void Strong_name_key_that_cannot_be_read_fails_clearly()
        {
            var (path, before) = Copy(Path.Combine(CorpusPaths.Bin, "Polly.Core.dll"));
            var result = AssemblyWeaver.Weave(new WeaveOptions
            {
                AssemblyPath = path,
                RuntimeAssemblyPath = CorpusPaths.Runtime,
                StrongNameKeyFile = "/nonexistent/key.snk",
            });
            var error = AssertFailed(result, DiagnosticCodes.KeyUnreadable);
            Assert.Contains("/nonexistent/key.snk", error.Message);
            AssertUntouched(path, before);
        }

        [Fact]
        public void Library_whose_references_are_absent_is_still_woven()
        {
            // Weaving needs no type from the references; a folder with the library alone must work.
            var (path, _) = Copy(Path.Combine(CorpusPaths.Bin, "Npgsql.dll"));
            var result = AssemblyWeaver.Weave(new WeaveOptions { AssemblyPath = path, RuntimeAssemblyPath = CorpusPaths.Runtime });
            Assert.Equal(WeaveOutcome.Woven, result.Outcome);
            Assert.True(result.AsyncMethodsWoven > 100);
        }

        private static WeaveResult Weave(string path) =>
            CorpusPaths.WeaveInPlace(path, Directory.GetFiles(CorpusPaths.Bin, "*.dll").ToList());

        private static (string, byte[]) Copy(string source)
        {
            string path = Path.Combine(CorpusPaths.NewTempDirectory("bad"), Path.GetFileName(source));
            File.Copy(source, path);
            return (path, File.ReadAllBytes(path));
        }

        private static Diagnostic AssertFailed(WeaveResult result, string code)
        {
            Assert.Equal(WeaveOutcome.Failed, result.Outcome);
            var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(code, error.Code);
            return error;
        }

        private static void AssertUntouched(string path, byte[] before)
        {
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!));
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i <= haystack.Length - needle.Length; i++)
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
            return -1;
        }
    }
}
