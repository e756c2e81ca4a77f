// One body for the sync and the async API, the mode picked by a value no caller on the path decides: an enum
// (MySqlConnector's IOBehavior), a field of the object (Microsoft.Data.SqlClient's _asyncWrite), a flag captured by a
// local function (Elastic's isAsync), a sync iterator paging with async: false (the Azure SDK's Pageable), a nullable
// token the sync API leaves out (SharpZipLib's WriteSyncOrAsync), a bool named for its mode (Polly's
// ResilienceContext.IsSynchronous). On an async path the async side runs. Look-alikes: a branch that is no mode switch
// still warns.
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Modes
{
    public enum IOBehavior { Synchronous, Asynchronous }

    // case: modes/an enum parameter compared with a constant, nothing decides it
    public sealed class EnumMode
    {
        private readonly Stream _stream;
        public EnumMode(Stream stream) => _stream = stream;
        public async ValueTask<int> ReadAsync(byte[] buffer, IOBehavior io)
        {
            if (io == IOBehavior.Asynchronous) return await _stream.ReadAsync(buffer, 0, buffer.Length);
            return _stream.Read(buffer, 0, buffer.Length);
        }
    }

    // case: modes/an enum passed on to a helper that returns the async call's task or does the sync call
    public sealed class EnumHelper
    {
        private readonly Stream _stream;
        public EnumHelper(Stream stream) => _stream = stream;
        public async Task SendAsync(byte[] data, IOBehavior io)
        {
            await Task.Yield();
            await WriteBytesAsync(data, io);
        }
        private ValueTask WriteBytesAsync(byte[] data, IOBehavior io)
        {
            if (io == IOBehavior.Asynchronous) return DoWriteBytesAsync(data);
            _stream.Write(data, 0, data.Length);
            return default;
        }
        private async ValueTask DoWriteBytesAsync(byte[] data) => await _stream.WriteAsync(data, 0, data.Length);
    }

    // case: modes/a field of the object picks the mode
    public sealed class FieldMode
    {
        private readonly Stream _stream;
        private bool _asyncWrite;
        public FieldMode(Stream stream) => _stream = stream;
        public void Begin(bool async) => _asyncWrite = async;
        public async Task FeedAsync(byte[] data)
        {
            await Task.Yield();
            if (_asyncWrite) await _stream.WriteAsync(data, 0, data.Length);
            else _stream.Write(data, 0, data.Length);
        }
    }

    // case: modes/a flag captured by a local async function
    public sealed class CapturedMode
    {
        private readonly Stream _stream;
        public CapturedMode(Stream stream) => _stream = stream;
        public ValueTask<int> Request(byte[] buffer, bool isAsync)
        {
            return Send();
            async ValueTask<int> Send()
            {
                await Task.Yield();
                return isAsync ? await _stream.ReadAsync(buffer, 0, buffer.Length) : _stream.Read(buffer, 0, buffer.Length);
            }
        }
    }

    // case: modes/an async method's flag a lambda also captures (the closure gets a copy of it)
    public sealed class LambdaCapturedMode
    {
        private readonly Stream _stream;
        public LambdaCapturedMode(Stream stream) => _stream = stream;
        public async Task<int> CopyAsync(Stream destination, bool async)
        {
            System.Func<bool> retrying = () => async && destination.CanWrite;
            await Task.Yield();
            if (async) await _stream.CopyToAsync(destination);
            else _stream.CopyTo(destination);
            return retrying() ? 1 : 0;
        }
    }

    // case: modes/a sync iterator pages with async: false, the async one with async: true
    public abstract class Pages
    {
        public abstract ValueTask<int> NextPageAsync(bool async);
        public IEnumerable<int> All()
        {
            for (int i = 0; i < 2; i++) yield return NextPageAsync(async: false).GetAwaiter().GetResult();
        }
        public async IAsyncEnumerable<int> AllAsync()
        {
            for (int i = 0; i < 2; i++) yield return await NextPageAsync(async: true);
        }
    }

    public sealed class FilePages : Pages
    {
        private readonly Stream _stream;
        public FilePages(Stream stream) => _stream = stream;
        public override async ValueTask<int> NextPageAsync(bool async)
        {
            var buffer = new byte[8];
            return async ? await _stream.ReadAsync(buffer, 0, 8) : Fetch(buffer);
        }
        private int Fetch(byte[] buffer) => _stream.Read(buffer, 0, buffer.Length);
    }

    // case: modes/a branch on an enum where neither side is asynchronous
    public sealed class NoAsyncSide
    {
        private readonly Stream _stream;
        public NoAsyncSide(Stream stream) => _stream = stream;
        public async Task<int> ReadAsync(byte[] buffer, IOBehavior io)
        {
            await Task.Yield();
            if (io == IOBehavior.Synchronous) return _stream.Read(buffer, 0, buffer.Length); // expect: NB0001
            return buffer.Length;
        }
    }

    // case: modes/the condition is a property of the stream, not a mode value
    public sealed class NotAModeValue
    {
        private readonly Stream _stream;
        public NotAModeValue(Stream stream) => _stream = stream;
        public async Task<int> ReadAsync(byte[] buffer)
        {
            if (_stream.CanTimeout) return await _stream.ReadAsync(buffer, 0, buffer.Length);
            return _stream.Read(buffer, 0, buffer.Length); // expect: NB0001
        }
    }

    // case: modes/a value worked out in the method that a lambda captures is no mode value
    public sealed class CapturedComputedMode
    {
        private readonly Stream _stream;
        public CapturedComputedMode(Stream stream) => _stream = stream;
        public async Task<int> CopyAsync(Stream destination)
        {
            bool useAsync = _stream.CanSeek;
            System.Func<bool> retrying = () => useAsync && destination.CanWrite;
            await Task.Yield();
            if (useAsync) await _stream.CopyToAsync(destination);
            else _stream.CopyTo(destination); // expect: NB0001
            return retrying() ? 1 : 0;
        }
    }

    // case: modes/the mode value is worked out from the stream in the method
    public sealed class ComputedMode
    {
        private readonly Stream _stream;
        public ComputedMode(Stream stream) => _stream = stream;
        public async Task<int> ReadAsync(byte[] buffer)
        {
            bool useAsync = _stream.CanSeek;
            if (useAsync) return await _stream.ReadAsync(buffer, 0, buffer.Length);
            return _stream.Read(buffer, 0, buffer.Length); // expect: NB0001
        }
    }
    // case: modes/a nullable token picks the mode: the sync API passes none
    public sealed class TokenMode
    {
        private readonly Stream _stream;
        public TokenMode(Stream stream) => _stream = stream;
        public void Write(byte[] data) => WriteSyncOrAsync(data, null).GetAwaiter().GetResult();
        public Task WriteAsync(byte[] data, CancellationToken token) => WriteSyncOrAsync(data, token);
        private async Task WriteSyncOrAsync(byte[] data, CancellationToken? ct)
        {
            if (ct.HasValue) await _stream.WriteAsync(data, 0, data.Length, ct.Value);
            else _stream.Write(data, 0, data.Length);
        }
    }

    public sealed class ModeContext
    {
        public bool IsSynchronous { get; set; }
        public bool IsBuffered { get; set; }
    }

    // case: modes/a property named for the sync mode guards the sync API's wait, the other side hands the task back
    public static class NamedMode
    {
        public static async Task RetryAsync(ModeContext context)
        {
            await Task.Yield();
            await DelayAsync(context, TimeSpan.FromMilliseconds(1));
            await Scheduled(Task.Delay(1), context);
        }
        private static Task DelayAsync(ModeContext context, TimeSpan delay)
        {
            if (context.IsSynchronous)
            {
                Task.Delay(delay).GetAwaiter().GetResult();
                return Task.CompletedTask;
            }
            return Task.Delay(delay);
        }
        private static Task Scheduled(Task task, ModeContext context)
        {
            if (context.IsSynchronous && !task.IsCompleted) task.GetAwaiter().GetResult();
            return task;
        }
    }

    // case: modes/a nullable that is no token is no mode value
    public sealed class NullableTimeout
    {
        private readonly Stream _stream;
        public NullableTimeout(Stream stream) => _stream = stream;
        public async Task<int> ReadAsync(byte[] buffer, int? timeout)
        {
            if (timeout.HasValue) return await _stream.ReadAsync(buffer, 0, buffer.Length);
            return _stream.Read(buffer, 0, buffer.Length); // expect: NB0001
        }
    }

    // case: modes/a property not named for a mode still warns
    public static class UnnamedProperty
    {
        public static async Task RunAsync(ModeContext context)
        {
            await Task.Yield();
            await Drain(context); // expect: NB0002
        }
        private static Task Drain(ModeContext context)
        {
            if (context.IsBuffered) Thread.Sleep(1);
            return Task.CompletedTask;
        }
    }

    // case: modes/a wait on the side where the sync-named value is false still warns
    public static class AsyncSideWaits
    {
        public static async Task RunAsync(ModeContext context)
        {
            await Task.Yield();
            await Drain(context); // expect: NB0002
        }
        private static Task Drain(ModeContext context)
        {
            if (!context.IsSynchronous) Thread.Sleep(1);
            return Task.CompletedTask;
        }
    }
    // case: modes/a framework property named like a mode describes the object: FileStream.IsAsync still warns
    public sealed class FileOpenedSync
    {
        private readonly FileStream _file;
        public FileOpenedSync(FileStream file) => _file = file;
        public async Task<int> ReadAsync(byte[] buffer)
        {
            await Task.Yield();
            if (_file.IsAsync) return await _file.ReadAsync(buffer, 0, buffer.Length);
            return _file.Read(buffer, 0, buffer.Length); // expect: NB0001
        }
    }
    // case: modes/an exiting guard on the named flag's async side leaves the rest to the sync mode
    public static class NamedGuard
    {
        public static async Task RunAsync(ModeContext context)
        {
            await Task.Yield();
            await DelayAsync(context, TimeSpan.FromMilliseconds(1));
        }
        private static Task DelayAsync(ModeContext context, TimeSpan delay)
        {
            if (!context.IsSynchronous) return Task.Delay(delay);
            Task.Delay(delay).GetAwaiter().GetResult();
            return Task.CompletedTask;
        }
    }

    // case: modes/the mode switch inside a loop (its sides come back to the branch)
    public sealed class LoopedMode
    {
        private readonly Stream _stream;
        public LoopedMode(Stream stream) => _stream = stream;
        public async Task<int> FillAsync(byte[] buffer, IOBehavior io)
        {
            int read = 0;
            while (read < buffer.Length)
            {
                int n;
                if (io == IOBehavior.Asynchronous) n = await _stream.ReadAsync(buffer, read, buffer.Length - read);
                else n = _stream.Read(buffer, read, buffer.Length - read);
                if (n == 0) break;
                read += n;
            }
            return read;
        }
    }

    // case: modes/in a loop, a read after the switch runs on both sides and still warns
    public sealed class LoopedReadAfterSwitch
    {
        private readonly Stream _stream;
        public LoopedReadAfterSwitch(Stream stream) => _stream = stream;
        public async Task<int> FillAsync(byte[] buffer, IOBehavior io)
        {
            int read = 0;
            for (int i = 0; i < 4; i++)
            {
                if (io == IOBehavior.Asynchronous) await _stream.FlushAsync();
                read += _stream.Read(buffer, 0, buffer.Length); // expect: NB0001
            }
            return read;
        }
    }
}
