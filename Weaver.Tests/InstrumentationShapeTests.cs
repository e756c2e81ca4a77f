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

        [Fact]
        public void A_blocking_calls_result_passes_through_its_end_probe_unless_it_cannot_be_a_generic_argument()
        {
            // Passing the result through keeps it out of a callee-saved register across the probe's cold call (case (d)
            // of the benchmarks); a type that cannot be a generic argument, or a void call, takes the plain end probe.
            var shapes = EndProbes(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release")));
            foreach (var expected in new[]
            {
                "Task`1<System.Int32>::get_Result -> BlockingResult<System.Int32>",
                "Task`1<System.String>::get_Result -> BlockingResult<System.String>",
                "Task`1<System.Decimal>::get_Result -> BlockingResult<System.Decimal>",
                "Task`1<System.ValueTuple`2<System.Int64,System.String>>::get_Result -> BlockingResult<System.ValueTuple`2<System.Int64,System.String>>",
                "Task`1<System.Int32[]>::get_Result -> BlockingResult<System.Int32[]>",
                "Task`1<System.Nullable`1<System.Int32>>::get_Result -> BlockingResult<System.Nullable`1<System.Int32>>",
                "Task`1<System.DayOfWeek>::get_Result -> BlockingResult<System.DayOfWeek>",
                "ManualResetEventSlim::Wait -> BlockingResult<System.Boolean>",
                "ValueTask`1<System.Int32>::get_Result -> BlockingResult<System.Int32>",
                "Task`1<T>::get_Result -> BlockingResult<!!T>", // ResultOf<T>: the method's own parameter
                "Task`1<T>::get_Result -> BlockingResult<!T>",  // the state machines of ResultOfAsync<T> and Box<T>.ResultAsync
                "Thread::Sleep -> BlockingEnd",
            })
                Assert.Contains(expected, shapes);

            var userApis = EndProbes(Woven.Copy(TestPaths.TestAssembly("BlockingApis", "Release"),
                blockingApis: new[] { "BlockingApis.LegacyClient.SendSync", "BlockingApis.LegacyClient.SpanSync" }));
            Assert.Contains("LegacyClient::SendSync -> BlockingResult<System.String>", userApis);
            Assert.Contains("LegacyClient::SpanSync -> BlockingEnd", userApis); // a ref struct
        }

        /// <summary>"Callee -> probe" for every end probe: the woven sequence is <c>call X; ldloc t; ldsfld site; call probe</c>.</summary>
        private static System.Collections.Generic.HashSet<string> EndProbes(string path)
        {
            using var module = ModuleDefinition.ReadModule(path);
            var shapes = new System.Collections.Generic.HashSet<string>();
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods.Where(m => m.HasBody))
                    foreach (var probe in method.Body.Instructions)
                    {
                        if (probe.OpCode != OpCodes.Call || !(probe.Operand is MethodReference p) ||
                            p.DeclaringType.FullName != "NonBlocking.Instrumentation.Probe" || !p.Name.StartsWith("Blocking") || p.Name == "BlockingStart")
                            continue;
                        var callee = (MethodReference)probe.Previous.Previous.Previous.Operand;
                        string name = p is GenericInstanceMethod g ? $"{p.Name}<{Name(g.GenericArguments[0])}>" : p.Name;
                        shapes.Add($"{callee.DeclaringType.FullName.Substring(callee.DeclaringType.Namespace.Length + 1)}::{callee.Name} -> {name}");
                    }
            return shapes;
        }

        private static string Name(TypeReference type) => type is GenericParameter p
            ? (p.Type == GenericParameterType.Method ? "!!" : "!") + p.Name
            : type.FullName;

        // Machines nest in the type that declares the opted-out method: AsyncShapes.OptedOut/<SleepyAsync>d__0.
        private static bool IsOptedOut(string machine) => machine.StartsWith("AsyncShapes.OptedOut", System.StringComparison.Ordinal);

        private static bool CallsProbe(MethodDefinition moveNext) =>
            moveNext.Body.Instructions.Any(i => i.OpCode == OpCodes.Call && i.Operand is MethodReference m &&
                                                m.DeclaringType.FullName == "NonBlocking.Instrumentation.Probe" && m.Name == "Enter");
    }
}
