using System.IO;
using System.Linq;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>Bad input: one coded error naming the file and what to do; the input left byte-identical.</summary>
    public class BadInputTests
    {
        [Fact]
        public void File_that_is_not_an_assembly_is_rejected_and_left_alone()
        {
            string dir = TestPaths.NewTempDirectory("bad");
            string path = Path.Combine(dir, "NotAnAssembly.dll");
            File.WriteAllText(path, "this is not a PE file");
            byte[] before = File.ReadAllBytes(path);

            var result = Woven.Weave(path);

            var error = AssertSingleError(result, DiagnosticCodes.NotAnAssembly);
            Assert.Contains(path, error.Message);
            Assert.Contains("not a valid .NET assembly", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(dir)); // no temp files left
        }

        [Fact]
        public void Reference_assembly_is_rejected_with_advice()
        {
            string refAssembly = TestPaths.Source("TestAssemblies/AsyncShapes/obj/Release/net10.0/ref/AsyncShapes.dll");
            string path = Woven.CopyUnwoven(refAssembly);
            byte[] before = File.ReadAllBytes(path);

            var error = AssertSingleError(Woven.Weave(path), DiagnosticCodes.ReferenceAssembly);
            Assert.Contains("implementation assembly", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void Missing_input_names_the_path()
        {
            var error = AssertSingleError(Woven.Weave("/nonexistent/App.dll"), DiagnosticCodes.InputMissing);
            Assert.Contains("/nonexistent/App.dll", error.Message);
        }

        [Fact]
        public void Missing_runtime_assembly_is_an_error_that_says_which_package_to_reference()
        {
            string path = Woven.CopyUnwoven(TestPaths.TestAssembly("AsyncShapes", "Release"));
            byte[] before = File.ReadAllBytes(path);
            var result = AssemblyWeaver.Weave(new WeaveOptions { AssemblyPath = path, RuntimeAssemblyPath = "/nonexistent/NonBlocking.Runtime.dll" });

            var error = AssertSingleError(result, DiagnosticCodes.RuntimeMissing);
            Assert.Contains("NonBlocking.Runtime", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void A_runtime_of_another_version_is_an_error_naming_what_it_lacks()
        {
            // The runtime as an earlier version was: without the helpers that waits on tasks now call.
            string runtime = Path.Combine(TestPaths.NewTempDirectory("old-runtime"), "NonBlocking.Runtime.dll");
            using (var old = Mono.Cecil.ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(TestPaths.RuntimeAssembly))))
            {
                old.Types.Remove(old.GetType("NonBlocking.Instrumentation.CompletedWaits"));
                old.Write(runtime);
            }
            string path = Woven.CopyUnwoven(TestPaths.TestAssembly("AsyncShapes", "Release"));
            byte[] before = File.ReadAllBytes(path);

            var result = AssemblyWeaver.Weave(new WeaveOptions { AssemblyPath = path, RuntimeAssemblyPath = runtime });

            var error = AssertSingleError(result, DiagnosticCodes.RuntimeMissing);
            Assert.Contains(runtime, error.Message);
            Assert.Contains("NonBlocking.Instrumentation.CompletedWaits", error.Message);
            Assert.Contains("versions differ", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        [Fact]
        public void Missing_pdb_weaves_without_line_info_and_warns()
        {
            string path = Woven.CopyUnwoven(TestPaths.TestAssembly("AsyncShapes", "Release"));
            File.Delete(Path.ChangeExtension(path, ".pdb"));

            var result = Woven.Weave(path);

            Assert.Equal(WeaveOutcome.Woven, result.Outcome);
            var warning = Assert.Single(result.Diagnostics, d => d.Code.StartsWith("NB9"));
            Assert.Equal((DiagnosticCodes.NoSymbols, DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
            // The analysis still names methods, without lines.
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.BlockingCallInAsync && d.Line == 0);
            Assert.False(File.Exists(Path.ChangeExtension(path, ".pdb")));
        }

        [Fact]
        public void Failure_while_writing_leaves_the_original_intact()
        {
            string path = Woven.CopyUnwoven(TestPaths.TestAssembly("AsyncShapes", "Release"));
            byte[] before = File.ReadAllBytes(path);
            string blocker = Path.Combine(Path.GetDirectoryName(path)!, "a-file");
            File.WriteAllText(blocker, "a file where the output folder should be");

            var result = Woven.Weave(path, output: Path.Combine(blocker, "out", "AsyncShapes.dll"));

            var error = AssertSingleError(result, DiagnosticCodes.WriteFailed);
            Assert.Contains("original was left unchanged", error.Message);
            Assert.Equal(before, File.ReadAllBytes(path));
        }

        private static Diagnostic AssertSingleError(WeaveResult result, string code)
        {
            Assert.Equal(WeaveOutcome.Failed, result.Outcome);
            var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(code, error.Code);
            return error;
        }
    }
}
