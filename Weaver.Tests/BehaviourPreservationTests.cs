using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>Every async shape in TestAssemblies/AsyncShapes gives the same result or exception woven and unwoven.</summary>
    public class BehaviourPreservationTests
    {
        [Theory]
        [InlineData("Debug")]   // class state machines
        [InlineData("Release")] // struct state machines
        public async Task Every_scenario_behaves_the_same_woven_and_unwoven(string configuration)
        {
            string source = TestPaths.TestAssembly("AsyncShapes", configuration);
            using var plain = new IsolatedLoad(Woven.CopyUnwoven(source));
            using var woven = new IsolatedLoad(Woven.Copy(source));

            var scenarios = Scenarios(plain.Assembly).ToList();
            Assert.True(scenarios.Count >= 20, $"only {scenarios.Count} scenarios found");
            var mismatches = new List<string>();
            foreach (var name in scenarios)
            {
                string expected = await Run(plain.Assembly, name);
                string actual = await Run(woven.Assembly, name);
                if (expected != actual) mismatches.Add($"{name}: unwoven «{expected}», woven «{actual}»");
            }
            Assert.Empty(mismatches);
        }

        [Fact]
        public async Task Scenarios_exercise_results_and_every_kind_of_exception()
        {
            // Guards the corpus itself: the comparison above is only meaningful if scenarios really throw.
            using var plain = new IsolatedLoad(Woven.CopyUnwoven(TestPaths.TestAssembly("AsyncShapes", "Release")));
            var outcomes = new Dictionary<string, string>();
            foreach (var name in Scenarios(plain.Assembly)) outcomes[name] = await Run(plain.Assembly, name);
            Assert.Equal("ok: sum=5", outcomes["TaskOfT"]);
            Assert.Equal("ok: 0,1,2,3,4", outcomes["AsyncIterator"]);
            Assert.StartsWith("threw InvalidOperationException: thrown after an await", outcomes["ExceptionAfterAwait"]);
            Assert.StartsWith("threw FormatException", outcomes["ExceptionBeforeAwait"]);
            Assert.StartsWith("threw TaskCanceledException", outcomes["Cancellation"]);
            Assert.Equal("ok: try,catch:boom,after-await-in-catch,finally,after-await-in-finally", outcomes["TryCatchFinally"]);
            string waits = outcomes["WaitsOnTasks"];
            Assert.StartsWith("ok: completed:3,0,3,0,3,0,pending:4,0,4,0,4,0,faulted:AggregateException(InvalidOperationException: failed faulted),", waits);
            Assert.Contains("InvalidOperationException(InvalidOperationException: failed faulted)", waits); // GetResult() unwraps
            Assert.Contains("cancelled:AggregateException(TaskCanceledException", waits);
            Assert.Contains("TaskCanceledException(TaskCanceledException", waits);
            Assert.Contains("faults-later:AggregateException(InvalidOperationException: failed faults-later)", waits);
            Assert.DoesNotContain("NonBlocking frames", waits);
        }

        [Theory]
        [InlineData("AsyncShapes", "Debug", 100)]
        [InlineData("AsyncShapes", "Release", 100)]
        [InlineData("StrongNamed", "Release", 4)]
        public void Every_method_of_the_woven_assembly_compiles(string name, string configuration, int atLeast)
        {
            using var woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly(name, configuration)));
            var outcome = Jit.CompileAll(woven.Assembly);
            Assert.Empty(outcome.Failures);
            Assert.True(outcome.Compiled >= atLeast, $"only {outcome.Compiled} methods compiled");
        }

        internal static IEnumerable<string> Scenarios(Assembly assembly) =>
            assembly.GetType("AsyncShapes.Scenarios", true)!
                .GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(Task<string>) && m.GetParameters().Length == 0)
                .Select(m => m.Name)
                .OrderBy(n => n, StringComparer.Ordinal);

        private static async Task<string> Run(Assembly assembly, string scenario)
        {
            var method = assembly.GetType("AsyncShapes.Scenarios", true)!.GetMethod(scenario)!;
            try
            {
                var task = (Task<string>)method.Invoke(null, null)!;
                return "ok: " + await task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException t && t.InnerException != null ? t.InnerException : e;
                return $"threw {inner.GetType().Name}: {inner.Message}";
            }
        }
    }
}
