using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NonBlocking.Logging;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests
{
    /// <summary>NonBlocking.Extensions.Logging: reports become structured ILogger entries until the subscription is disposed.</summary>
    [Collection("reports")]
    public sealed class LoggingBridgeTests : IDisposable
    {
        private const int Threshold = 100;
        private readonly IsolatedLoad _woven = new IsolatedLoad(Woven.Copy(TestPaths.TestAssembly("AsyncShapes", "Release"), Threshold));

        public void Dispose() => _woven.Dispose();

        private Task Run(string method, int ms) => (Task)_woven.Type("AsyncShapes.Blocking").GetMethod(method)!.Invoke(null, new object[] { ms })!;

        [Fact]
        public async Task Blocking_segment_is_logged_as_a_structured_warning_until_disposed()
        {
            var logger = new ListLogger();
            var subscription = logger.LogNonBlockingReports();
            await Run("SleepThenAwait", 300);
            var entry = logger.WaitFor(e => Equals(e.State["Method"], "AsyncShapes.Blocking.SleepThenAwait(int)"));

            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Equal(new EventId(1, "BlockingSegment"), entry.Id);
            Assert.InRange((long)entry.State["DurationMs"]!, 280, 1300);
            Assert.Equal("System.Threading.Thread.Sleep(int)", entry.State["Api"]);
            Assert.EndsWith(":" + SourceMarkers.Line("TestAssemblies/AsyncShapes/Blocking.cs", "sleep-then-await:await"), (string)entry.State["To"]!);
            Assert.Contains("AsyncShapes.Blocking.SleepThenAwait(int) blocked its thread for", entry.Message);

            subscription.Dispose();
            int before = logger.Count;
            await Run("BetweenAwaits", 300);
            await Task.Delay(300);
            Assert.Equal(before, logger.Count);
        }

        private sealed class ListLogger : ILogger
        {
            private readonly List<(LogLevel Level, EventId Id, Dictionary<string, object?> State, string Message)> _entries = new();

            public int Count { get { lock (_entries) return _entries.Count; } }

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new();
                lock (_entries) _entries.Add((logLevel, eventId, values, formatter(state, exception)));
            }

            public (LogLevel Level, EventId Id, Dictionary<string, object?> State, string Message) WaitFor(
                Func<(LogLevel Level, EventId Id, Dictionary<string, object?> State, string Message), bool> match)
            {
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (DateTime.UtcNow < deadline)
                {
                    lock (_entries)
                        foreach (var e in _entries)
                            if (e.State.ContainsKey("Method") && match(e)) return e;
                    System.Threading.Thread.Sleep(20);
                }
                throw new Xunit.Sdk.XunitException("no matching log entry");
            }
        }
    }
}
