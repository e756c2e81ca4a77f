using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking;

namespace BlockingApis
{
    /// <summary>
    /// Async APIs of another assembly (Stream's, declared in the framework) whose work runs synchronously on this thread
    /// and hands back a completed task, one per task type; and look-alikes that must not be named: the time is a named
    /// blocking call's, or the call returned a pending task, or the method opted out.
    /// </summary>
    public static class AsyncCalls
    {
        public static async Task TaskOfT()
        {
            await Task.Yield();
            var buffer = new byte[1];
            await new SlowMemory().ReadAsync(buffer, 0, 1); // @async:task-of-t
        }

        public static async Task PlainTask()
        {
            await Task.Yield();
            var buffer = new byte[1];
            await new SlowMemory().WriteAsync(buffer, 0, 1); // @async:task
        }

        public static async Task ValueTaskOfT()
        {
            await Task.Yield();
            var buffer = new byte[1];
            await new SlowMemory().ReadAsync(buffer.AsMemory()); // @async:valuetask-of-t
        }

        public static async Task PlainValueTask()
        {
            await Task.Yield();
            var buffer = new byte[1];
            await new SlowMemory().WriteAsync(new ReadOnlyMemory<byte>(buffer)); // @async:valuetask
        }

        public static async Task Configured()
        {
            await Task.Yield();
            var buffer = new byte[1];
            await new SlowMemory().ReadAsync(buffer, 0, 1).ConfigureAwait(false); // @async:configured
        }

        /// <summary>Held long enough for the hang watchdog to report it while the call still runs.</summary>
        public static async Task StuckRead()
        {
            await Task.Yield();
            await new SlowMemory(Fixtures.Ms * 8).ReadAsync(new byte[1], 0, 1); // @async:stuck
        }

        /// <summary>The time inside the call is a woven Thread.Sleep's, already named: the async call adds nothing.</summary>
        public static async Task ExplainedInside()
        {
            await Task.Yield();
            var buffer = new byte[1];
            await new SleepyMemory().ReadAsync(buffer, 0, 1);
        }

        /// <summary>
        /// CopyToAsync holds the thread in the source's slow read, then returns a pending task at the first write (Stream's
        /// default WriteAsync offloads a sync-only device): its work did not all run synchronously, so it is not named.
        /// </summary>
        public static async Task HeldThenPending()
        {
            await Task.Yield();
            var source = new SlowMemory();
            source.SetLength(1);
            await source.CopyToAsync(new SyncOnlyDevice());
        }

        [AllowBlocking]
        public static async Task OptedOut()
        {
            await Task.Yield();
            await new SlowMemory().ReadAsync(new byte[1], 0, 1);
        }

        /// <summary>A call into this module is timed as its own segment, not as an async call.</summary>
        public static async Task OwnAsyncMethod()
        {
            await Task.Yield();
            await Own();
        }

        private static async Task Own()
        {
            await Task.Yield();
        }
    }

    /// <summary>A MemoryStream that is slow the way a sync-only device is, in code that is not woven.</summary>
    [AllowBlocking("the device's own latency, not the code under test")]
    public sealed class SlowMemory : MemoryStream
    {
        private readonly int _ms;

        public SlowMemory(int ms = Fixtures.Ms) => _ms = ms;

        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(_ms);
            return base.Read(buffer, offset, count);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(Fixtures.Ms);
            base.Write(buffer, offset, count);
        }
    }

    /// <summary>The same, woven: its Thread.Sleep is a named blocking call.</summary>
    public sealed class SleepyMemory : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(Fixtures.Ms);
            return base.Read(buffer, offset, count);
        }
    }

    /// <summary>A device with a slow synchronous Read and Write and no async override of its own.</summary>
    [AllowBlocking("the device's own latency, not the code under test")]
    public sealed class SyncOnlyDevice : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(Fixtures.Ms * 2);
            return 0;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Thread.Sleep(Fixtures.Ms);
    }
}
