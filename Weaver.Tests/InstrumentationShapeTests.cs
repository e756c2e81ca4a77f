using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>What the weaver puts in the IL: a probe in every async MoveNext, none where code opted out.</summary>
    public class InstrumentationShapeTests
    {
        [Theory]
        [InlineData("Debug")]
        [InlineData("Release")]
        public void Every_async_state_machine_is_probed_except_opted_out_ones(string configuration)
        {
            string path = Woven.Copy(TestPaths.TestAssembly("AsyncShapes", configuration));
            using var module = ModuleDefinition.ReadModule(path);
            var machines = module.GetTypes()
                .Where(t => t.Interfaces.Any(i => i.InterfaceType.Name == "IAsyncStateMachine"))
                .ToDictionary(t => t.FullName, t => CallsProbe(t.Methods.Single(m => m.Name == "MoveNext")));

            Assert.True(machines.Count >= 30, $"only {machines.Count} machines");
            var optedOut = machines.Where(m => IsOptedOut(m.Key)).ToList();
            Assert.Equal(3, optedOut.Count); // SleepyAsync, ComputeAsync and its lambda
            Assert.All(optedOut, m => Assert.False(m.Value, m.Key + " was probed despite [AllowBlocking]"));
            Assert.All(machines.Where(m => !IsOptedOut(m.Key)), m => Assert.True(m.Value, m.Key + " has no probe"));
            if (configuration == "Release")
                Assert.Contains(module.GetTypes(), t => t.IsValueType && t.Interfaces.Any(i => i.InterfaceType.Name == "IAsyncStateMachine"));
        }

        [Fact]
        public void Assembly_level_AllowBlocking_leaves_the_assembly_untouched()
        {
            string path = Woven.CopyUnwoven(TestPaths.TestAssembly("OptedOutAssembly", "Release"));
            byte[] before = System.IO.File.ReadAllBytes(path);
            var result = Woven.Weave(path);
            Assert.Equal(NonBlocking.Weaver.WeaveOutcome.NothingToWeave, result.Outcome);
            Assert.Equal(1, result.AsyncMethodsOptedOut);
            Assert.Equal(before, System.IO.File.ReadAllBytes(path));
        }

        // Machines nest in the type that declares the opted-out method: AsyncShapes.OptedOut/<SleepyAsync>d__0.
        private static bool IsOptedOut(string machine) => machine.StartsWith("AsyncShapes.OptedOut", System.StringComparison.Ordinal);

        private static bool CallsProbe(MethodDefinition moveNext) =>
            moveNext.Body.Instructions.Any(i => i.OpCode == OpCodes.Call && i.Operand is MethodReference m &&
                                                m.DeclaringType.FullName == "NonBlocking.Instrumentation.Probe" && m.Name == "Enter");
    }
}
