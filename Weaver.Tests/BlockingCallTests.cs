using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NonBlocking.Report;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// Every catalog family, called from an async method directly and through a sync helper, each really blocking
    /// ~200 ms: the segment report names the API, the method that called it and the line.
    /// </summary>
    [Collection("reports")]
    public class BlockingCallTests : IClassFixture<BlockingCallTests.WovenApis>
    {
        private const string Source = "TestAssemblies/BlockingApis/Families.cs";
        private const string UserApi = "BlockingApis.LegacyClient.SendSync";
        private const string UserSpanApi = "BlockingApis.LegacyClient.SpanSync";

        public sealed class WovenApis : IDisposable
        {
            public WovenApis()
            {
                Load = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("BlockingApis", "Release"), thresholdMs: 100, blockingApis: new[] { UserApi, UserSpanApi }));
            }

            internal IsolatedLoad Load { get; }
            public void Dispose() => Load.Dispose();
        }

        private readonly WovenApis _woven;

        public BlockingCallTests(WovenApis woven) => _woven = woven;

        public static IEnumerable<object[]> Families()
        {
            using var plain = new IsolatedLoad(TestPaths.TestAssembly("BlockingApis", "Release"));
            var expected = ((string Family, string Api)[])plain.Type("BlockingApis.Families").GetField("Expected")!.GetValue(null)!;
            foreach (var (family, api) in expected)
                foreach (var variant in new[] { "Direct", "Helper" })
                    yield return new object[] { family, variant, api };
        }

        [Theory]
        [MemberData(nameof(Families))]
        public async Task Catalogued_call_is_named_in_the_segment_that_ran_it(string family, string variant, string api)
        {
            using var reports = new ReportCollector();
            var previousIn = Console.In;
            if (family == "ConsoleReadLine") Console.SetIn((TextReader)Activator.CreateInstance(_woven.Load.Type("BlockingApis.Fixtures+SlowReader"))!);
            try
            {
                await (Task)_woven.Load.Type("BlockingApis.Families").GetMethod($"{family}_{variant}")!.Invoke(null, null)!;
            }
            finally
            {
                Console.SetIn(previousIn);
            }

            string method = $"BlockingApis.Families.{family}_{variant}()";
            var report = Assert.Single(reports.WaitFor(method));
            string expectedCaller = variant == "Direct" ? method : $"BlockingApis.Families.{family}_Sync()";
            var call = report.BlockingCalls.FirstOrDefault(c => c.Api.Contains(api));
            Assert.True(call != null, $"no {api} in [{string.Join("; ", report.BlockingCalls.Select(c => c.Api + " by " + c.Caller))}]");
            Assert.Equal(expectedCaller, call!.Caller);
            Assert.Equal(SourceMarkers.Line(Source, $"{family}:{variant.ToLowerInvariant()}"), call.Line);
            Assert.EndsWith("Families.cs", call.File);
            Assert.InRange(call.DurationMs, 150, 5000);
        }

        [Fact]
        public async Task Offloaded_blocking_is_silent_by_default()
        {
            using var reports = new ReportCollector();
            var calls = new List<BlockingCallReport>();
            Action<BlockingCallReport> onCall = r => { lock (calls) calls.Add(r); };
            BlockingMonitor.BlockingCallReported += onCall;
            try
            {
                await (Task)_woven.Load.Type("BlockingApis.Families").GetMethod("Offloaded")!.Invoke(null, null)!;
                Assert.Empty(reports.WaitFor("BlockingApis.Families.Offloaded", 0));
                lock (calls) Assert.DoesNotContain(calls, c => c.Assembly == "BlockingApis");
            }
            finally
            {
                BlockingMonitor.BlockingCallReported -= onCall;
            }
        }

        [Fact]
        public async Task Thread_pool_mode_reports_offloaded_blocking_with_its_caller_and_line()
        {
            using var tpMode = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("BlockingApis", "Release"), thresholdMs: 100, reportThreadPool: true));
            var calls = new List<BlockingCallReport>();
            Action<BlockingCallReport> onCall = r => { lock (calls) calls.Add(r); };
            BlockingMonitor.BlockingCallReported += onCall;
            try
            {
                await (Task)tpMode.Type("BlockingApis.Families").GetMethod("Offloaded")!.Invoke(null, null)!;
                var deadline = DateTime.UtcNow.AddSeconds(5);
                while (DateTime.UtcNow < deadline) { lock (calls) if (calls.Count > 0) break; await Task.Delay(20); }

                BlockingCallReport report;
                lock (calls) report = Assert.Single(calls, c => c.Assembly == "BlockingApis");
                Assert.Equal("blocking", report.Kind);
                Assert.True(report.IsThreadPoolThread);
                Assert.Equal("System.Threading.Thread.Sleep(int)", report.Call.Api);
                Assert.Equal("BlockingApis.Families.Offloaded.<lambda>()", report.Call.Caller);
                Assert.Equal(SourceMarkers.Line(Source, "offloaded"), report.Call.Line);
                Assert.Contains("outside any async segment", report.ToString());
            }
            finally
            {
                BlockingMonitor.BlockingCallReported -= onCall;
            }
        }

        [Fact]
        public void Calls_that_cannot_block_here_are_still_instrumented_and_the_compilers_own_awaits_are_not()
        {
            var apis = BlockingSiteApis(_woven.Load.Assembly);
            foreach (var expected in new[]
            {
                "System.Net.Dns.GetHostAddresses(string)", "System.Net.Dns.GetHostEntry(string)", "System.IO.Stream.Write(byte[], int, int)",
                "System.IO.Stream.Flush()", "System.Net.Sockets.Socket.Send(byte[])", "System.Net.Sockets.Socket.Connect(EndPoint)",
                "System.Threading.Tasks.Parallel.Invoke(Action[])", "System.Console.Read()", "System.Threading.Thread.Join(int)",
            })
                Assert.Contains(expected, apis);
            Assert.Contains(apis, a => a.StartsWith("System.Threading.Tasks.Parallel.ForEach"));
            // Only the two GetAwaiter().GetResult() calls the user wrote; every `await task` in the assembly uses
            // TaskAwaiter.GetResult too, and must not count.
            Assert.Equal(2, apis.Count(a => a == "System.Runtime.CompilerServices.TaskAwaiter.GetResult()"));
        }

        [Fact]
        public void Opted_out_code_gets_no_call_probes()
        {
            var apis = BlockingSiteApis(_woven.Load.Assembly);
            var callers = BlockingSiteCallers(_woven.Load.Assembly);
            Assert.DoesNotContain(callers, c => c.StartsWith("BlockingApis.Fixtures") || c.StartsWith("BlockingApis.Slow") || c.StartsWith("BlockingApis.LegacyClient"));
            Assert.Contains(UserApi + "(string)", apis);
        }

        private static List<string> BlockingSiteApis(Assembly woven) => SiteStrings(woven, "Api");
        private static List<string> BlockingSiteCallers(Assembly woven) => SiteStrings(woven, "Caller");

        private static List<string> SiteStrings(Assembly woven, string property)
        {
            var sites = woven.GetType("<NonBlocking>Sites", true)!;
            var siteType = typeof(NonBlocking.Instrumentation.BlockingSite);
            var getter = siteType.GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!;
            return sites.GetFields(BindingFlags.Static | BindingFlags.NonPublic)
                .Where(f => f.FieldType == siteType)
                .Select(f => (string)getter.GetValue(f.GetValue(null))!)
                .ToList();
        }
    }
}
