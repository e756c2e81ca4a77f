// An int a helper compares with zero is a flag, true when positive: a call passing a constant decides those comparisons
// (AMQP.Net Lite 2.5's AmqpObject.CloseInternalAsync calls CloseInternal(0, error), which returns before it would wait
// on its end event). Look-alikes that wait: a positive constant, an infinite (-1) timeout tested with == 0, a value the
// helper changes first, a value the async caller was handed, a test of the int against zero that a negative passes.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Flags.Positive
{
    // case: flags/positive/CloseInternal(0): an early return when the wait is not positive (AmqpObject.CloseInternal)
    public sealed class Link
    {
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);

        public async Task CloseAsync(TimeSpan timeout)
        {
            Close(0);
            await Task.Delay(timeout);
        }

        private void Close(int waitMilliseconds)
        {
            if (waitMilliseconds <= 0) return;
            if (!_ended.WaitOne(waitMilliseconds)) throw new TimeoutException();
        }
    }

    // case: flags/positive/the wait inside if (wait > 0), the constant on the left too
    public sealed class Session
    {
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);

        public async Task EndAsync()
        {
            await Task.Yield();
            End(0);
            Drain(0);
        }

        private void End(int wait)
        {
            if (wait > 0) _ended.WaitOne(wait);
        }

        private void Drain(int wait)
        {
            if (1 <= wait) _ended.WaitOne(wait);
        }
    }

    // case: flags/positive/a positive constant waits
    public sealed class Waiting
    {
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);

        public async Task CloseAsync()
        {
            await Task.Yield();
            Close(5000); // expect: NB0002
        }

        private void Close(int waitMilliseconds)
        {
            if (waitMilliseconds <= 0) return;
            _ended.WaitOne(waitMilliseconds);
        }
    }

    // case: flags/positive/an infinite timeout tested with == 0 waits
    public sealed class Infinite
    {
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);

        public async Task CloseAsync()
        {
            await Task.Yield();
            Close(-1); // expect: NB0002
        }

        private void Close(int waitMilliseconds)
        {
            if (waitMilliseconds == 0) return;
            _ended.WaitOne(waitMilliseconds);
        }
    }

    // case: flags/positive/the helper raises the value before it tests it
    public sealed class Raised
    {
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);

        public async Task CloseAsync()
        {
            await Task.Yield();
            Close(0); // expect: NB0002
        }

        private void Close(int waitMilliseconds)
        {
            waitMilliseconds = Math.Max(waitMilliseconds, 100);
            if (waitMilliseconds <= 0) return;
            _ended.WaitOne(waitMilliseconds);
        }
    }

    // case: flags/positive/the async caller's own timeout is not known
    public sealed class Handed
    {
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);

        public async Task CloseAsync(int timeout)
        {
            await Task.Yield();
            Close(timeout); // expect: NB0002
        }

        private void Close(int waitMilliseconds)
        {
            if (waitMilliseconds <= 0) return;
            _ended.WaitOne(waitMilliseconds);
        }
    }

    // case: flags/positive/a test against zero that -1 passes still waits
    public sealed class Counted
    {
        public async Task RunAsync()
        {
            await Task.Yield();
            Retry(-1); // expect: NB0002
        }

        private static void Retry(int attempts)
        {
            if (attempts > 0) Console.WriteLine(attempts);
            if (attempts != 0) Thread.Sleep(10);
        }
    }
}
