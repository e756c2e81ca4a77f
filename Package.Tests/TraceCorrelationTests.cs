using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>
    /// Reports inside distributed traces, as a user meets them: an ASP.NET Core app on Kestrel (loopback) built with the
    /// packed package, traced by OpenTelemetry into its in-memory exporter. The blocking request's server span holds a
    /// <c>nonblocking.blocked</c> event, the JSON report names that span's trace and span ids, and the Meter's histogram
    /// carries an exemplar of that trace.
    /// </summary>
    [Collection("package-more")]
    public sealed class TraceCorrelationTests
    {
        private const string App = @"using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

public static class Program
{
    public static void Main()
    {
        var exported = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(""http://127.0.0.1:0"");
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddInMemoryExporter(exported))
            .WithMetrics(m => m.AddMeter(""NonBlocking"").SetExemplarFilter(ExemplarFilterType.TraceBased).AddInMemoryExporter(metrics));
        var app = builder.Build();
        app.MapGet(""/orders"", Orders.List);
        app.MapGet(""/health"", Orders.Health);
        app.StartAsync().GetAwaiter().GetResult();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using (var http = new HttpClient())
        {
            Console.WriteLine(""orders: "" + http.GetStringAsync(address + ""/orders"").GetAwaiter().GetResult());
            Console.WriteLine(""health: "" + http.GetStringAsync(address + ""/health"").GetAwaiter().GetResult());
        }
        app.StopAsync().GetAwaiter().GetResult();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        foreach (var metric in metrics.Where(m => m.Name == ""nonblocking.segment.duration""))
            foreach (ref readonly var point in metric.GetMetricPoints())
                if (point.TryGetExemplars(out var exemplars))
                    foreach (ref readonly var exemplar in exemplars)
                        Console.WriteLine($""exemplar trace={exemplar.TraceId} span={exemplar.SpanId}"");
        foreach (var span in exported)
            Console.WriteLine($""span {span.DisplayName} trace={span.TraceId} span={span.SpanId} events=["" +
                string.Join("";"", span.Events.Select(e => e.Name + ""{"" + string.Join("","", e.Tags.Select(t => t.Key + ""="" + t.Value)) + ""}"")) + ""]"");
    }
}

public static class Orders
{
    public static async Task<string> List()
    {
        await Task.Yield();
        Thread.Sleep(300);
        return ""3 orders"";
    }

    public static async Task<string> Health()
    {
        await Task.Delay(300);
        return ""ok"";
    }
}
";

        private readonly PackageFeed _feed;

        public TraceCorrelationTests(PackageFeed feed) => _feed = feed;

        [Fact]
        public void The_blocking_requests_server_span_holds_the_event_and_the_report_names_its_trace()
        {
            var project = new UserProject(_feed, "TracedApi", App, extraItems:
                @"<FrameworkReference Include=""Microsoft.AspNetCore.App"" />
    <PackageReference Include=""OpenTelemetry.Extensions.Hosting"" Version=""1.20.1"" />
    <PackageReference Include=""OpenTelemetry.Instrumentation.AspNetCore"" Version=""1.20.2"" />
    <PackageReference Include=""OpenTelemetry.Exporter.InMemory"" Version=""1.20.1"" />", nugetOrg: true);
            project.Build();
            string reports = Path.Combine(project.Directory, "reports.jsonl");
            var run = project.Run(new Dictionary<string, string?> { ["NONBLOCKING_OUTPUT"] = reports });
            Assert.Contains("orders: 3 orders", run.StdOut);

            var spans = Regex.Matches(run.StdOut, @"^span (?<name>.+?) trace=(?<trace>[0-9a-f]{32}) span=(?<span>[0-9a-f]{16}) events=\[(?<events>.*)\]$", RegexOptions.Multiline)
                .Select(m => (Name: m.Groups["name"].Value, Trace: m.Groups["trace"].Value, Span: m.Groups["span"].Value, Events: m.Groups["events"].Value)).ToList();
            var orders = Assert.Single(spans, s => s.Name.Contains("/orders"));
            var health = Assert.Single(spans, s => s.Name.Contains("/health"));
            Assert.Contains("nonblocking.blocked{nonblocking.method=Orders.List()", orders.Events);
            Assert.Contains("nonblocking.call.api=System.Threading.Thread.Sleep(int)", orders.Events);
            Assert.Matches(@"nonblocking\.call\.site=[^,]*Program\.cs:\d+", orders.Events);
            Assert.Matches(@"nonblocking\.self_ms=(2[5-9]\d|[3-9]\d\d)\b", orders.Events);
            Assert.DoesNotContain("nonblocking", health.Events);
            // The Meter's histogram links to the trace: OpenTelemetry's trace-based exemplar names the blocked request.
            Assert.Contains($"exemplar trace={orders.Trace} span={orders.Span}", run.StdOut);

            var json = File.ReadAllLines(reports).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var report = Assert.Single(json, r => r.GetProperty("kind").GetString() == "segment" && r.GetProperty("method").GetString() == "Orders.List()");
            Assert.Equal(orders.Trace, report.GetProperty("traceId").GetString());
            Assert.Equal(orders.Span, report.GetProperty("spanId").GetString());
            Assert.DoesNotContain(json, r => r.TryGetProperty("method", out var m) && m.GetString()!.Contains("Health"));

            // The text report (stderr, the default) says it on a line of its own.
            var text = project.Run();
            Assert.Matches(@"\[NonBlocking\] Orders\.List\(\) blocked thread[^\n]*\n(    [^\n]*\n)*?    trace [0-9a-f]{32} span [0-9a-f]{16}\n", text.StdErr.Replace("\r", ""));
        }
    }
}
