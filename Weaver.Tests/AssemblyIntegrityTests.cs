using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Mono.Cecil;
using Mono.Cecil.Cil;
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

        /// <summary>
        /// A debugger steps over awaits and breaks on an async void method's unhandled exceptions with the PDB's async
        /// stepping records (each await's yield and resume instruction, the compiler's catch). The probes move every
        /// instruction, so each record must still name the instruction it named, and a method with no catch record must
        /// not gain one (inserting with Cecil one instruction at a time once gave every async Task method a catch at
        /// its first original instruction).
        /// </summary>
        [Theory]
        [InlineData("Debug")]
        [InlineData("Release")]
        public void Async_stepping_records_still_name_the_compilers_instructions(string configuration)
        {
            string source = TestPaths.TestAssembly("AsyncShapes", configuration);
            var parameters = new ReaderParameters { ReadSymbols = true };
            using var unwoven = ModuleDefinition.ReadModule(source, parameters);
            using var woven = ModuleDefinition.ReadModule(Woven.Copy(source), parameters);
            int methods = 0, yields = 0, catches = 0;
            foreach (var type in unwoven.GetTypes())
            foreach (var before in type.Methods.Where(m => m.HasBody))
            {
                var record = before.CustomDebugInformations.OfType<AsyncMethodBodyDebugInformation>().SingleOrDefault();
                if (record == null) continue;
                var after = woven.GetType(type.FullName).Methods.Single(m => m.FullName == before.FullName);
                var wovenRecord = after.CustomDebugInformations.OfType<AsyncMethodBodyDebugInformation>().Single();
                if (after.Body.Instructions.Count == before.Body.Instructions.Count) continue; // opted out
                methods++;

                Assert.Equal(record.Yields.Count, wovenRecord.Yields.Count);
                for (int i = 0; i < record.Yields.Count; i++)
                {
                    Assert.Equal(Describe(before, record.Yields[i]), Describe(after, wovenRecord.Yields[i]));
                    Assert.Equal(Describe(before, record.Resumes[i]), Describe(after, wovenRecord.Resumes[i]));
                    yields++;
                }
                if (record.CatchHandler.Offset < 0)
                    Assert.True(wovenRecord.CatchHandler.Offset < 0, $"{after.FullName} gained a catch record at IL_{wovenRecord.CatchHandler.Offset:x4}");
                else
                {
                    Assert.Equal(Describe(before, record.CatchHandler), Describe(after, wovenRecord.CatchHandler));
                    Assert.Contains(after.Body.ExceptionHandlers, h => h.HandlerType == ExceptionHandlerType.Catch && h.HandlerStart.Offset == wovenRecord.CatchHandler.Offset);
                    catches++;
                }
            }
            Assert.True(methods > 20 && yields > 20 && catches > 0, $"{methods} methods, {yields} awaits, {catches} catch records checked");
        }

        /// <summary>The instruction at a record's offset and the one after it, which tell one await from another.</summary>
        private static string Describe(MethodDefinition method, InstructionOffset offset)
        {
            static string Show(Instruction? i) => i == null ? "" : $"{i.OpCode} {(i.Operand is Instruction ? "" : i.Operand)}";
            var at = method.Body.Instructions.Single(i => i.Offset == offset.Offset);
            return Show(at) + " / " + Show(at.Next);
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
