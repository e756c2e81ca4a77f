using System;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace OpenTelemetryDemo;

public static class Program
{
    // Sync Main: setting up the SDK takes a while, and in an async Main that start-up would be a blocking segment too.
    public static void Main()
    {
        // The only line NonBlocking needs: export its meter.
        using var metrics = Sdk.CreateMeterProviderBuilder()
            .AddMeter("NonBlocking")
            .AddConsoleExporter()
            .Build();

        Run().GetAwaiter().GetResult();

        metrics.ForceFlush();
        Console.WriteLine("OpenTelemetryDemo: done");
    }

    private static async Task Run()
    {
        for (int order = 1; order <= 3; order++) await Checkout(order);
        await Ship(); // offloads its blocking work: not in the metrics
    }

    private static async Task Checkout(int order)
    {
        Thread.Sleep(150 * order); // blocks the caller's thread: a segment over the threshold
        await Task.Yield();
    }

    private static async Task Ship() => await Task.Run(() => Thread.Sleep(300));
}
