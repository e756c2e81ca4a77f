// The `bool async` idiom of Npgsql, the Azure SDK, MimeKit and others: one method body serves the sync and the async
// API, and a flag picks the side. Only a path that really runs the sync side from async code is a warning.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Flags
{
    // case: flags/if-else, called with a literal true from the Async API and false from the sync API
    public sealed class IfElse
    {
        private readonly Stream _stream;
        public IfElse(Stream stream) => _stream = stream;
        public Task<int> ReadAsync(byte[] buffer) => Read(buffer, true).AsTask();
        public int Read(byte[] buffer) => Read(buffer, false).GetAwaiter().GetResult();
        private async ValueTask<int> Read(byte[] buffer, bool async)
        {
            if (async) return await _stream.ReadAsync(buffer, 0, buffer.Length);
            return _stream.Read(buffer, 0, buffer.Length);
        }
    }

    // case: flags/ternary in a sync helper returning a task, awaited with async: true
    public static class Ternary
    {
        public static async Task<int> Run(Stream stream, byte[] buffer) => await Fill(stream, buffer, async: true);
        private static Task<int> Fill(Stream stream, byte[] buffer, bool async) =>
            async ? stream.ReadAsync(buffer, 0, buffer.Length) : Task.FromResult(stream.Read(buffer, 0, buffer.Length));
    }

    // case: flags/early return of the sync side with a negated flag
    public static class EarlyReturn
    {
        public static Task FlushAsync(Stream stream) => Flush(stream, true);
        public static void Flush(Stream stream) => Flush(stream, false).GetAwaiter().GetResult();
        private static async Task Flush(Stream stream, bool async)
        {
            if (!async)
            {
                stream.Flush();
                return;
            }
            await stream.FlushAsync();
        }
    }

    // case: flags/the caller passes its own flag on, through two async methods
    public static class PassedOn
    {
        public static Task<int> CountAsync(Stream stream) => Outer(stream, async: true);
        public static int Count(Stream stream) => Outer(stream, async: false).GetAwaiter().GetResult();
        private static async Task<int> Outer(Stream stream, bool async)
        {
            await Task.Yield();
            return await Inner(stream, async) + 1;
        }
        private static async Task<int> Inner(Stream stream, bool async)
        {
            var buffer = new byte[16];
            return async ? await stream.ReadAsync(buffer, 0, 16) : stream.Read(buffer, 0, 16);
        }
    }

    // case: flags/the flag read after an await, from the state machine's hoisted field
    public static class AfterAwait
    {
        public static Task WriteAsync(Stream stream, byte[] data) => Write(stream, data, true);
        private static async Task Write(Stream stream, byte[] data, bool async)
        {
            await Task.Delay(1);
            if (async) await stream.WriteAsync(data, 0, data.Length);
            else stream.Write(data, 0, data.Length);
            if (async) await stream.FlushAsync();
            else stream.Flush();
        }
    }

    // case: flags/a sync helper told async: true by an async method that got it from its caller
    public static class SyncHelperPassedOn
    {
        public static Task SendAsync(Stream stream) => Send(stream, true);
        private static async Task Send(Stream stream, bool async)
        {
            await Task.Yield();
            await Put(stream, async);
        }
        private static Task Put(Stream stream, bool async)
        {
            if (async) return stream.WriteAsync(new byte[1], 0, 1);
            stream.Write(new byte[1], 0, 1);
            return Task.CompletedTask;
        }
    }

    // case: flags/an async method passes async: false, so the sync side runs on the async path
    public static class FalseFromAsync
    {
        public static async Task<int> Run(Stream stream)
        {
            await Task.Yield();
            return await Read(stream, async: false);
        }
        private static async ValueTask<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            if (async) return await stream.ReadAsync(buffer, 0, 8);
            return stream.Read(buffer, 0, 8); // expect: NB0001
        }
    }

    // case: flags/async: false from an async method, into a method whose lambda captures the flag (the state machine
    // reads a closure's copy of it, as Azure.Storage.Blobs' DownloadToInternal does)
    public static class FalseIntoCapturingMethod
    {
        public static async Task<int> Run(Stream stream)
        {
            await Task.Yield();
            return await Read(stream, async: false);
        }
        private static async ValueTask<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            System.Func<string> describe = () => async ? "async" : "sync";
            await Task.Yield();
            if (async) return await stream.ReadAsync(buffer, 0, 8) + describe().Length;
            return stream.Read(buffer, 0, 8); // expect: NB0001
        }
    }

    // case: flags/the same method told async: true by its async caller stays silent
    public static class TrueIntoCapturingMethod
    {
        public static async Task<int> Run(Stream stream)
        {
            await Task.Yield();
            return await Read(stream, async: true);
        }
        public static int RunSync(Stream stream) => Read(stream, async: false).GetAwaiter().GetResult();
        private static async ValueTask<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            System.Func<string> describe = () => async ? "async" : "sync";
            await Task.Yield();
            if (async) return await stream.ReadAsync(buffer, 0, 8) + describe().Length;
            return stream.Read(buffer, 0, 8);
        }
    }

    // case: flags/nothing calls it, so the flag is not known: the async side runs on an async path
    // (was a warning until 2026-12-05; in real code — Azure.Storage.Blobs, MySqlConnector — every such warning was false:
    // the method is reached through virtual calls or from other assemblies, always on its async side from async code)
    public static class NotKnown
    {
        public static async ValueTask<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            if (async) return await stream.ReadAsync(buffer, 0, 8);
            return stream.Read(buffer, 0, 8);
        }
    }

    // case: flags/an async method calls a sync helper with async: false
    public static class SyncHelperFalse
    {
        public static async Task Run(Stream stream)
        {
            await Task.Yield();
            await Put(stream, false); // expect: NB0002
        }
        private static Task Put(Stream stream, bool async)
        {
            if (async) return stream.WriteAsync(new byte[1], 0, 1);
            stream.Write(new byte[1], 0, 1);
            return Task.CompletedTask;
        }
    }

    // case: flags/an async method passes on a flag nobody sets: undecided, the helper's async side runs (see NotKnown)
    public static class RelayUnknown
    {
        public static async Task Relay(Stream stream, bool async)
        {
            await Task.Yield();
            await Put(stream, async);
        }
        private static Task Put(Stream stream, bool async)
        {
            if (async) return stream.WriteAsync(new byte[1], 0, 1);
            stream.Write(new byte[1], 0, 1);
            return Task.CompletedTask;
        }
    }

    // case: flags/only the sync API runs it: blocking there is the sync API's own
    public static class SyncOnly
    {
        public static int Read(Stream stream) => ReadCore(stream, false).GetAwaiter().GetResult();
        private static async ValueTask<int> ReadCore(Stream stream, bool async)
        {
            var buffer = new byte[8];
            if (async) return await stream.ReadAsync(buffer, 0, 8);
            return stream.Read(buffer, 0, 8);
        }
    }

    // case: flags/async && another condition: the else side still runs when the flag is true
    public static class AndCondition
    {
        public static Task<int> ReadAsync(Stream stream) => Read(stream, true);
        private static async Task<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            if (async && stream.CanTimeout) return await stream.ReadAsync(buffer, 0, 8);
            return stream.Read(buffer, 0, 8); // expect: NB0001
        }
    }

    // case: flags/the method assigns its own flag, so its value is not the caller's
    public static class Reassigned
    {
        public static Task<int> ReadAsync(Stream stream) => Read(stream, true);
        private static async Task<int> Read(Stream stream, bool async)
        {
            async = async && stream.CanSeek;
            var buffer = new byte[8];
            if (async) return await stream.ReadAsync(buffer, 0, 8);
            return stream.Read(buffer, 0, 8); // expect: NB0001
        }
    }

    // case: flags/both sides in one method, named argument and a second flag
    public static class TwoFlags
    {
        public static Task CopyAsync(Stream from, Stream to) => Copy(from, to, flush: true, async: true);
        private static async Task Copy(Stream from, Stream to, bool flush, bool async)
        {
            if (async) await from.CopyToAsync(to);
            else from.CopyTo(to);
            if (flush)
            {
                if (async) await to.FlushAsync();
                else to.Flush();
            }
        }
    }

    // case: flags/a lambda invoked in place reads the captured flag
    public static class CapturedByLambda
    {
        public static Task<int> ReadAsync(Stream stream) => Read(stream, true);
        private static async Task<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            Func<Task<int>> read = () => async ? stream.ReadAsync(buffer, 0, 8) : Task.FromResult(stream.Read(buffer, 0, 8));
            return await read();
        }
    }

    // case: flags/a local function reads the captured flag
    public static class CapturedByLocalFunction
    {
        public static Task<int> ReadAsync(Stream stream) => Read(stream, true);
        private static async Task<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            await Task.Yield();
            return await Core();

            Task<int> Core()
            {
                if (async) return stream.ReadAsync(buffer, 0, 8);
                return Task.FromResult(stream.Read(buffer, 0, 8));
            }
        }
    }

    // case: flags/a sync caller that returns a task is the async side: async: false there blocks
    public static class AsyncApiPassesFalse
    {
        public static Task<int> ReadAsync(Stream stream) => Read(stream, false);
        private static async Task<int> Read(Stream stream, bool async)
        {
            var buffer = new byte[8];
            if (async) return await stream.ReadAsync(buffer, 0, 8);
            return stream.Read(buffer, 0, 8); // expect: NB0001
        }
    }
    // case: flags/the sync API runs an async body through a ValueTask wrapper with async: false (Npgsql's ReadBuffer.Ensure)
    public sealed class SyncWrapperBuffer
    {
        private readonly Stream _stream;
        public SyncWrapperBuffer(Stream stream) => _stream = stream;
        public int Read() => Ensure(4, async: false).GetAwaiter().GetResult();
        public async Task<int> ReadAsync() => await Ensure(4, async: true);
        private ValueTask<int> Ensure(int count, bool async) => count <= 0 ? new ValueTask<int>(0) : EnsureLong(count, async);
        private async ValueTask<int> EnsureLong(int count, bool async)
        {
            var buffer = new byte[count];
            return async ? await _stream.ReadAsync(buffer, 0, count) : _stream.Read(buffer, 0, count);
        }
    }
    // case: flags/an async method that hands async: false to the ValueTask wrapper blocks
    public sealed class WrongFlagBuffer
    {
        private readonly Stream _stream;
        public WrongFlagBuffer(Stream stream) => _stream = stream;
        public async Task<int> ReadAsync()
        {
            await Task.Yield();
            return await Ensure(4, async: false);
        }
        private ValueTask<int> Ensure(int count, bool async) => count <= 0 ? new ValueTask<int>(0) : EnsureLong(count, async);
        private async ValueTask<int> EnsureLong(int count, bool async)
        {
            var buffer = new byte[count];
            return async ? await _stream.ReadAsync(buffer, 0, count) : _stream.Read(buffer, 0, count); // expect: NB0001
        }
    }

    // A generated REST client's Deserialize (openapi-generator's ApiClient, InfluxDB's client): the response is written
    // to a temp file only when the caller asks for a Stream; every other call passes a model type.
    public sealed class Dashboard { public string Name = ""; }
    public sealed class RestClient
    {
        public object Deserialize(byte[] body, Type type)
        {
            if (type == typeof(byte[])) return body;
            if (type == typeof(Stream))
            {
                File.WriteAllBytes("download.tmp", body);
                return File.OpenRead("download.tmp");
            }
            return new Dashboard { Name = System.Text.Encoding.UTF8.GetString(body) };
        }
        public object Parse(byte[] body, Type type)
        {
            if (type != typeof(string)) return new Dashboard();
            return File.ReadAllText("names.txt");
        }
    }

    // case: flags/a Type argument decides the callee's typeof comparisons: a model type never takes the Stream branch
    public static class TypedModel
    {
        public static async Task<Dashboard> Get(RestClient client, byte[] body)
        {
            await Task.Yield();
            return (Dashboard)client.Deserialize(body, typeof(Dashboard));
        }
        public static async Task<object> Raw(RestClient client, byte[] body)
        {
            await Task.Yield();
            return client.Deserialize(body, typeof(byte[]));
        }
        public static async Task<object> NotAString(RestClient client, byte[] body)
        {
            await Task.Yield();
            return client.Parse(body, typeof(Dashboard));
        }
    }

    // case: flags/the same callee handed typeof(Stream), or the type its != guards, takes the branch that writes the file
    public static class TypedDownload
    {
        public static async Task<Stream> Download(RestClient client, byte[] body)
        {
            await Task.Yield();
            return (Stream)client.Deserialize(body, typeof(Stream)); // expect: NB0002
        }
        public static async Task<object> Names(RestClient client, byte[] body)
        {
            await Task.Yield();
            return client.Parse(body, typeof(string)); // expect: NB0002
        }
        public static async Task<object> Any(RestClient client, byte[] body, Type type)
        {
            await Task.Yield();
            return client.Deserialize(body, type); // expect: NB0002
        }
    }
}
