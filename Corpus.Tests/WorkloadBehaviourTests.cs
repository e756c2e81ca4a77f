using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NonBlocking.Corpus.Tests.Support;
using NonBlocking.Weaver;
using Xunit;

namespace NonBlocking.Corpus.Tests
{
    /// <summary>
    /// The workloads folder woven in full (libraries and workload assembly) against the same folder as shipped:
    /// every workload must give the same result or the same exception.
    /// </summary>
    public class WorkloadBehaviourTests : IClassFixture<WorkloadBehaviourTests.WovenWorkloads>
    {
        public sealed class WovenWorkloads
        {
            public WovenWorkloads()
            {
                Folder = CorpusPaths.NewTempDirectory("woven-workloads");
                foreach (var file in Directory.GetFiles(CorpusPaths.Workloads, "*", SearchOption.AllDirectories))
                {
                    string target = Path.Combine(Folder, Path.GetRelativePath(CorpusPaths.Workloads, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
                var dlls = Directory.GetFiles(Folder, "*.dll").ToList();
                foreach (var dll in dlls)
                {
                    var result = CorpusPaths.WeaveInPlace(dll, dlls);
                    Assert.True(result.Outcome != WeaveOutcome.Failed, string.Join("; ", result.Diagnostics));
                    if (result.Outcome == WeaveOutcome.Woven) Woven.Add(Path.GetFileNameWithoutExtension(dll));
                }
            }

            public string Folder { get; }
            public System.Collections.Generic.List<string> Woven { get; } = new System.Collections.Generic.List<string>();
        }

        private readonly WovenWorkloads _woven;
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public WorkloadBehaviourTests(WovenWorkloads woven, Xunit.Abstractions.ITestOutputHelper output)
        {
            _woven = woven;
            _output = output;
        }

        [Fact]
        public void The_libraries_under_test_really_are_woven()
        {
            Assert.Contains("Dapper", _woven.Woven);
            Assert.Contains("Microsoft.Data.Sqlite", _woven.Woven);
            Assert.Contains("Polly.Core", _woven.Woven);
            Assert.Contains("Microsoft.Extensions.Hosting", _woven.Woven);
            Assert.Contains("Microsoft.EntityFrameworkCore", _woven.Woven);
            Assert.Contains("CorpusWorkloads", _woven.Woven);
        }

        [Theory]
        [InlineData("DapperOnSqlite")]
        [InlineData("PollyRetryAndTimeout")]
        [InlineData("HostedBackgroundService")]
        [InlineData("ChannelsProducersConsumers")]
        [InlineData("EntityFrameworkOnSqlite")]
        public async Task Workload_gives_the_same_outcome_with_woven_libraries(string workload)
        {
            string shipped = await Run(CorpusPaths.Workloads, workload);
            string woven = await Run(_woven.Folder, workload);

            _output.WriteLine($"shipped: {shipped}\nwoven:   {woven}");
            Assert.StartsWith("ok:", shipped); // the workload itself works
            Assert.Equal(shipped, woven);
        }

        private static async Task<string> Run(string folder, string workload)
        {
            using var context = new FolderLoadContext(folder);
            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "CorpusWorkloads.dll"));
            var method = assembly.GetType("CorpusWorkloads.Workloads", true)!.GetMethod(workload)!;
            string scratch = CorpusPaths.NewTempDirectory("scratch-" + workload);
            try
            {
                var task = (Task<string>)method.Invoke(null, new object[] { scratch })!;
                return "ok: " + await task.WaitAsync(TimeSpan.FromMinutes(2));
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException t && t.InnerException != null ? t.InnerException : e;
                return $"threw {inner.GetType().FullName}: {inner.Message}";
            }
        }
    }
}
