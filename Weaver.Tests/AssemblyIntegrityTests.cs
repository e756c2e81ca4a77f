using System;
using System.IO;
using System.Threading.Tasks;
using NonBlocking.Tests.Support;
using NonBlocking.Weaver;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>The woven file stays a good citizen: debuggable, re-signed, stable under re-weaving.</summary>
    public class AssemblyIntegrityTests
    {
        [Theory]
        [InlineData("Debug")]
        [InlineData("Release")]
        public async Task Exception_stack_trace_keeps_file_and_line_after_weaving(string configuration)
        {
            int line = SourceMarkers.Line("TestAssemblies/AsyncShapes/Blocking.cs", "throw-line");
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", configuration)));
            var method = woven.Type("AsyncShapes.Blocking").GetMethod("ThrowAtMarkedLine")!;

            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => (Task<int>)method.Invoke(null, null)!);
            Assert.Contains($"Blocking.cs:line {line}", e.StackTrace);
            Assert.Contains("AsyncShapes.Blocking.ThrowAtMarkedLine()", e.StackTrace);
        }

        [Fact]
        public void Weaving_a_woven_assembly_again_changes_nothing()
        {
            string path = Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"));
            byte[] dll = File.ReadAllBytes(path), pdb = File.ReadAllBytes(Path.ChangeExtension(path, ".pdb"));

            var again = Woven.Weave(path);

            Assert.Equal(WeaveOutcome.AlreadyWoven, again.Outcome);
            Assert.Equal(dll, File.ReadAllBytes(path));
            Assert.Equal(pdb, File.ReadAllBytes(Path.ChangeExtension(path, ".pdb")));
        }

        [Fact]
        public void Weaving_the_same_input_twice_gives_identical_bytes()
        {
            string source = TestPaths.TestAssembly("AsyncShapes", "Release");
            string a = Woven.Copy(source), b = Woven.Copy(source);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(a, ".pdb")), File.ReadAllBytes(Path.ChangeExtension(b, ".pdb")));
            Assert.NotEqual(File.ReadAllBytes(source), File.ReadAllBytes(a));
        }

        [Fact]
        public void Strong_named_assembly_is_re_signed_with_the_projects_key()
        {
            string source = TestPaths.TestAssembly("StrongNamed", "Release");
            Assert.True(StrongNameVerifier.HasValidSignature(source), "the compiler's own signature must verify (checks the verifier)");

            string key = TestPaths.Source("TestAssemblies/TestKey.snk");
            string signed = Woven.Copy(source, keyFile: key);
            Assert.True(StrongNameVerifier.HasValidSignature(signed), "woven assembly's signature does not verify");

            string unsigned = Woven.Copy(source); // what a weaver that forgot the key would produce
            Assert.False(StrongNameVerifier.HasValidSignature(unsigned));
        }

        [Fact]
        public void Strong_named_assembly_still_loads_and_runs_after_re_signing()
        {
            string signed = Woven.Copy(TestPaths.TestAssembly("StrongNamed", "Release"), keyFile: TestPaths.Source("TestAssemblies/TestKey.snk"));
            using var load = new IsolatedLoad(signed);
            Assert.NotEmpty(load.Assembly.GetName().GetPublicKeyToken()!);
            var add = load.Type("StrongNamed.Signed").GetMethod("AddLaterAsync")!;
            Assert.Equal(5, ((Task<int>)add.Invoke(null, new object[] { 2, 3 })!).Result);
        }
    }
}
