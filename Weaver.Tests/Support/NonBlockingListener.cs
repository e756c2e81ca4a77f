using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;
using Xunit;

namespace NonBlocking.Tests.Support
{
    /// <summary>Listens to the NonBlocking event source as dotnet-trace / dotnet-counters would.</summary>
    internal sealed class NonBlockingListener : EventListener
    {
        private readonly int _counterInterval;
        private readonly List<EventWrittenEventArgs> _events = new List<EventWrittenEventArgs>();
        private readonly List<IDictionary<string, object?>> _counters = new List<IDictionary<string, object?>>();
        private EventSource? _source;

        public NonBlockingListener(int counterIntervalSeconds = 0)
        {
            _counterInterval = counterIntervalSeconds;
            if (_source != null) Enable(_source);
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name != "NonBlocking") return;
            _source = source;
            // The base constructor calls this before our fields are set; Enable again from our constructor.
            if (_events != null) Enable(source);
        }

        private void Enable(EventSource source)
        {
            var args = _counterInterval > 0
                ? new Dictionary<string, string?> { ["EventCounterIntervalSec"] = _counterInterval.ToString() }
                : null;
            EnableEvents(source, EventLevel.Verbose, EventKeywords.All, args);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventSource.Name != "NonBlocking") return;
            lock (_events)
            {
                if (e.EventName == "EventCounters" && e.Payload?[0] is IDictionary<string, object?> counter) _counters.Add(counter);
                else _events.Add(e);
            }
        }

        public ListenedEvent WaitFor(string name, Func<ListenedEvent, bool> match)
        {
            ListenedEvent? found = null;
            Poll(() =>
            {
                lock (_events) found = _events.Where(e => e.EventName == name).Select(e => new ListenedEvent(e)).FirstOrDefault(match);
                return found != null;
            });
            return found!;
        }

        public IDictionary<string, object?> WaitForCounter(string name, Func<IDictionary<string, object?>, bool> match)
        {
            IDictionary<string, object?>? found = null;
            Poll(() =>
            {
                lock (_events) found = _counters.FirstOrDefault(c => Equals(c["Name"], name) && match(c));
                return found != null;
            });
            return found!;
        }

        /// <summary>How many counter payloads have arrived so far (a mark for <see cref="WaitForCounterSum"/>).</summary>
        public int CountersSeen
        {
            get { lock (_events) return _counters.Count; }
        }

        /// <summary>Sums an incrementing counter's increments over the payloads that arrived after <paramref name="since"/>.</summary>
        public double WaitForCounterSum(string name, double atLeast, int since = 0)
        {
            double Sum()
            {
                lock (_events) return _counters.Skip(since).Where(c => Equals(c["Name"], name)).Sum(c => Convert.ToDouble(c["Increment"]));
            }
            Poll(() => Sum() >= atLeast, () => $"{name} summed to {Sum()}; counters seen: " + string.Join("; ",
                _counters.ToList().Select(c => string.Join(",", c.Select(kv => kv.Key + "=" + kv.Value)))));
            return Sum();
        }

        public static void Poll(Func<bool> condition, Func<string>? describe = null)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition() && DateTime.UtcNow < deadline) Thread.Sleep(20);
            Assert.True(condition(), "timed out waiting" + (describe == null ? "" : ": " + describe()));
        }

        public List<string> CounterNames()
        {
            lock (_events) return _counters.Select(c => (string)c["Name"]!).Distinct().ToList();
        }
    }

    /// <summary>One event of the NonBlocking source, its payload by name.</summary>
    internal sealed class ListenedEvent
    {
        private readonly EventWrittenEventArgs _e;
        public ListenedEvent(EventWrittenEventArgs e) => _e = e;
        public EventLevel Level => _e.Level;
        public object this[string name] => _e.Payload![_e.PayloadNames!.IndexOf(name)]!;
    }
}
