using System;
using System.Threading;
using NonBlocking.Instrumentation;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// Assemblies woven by earlier weavers keep working with this runtime: each form of an async method's location
    /// table the weaver has written is read to the same report, driven through the probes woven code calls.
    /// </summary>
    [Collection("reports")]
    public sealed class AsyncSiteFormsTests : IDisposable
    {
        private const int Threshold = 50;
        private readonly ReportCollector _reports = new ReportCollector();
        private readonly WovenModule _module = WovenModule.Register("AsyncSiteForms", Threshold, bakedReportThreadPool: false);

        public void Dispose() => _reports.Dispose();

        public static TheoryData<string, Func<WovenModule, string, AsyncSite>> Forms => new TheoryData<string, Func<WovenModule, string, AsyncSite>>
        {
            // Until 2026-12-07: every row names its file.
            { "EveryRow", (module, name) => new AsyncSite(module, name, "S\t10\tA.cs\nE\t30\tA.cs\n0\t20\tB.cs") },
            // 2026-12-07: a row names its file where it changes.
            { "WhereItChanges", (module, name) => new AsyncSite(module, name, "S\t10\tA.cs\nE\t30\n0\t20\tB.cs") },
            // Since: the method's first file passed apart, once in the string heap.
            { "Apart", (module, name) => AsyncSite.Create(module, name, "A.cs", "S\t10\nE\t30\n0\t20\tB.cs") },
        };

        [Theory]
        [MemberData(nameof(Forms))]
        public void Each_form_names_the_start_the_await_and_the_end_with_their_files(string form, Func<WovenModule, string, AsyncSite> make)
        {
            // Two sites of the same table: a site is reported once in a while (its rate limit), and each segment is asked for.
            var toAwait = make(_module, $"Forms.{form}.ToAwait()");
            long start = Probe.Enter(toAwait, -1);
            Thread.Sleep(4 * Threshold);
            Probe.Exit(start, toAwait, -1, 0);
            var toEnd = make(_module, $"Forms.{form}.ToEnd()");
            start = Probe.Enter(toEnd, 0);
            Thread.Sleep(4 * Threshold);
            Probe.ExitBeforeCompletion(start, toEnd, 0, -2);
            Probe.Abandon();

            var first = Assert.Single(_reports.WaitFor($"Forms.{form}.ToAwait()"));
            Assert.Equal(("start", "A.cs", 10), (first.From.Kind, first.From.File, first.From.Line));
            Assert.Equal(("await", "B.cs", 20), (first.To.Kind, first.To.File, first.To.Line));
            var second = Assert.Single(_reports.WaitFor($"Forms.{form}.ToEnd()"));
            Assert.Equal(("await", "B.cs", 20), (second.From.Kind, second.From.File, second.From.Line));
            Assert.Equal(("end", "A.cs", 30), (second.To.Kind, second.To.File, second.To.Line));
        }
    }
}
