using System;

namespace NonBlocking.Report
{
    /// <summary><see cref="BlockingMonitor.Reports"/>: a copy-on-write list of observers, so publishing takes no lock.</summary>
    internal sealed class ReportObservable : IObservable<NonBlockingReport>
    {
        private readonly object _gate = new object();
        private volatile IObserver<NonBlockingReport>[] _observers = new IObserver<NonBlockingReport>[0];

        public IDisposable Subscribe(IObserver<NonBlockingReport> observer)
        {
            if (observer == null) throw new ArgumentNullException(nameof(observer));
            lock (_gate)
            {
                var next = new IObserver<NonBlockingReport>[_observers.Length + 1];
                _observers.CopyTo(next, 0);
                next[next.Length - 1] = observer;
                _observers = next;
            }
            return new Subscription(this, observer);
        }

        public void Publish(NonBlockingReport report)
        {
            foreach (var observer in _observers)
            {
                try { observer.OnNext(report); }
                catch { /* an observer's bug must not break the app being observed */ }
            }
        }

        private void Unsubscribe(IObserver<NonBlockingReport> observer)
        {
            lock (_gate)
            {
                int i = Array.IndexOf(_observers, observer);
                if (i < 0) return;
                var next = new IObserver<NonBlockingReport>[_observers.Length - 1];
                Array.Copy(_observers, 0, next, 0, i);
                Array.Copy(_observers, i + 1, next, i, next.Length - i);
                _observers = next;
            }
        }

        private sealed class Subscription : IDisposable
        {
            private ReportObservable? _owner;
            private readonly IObserver<NonBlockingReport> _observer;

            public Subscription(ReportObservable owner, IObserver<NonBlockingReport> observer)
            {
                _owner = owner;
                _observer = observer;
            }

            public void Dispose()
            {
                _owner?.Unsubscribe(_observer);
                _owner = null;
            }
        }
    }
}
