using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NonBlocking.Report;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>The in-process API: subscribe to reports, read the configuration, change the threshold, switch reporting off.</summary>
    [Collection("reports")]
    public sealed class MonitorApiTests : IDisposable
    {
        private const int Threshold = 400;
        private const string Method = "AsyncShapes.Blocking.SleepThenAwait(int)";
        private readonly IsolatedLoad _woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Threshold));
        private readonly ReportCollector _reports = new ReportCollector();

        public void Dispose()
        {
            BlockingMonitor.ResetThreshold();
            BlockingMonitor.Enabled = true;
            _reports.Dispose();
            _woven.Dispose();
        }

        private Task Sleep(int ms) => Run("SleepThenAwait", ms);

        /// <summary>A second method, for a second report within the per-site rate limit's second.</summary>
        private Task Between(int ms) => Run("BetweenAwaits", ms);

        private Task Run(string method, int ms) => (Task)_woven.Type("AsyncShapes.Blocking").GetMethod(method)!.Invoke(null, new object[] { ms })!;

        /// <summary>
        /// This test's woven copy: other copies run under the same name, and each test gets its own, so it is the
        /// latest to register with <see cref="Threshold"/> baked in.
        /// </summary>
        private static WovenAssemblySettings Ours() =>
            BlockingMonitor.Configuration.Assemblies.Last(a => a.Name == "AsyncShapes" && a.BuildThresholdMs == Threshold);

        [Fact]
        public async Task Observers_get_every_published_report_until_they_unsubscribe()
        {
            var seen = new List<NonBlockingReport>();
            var observer = new Observer(r => { lock (seen) seen.Add(r); });
            var subscription = BlockingMonitor.Reports.Subscribe(observer);
            await Sleep(Threshold + 200);
            _reports.WaitFor(Method);
            lock (seen) Assert.Contains(seen, r => r is SegmentReport s && s.Method == Method);

            subscription.Dispose();
            int before;
            lock (seen) before = seen.Count;
            await Between(Threshold + 200);
            Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.BetweenAwaits"));
            lock (seen) Assert.Equal(before, seen.Count);
        }

        [Fact]
        public async Task SetThreshold_applies_to_loaded_assemblies_and_shows_in_the_configuration()
        {
            await Sleep(1); // a woven assembly registers when its first async method runs
            var config = BlockingMonitor.Configuration;
            Assert.Equal(Threshold, Ours().ThresholdMs);
            Assert.Equal(10 * Threshold, Ours().HangMs);
            Assert.Equal("build", config.ThresholdSource);
            Assert.Null(config.ThresholdOverrideMs);
            Assert.Equal("auto", config.Hang); // Weaver.Tests.csproj's RuntimeHostConfigurationOption
            Assert.Equal("stderr", config.Output);
            Assert.Equal(256, config.OutputQueue);
            Assert.False(config.TestMode);
            Assert.Null(config.TestModeMinMs);
            Assert.Equal(0, config.ReportsDroppedByOutput);

            await Sleep(150);
            Assert.Empty(_reports.WaitFor(Method, 0));

            BlockingMonitor.SetThreshold(50);
            Assert.All(BlockingMonitor.Configuration.Assemblies, a => Assert.Equal(50, a.ThresholdMs));
            Assert.Equal("api", BlockingMonitor.Configuration.ThresholdSource);
            Assert.Equal(50, BlockingMonitor.Configuration.ThresholdOverrideMs);
            await Sleep(150);
            var r = Assert.Single(_reports.WaitFor(Method));
            Assert.Equal(50, r.ThresholdMs);

            BlockingMonitor.ResetThreshold();
            Assert.Equal(Threshold, Ours().ThresholdMs);
            Assert.Throws<ArgumentOutOfRangeException>(() => BlockingMonitor.SetThreshold(0));
        }

        [Fact]
        public async Task Enabled_false_stops_all_reports_and_true_brings_them_back()
        {
            BlockingMonitor.Enabled = false;
            Assert.False(BlockingMonitor.Configuration.Enabled);
            await Sleep(Threshold + 200);
            Assert.Empty(_reports.WaitFor(Method, 0));

            BlockingMonitor.Enabled = true;
            await Between(Threshold + 200);
            Assert.Single(_reports.WaitFor("AsyncShapes.Blocking.BetweenAwaits"));
        }

        private sealed class Observer : IObserver<NonBlockingReport>
        {
            private readonly Action<NonBlockingReport> _onNext;
            public Observer(Action<NonBlockingReport> onNext) => _onNext = onNext;
            public void OnNext(NonBlockingReport value) => _onNext(value);
            public void OnError(Exception error) { }
            public void OnCompleted() { }
        }
    }
}
