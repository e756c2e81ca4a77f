using System;
using Microsoft.Extensions.Logging;
using NonBlocking.Report;

namespace NonBlocking.Logging
{
    /// <summary>Bridges <see cref="BlockingMonitor.Reports"/> to <see cref="ILogger"/>.</summary>
    public static class NonBlockingLoggingExtensions
    {
        /// <summary>The category of the logger <see cref="LogNonBlockingReports(ILoggerFactory)"/> creates.</summary>
        public const string Category = "NonBlocking";

        /// <summary>
        /// Logs every published NonBlocking report to a logger of category <see cref="Category"/>: blocking segments and
        /// blocking calls as warnings, hangs as errors, each with its fields as structured values. Dispose the result to stop.
        /// </summary>
        /// <param name="factory">The app's logger factory (e.g. from dependency injection).</param>
        public static IDisposable LogNonBlockingReports(this ILoggerFactory factory)
        {
            if (factory == null) throw new ArgumentNullException(nameof(factory));
            return factory.CreateLogger(Category).LogNonBlockingReports();
        }

        /// <summary>Logs every published NonBlocking report to this logger. Dispose the result to stop.</summary>
        /// <param name="logger">Where the reports go.</param>
        public static IDisposable LogNonBlockingReports(this ILogger logger)
        {
            if (logger == null) throw new ArgumentNullException(nameof(logger));
            return BlockingMonitor.Reports.Subscribe(new ReportLogger(logger));
        }
    }
}
