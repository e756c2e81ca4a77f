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
            // Passing the result through keeps it out of a callee-saved register across the probe's cold call (case (e)
            // of the benchmarks); a type that cannot be a generic argument, or a void call, takes the plain end probe.
            // A wait on a task goes to the runtime's helper for it, made for the task's result type (case (d)).
            var shapes = EndProbes(TestPaths.TestAssembly("AsyncShapes", "Release"));
            foreach (var expected in new[]
            {
                "Task`1<System.Int32>::get_Result -> CompletedWaits.TaskResult<System.Int32>",
                "Task`1<System.String>::get_Result -> CompletedWaits.TaskResult<System.String>",
                "Task`1<System.Decimal>::get_Result -> CompletedWaits.TaskResult<System.Decimal>",
                "Task`1<System.ValueTuple`2<System.Int64,System.String>>::get_Result -> CompletedWaits.TaskResult<System.ValueTuple`2<System.Int64,System.String>>",
                "Task`1<System.Int32[]>::get_Result -> CompletedWaits.TaskResult<System.Int32[]>",
                "Task`1<System.Nullable`1<System.Int32>>::get_Result -> CompletedWaits.TaskResult<System.Nullable`1<System.Int32>>",
                "Task`1<System.DayOfWeek>::get_Result -> CompletedWaits.TaskResult<System.DayOfWeek>",
                "ManualResetEventSlim::Wait -> BlockingResult<System.Boolean>",
                "ValueTask`1<System.Int32>::get_Result -> BlockingResult<System.Int32>",
                "Task`1<T>::get_Result -> CompletedWaits.TaskResult<!!T>", // ResultOf<T>: the method's own parameter
                "Task`1<T>::get_Result -> CompletedWaits.TaskResult<!T>",  // the state machines of ResultOfAsync<T> and Box<T>.ResultAsync
                "Thread::Sleep -> BlockingEnd",
            })
                Assert.Contains(expected, shapes);

            var userApis = EndProbes(TestPaths.TestAssembly("BlockingApis", "Release"),
                new[] { "BlockingApis.LegacyClient.SendSync", "BlockingApis.LegacyClient.SpanSync" });
            Assert.Contains("LegacyClient::SendSync -> BlockingResult<System.String>", userApis);
            Assert.Contains("LegacyClient::SpanSync -> BlockingEnd", userApis); // a ref struct
            foreach (var expected in new[]
            {
                "Task::Wait -> CompletedWaits.TaskWait",
                "TaskAwaiter::GetResult -> CompletedWaits.AwaiterWait",
                "TaskAwaiter`1<System.Int32>::GetResult -> CompletedWaits.AwaiterResult<System.Int32>",
                "ConfiguredTaskAwaitable/ConfiguredTaskAwaiter::GetResult -> CompletedWaits.ConfiguredAwaiterWait",
                "ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<System.Int32>::GetResult -> CompletedWaits.ConfiguredAwaiterResult<System.Int32>",
            })
                Assert.Contains(expected, userApis);
        }

        /// <summary>
        /// "Callee -> probe" for every end probe: the woven sequence is <c>call X; ldloc t; ldsfld site; call probe</c>;
        /// and "Callee -> CompletedWaits.Helper" where a wait on a task became <c>ldsfld site; call helper</c>, read
        /// back against the unwoven copy's call at the same offset in the unwoven method.
        /// </summary>
        private static System.Collections.Generic.HashSet<string> EndProbes(string unwovenPath, string[]? blockingApis = null)
        {
            using var module = ModuleDefinition.ReadModule(Woven.Copy(unwovenPath, blockingApis: blockingApis));
            using var unwoven = ModuleDefinition.ReadModule(unwovenPath);
            var shapes = new System.Collections.Generic.HashSet<string>();
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods.Where(m => m.HasBody))
                {
                    var replaced = new System.Collections.Generic.Queue<MethodReference>(ReplacedCalls(method, unwoven));
                    foreach (var probe in method.Body.Instructions)
                    {
                        if (probe.OpCode != OpCodes.Call || !(probe.Operand is MethodReference p)) continue;
                        string name = p is GenericInstanceMethod g ? $"{p.Name}<{Name(g.GenericArguments[0])}>" : p.Name;
                        if (p.DeclaringType.FullName == "NonBlocking.Instrumentation.CompletedWaits")
                        {
                            Assert.Equal(OpCodes.Ldsfld, probe.Previous.OpCode); // the site
                            shapes.Add($"{Callee(replaced.Dequeue())} -> CompletedWaits.{name}");
                        }
                        else if (p.DeclaringType.FullName == "NonBlocking.Instrumentation.Probe" && p.Name.StartsWith("Blocking") && p.Name != "BlockingStart")
                            shapes.Add($"{Callee((MethodReference)probe.Previous.Previous.Previous.Operand)} -> {name}");
                    }
                    Assert.Empty(replaced);
                }
            return shapes;
        }

        private static string Callee(MethodReference callee)
        {
            var outer = callee.DeclaringType.GetElementType();
            while (outer.DeclaringType != null) outer = outer.DeclaringType;
            return $"{callee.DeclaringType.FullName.Substring(outer.Namespace.Length + 1)}::{callee.Name}";
        }

        /// <summary>The calls of the unwoven method that the woven one no longer makes, in order.</summary>
        private static System.Collections.Generic.IEnumerable<MethodReference> ReplacedCalls(MethodDefinition woven, ModuleDefinition unwoven)
        {
            var original = unwoven.GetType(woven.DeclaringType.FullName)?.Methods.SingleOrDefault(m => m.FullName == woven.FullName);
            if (original == null) return Enumerable.Empty<MethodReference>();
            static System.Collections.Generic.IEnumerable<MethodReference> Calls(MethodDefinition m) => m.Body.Instructions
                .Where(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference).Select(i => (MethodReference)i.Operand);
            var left = Calls(woven).GroupBy(c => c.FullName).ToDictionary(g => g.Key, g => g.Count());
            var gone = new System.Collections.Generic.List<MethodReference>();
            foreach (var call in Calls(original))
                if (left.TryGetValue(call.FullName, out int n) && n > 0) left[call.FullName] = n - 1;
                else gone.Add(call);
            return gone;
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
