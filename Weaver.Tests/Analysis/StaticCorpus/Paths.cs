// The plain cases: what must always warn, what must never, and the per-site opt-outs.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking;

namespace Corpus.Basics
{
    // case: paths/Thread.Sleep in an async method
    public static class Sleep
    {
        public static async Task Run()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: paths/a sync helper two calls deep
    public static class Helper
    {
        public static async Task Run()
        {
            await Task.Yield();
            Save("x"); // expect: NB0002
        }
        private static void Save(string text) => Write(text);
        private static void Write(string text) => File.WriteAllText("out.txt", text);
    }

    // case: paths/offloaded with Task.Run
    public static class Offloaded
    {
        public static async Task Run() => await Task.Run(() => Thread.Sleep(10));
    }

    // case: paths/.Result on a task from a call
    public static class Result
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return Task.Run(() => 1).Result; // expect: NB0003
        }
    }

    // case: paths/File.ReadAllText
    public static class ReadFile
    {
        public static async Task<string> Run(string path)
        {
            await Task.Yield();
            return File.ReadAllText(path); // expect: NB0001
        }
    }

    // case: paths/await File.ReadAllTextAsync
    public static class ReadFileAsync
    {
        public static async Task<string> Run(string path) => await File.ReadAllTextAsync(path);
    }

    // case: paths/a lambda invoked in place
    public static class InlineLambda
    {
        public static async Task Run()
        {
            await Task.Yield();
            Action nap = () => Thread.Sleep(5);
            nap(); // expect: NB0002
        }
    }

    // case: paths/[AllowBlocking] on the method
    public static class Allowed
    {
        [AllowBlocking]
        public static async Task Run()
        {
            await Task.Yield();
            Thread.Sleep(10);
        }
    }

    // case: paths/#pragma warning disable around one call
    public static class Pragma
    {
        public static async Task Run()
        {
            await Task.Yield();
#pragma warning disable NB0001 // a startup delay, measured at run time
            Thread.Sleep(10);
#pragma warning restore NB0001
        }
    }

    // case: paths/#pragma for another code does not silence this one
    public static class PragmaOtherCode
    {
        public static async Task Run()
        {
            await Task.Yield();
#pragma warning disable NB0003
            Thread.Sleep(10); // expect: NB0001
#pragma warning restore NB0003
        }
    }

    // case: paths/a call after #pragma restore warns again
    public static class PragmaRestored
    {
        public static async Task Run()
        {
            await Task.Yield();
#pragma warning disable NB0001
            Thread.Sleep(10);
#pragma warning restore NB0001
            Thread.Sleep(20); // expect: NB0001
        }
    }

    // case: paths/#pragma warning disable NB0002 where a path ends, in a sync helper, silences every path to it
    public static class PragmaAtPathEnd
    {
        public static async Task Run()
        {
            await Task.Yield();
            ReadBuffered();
        }

        public static async Task Other()
        {
            await Task.Yield();
            Parse();
        }

        private static void Parse() => ReadBuffered();

        // The message is buffered before this runs: the read never waits (the maintainer's word; the probe stays).
        private static void ReadBuffered()
        {
#pragma warning disable NB0002
            Thread.Sleep(10);
#pragma warning restore NB0002
        }
    }

    // case: paths/#pragma warning disable NB0002 around a helper call cuts the paths through that call only
    public static class PragmaOnTheWay
    {
        public static async Task Run()
        {
            await Task.Yield();
            OnError();
            Save(); // expect: NB0002
        }

        private static void OnError()
        {
#pragma warning disable NB0002 // an error path
            Write();
#pragma warning restore NB0002
        }

        private static void Save() => Write();

        private static void Write() => File.WriteAllText("x", "y");
    }

    // case: paths/#pragma for NB0001 where a path ends does not cut it
    public static class PragmaOtherCodeAtPathEnd
    {
        public static async Task Run()
        {
            await Task.Yield();
            Helper(); // expect: NB0002
        }

        private static void Helper()
        {
#pragma warning disable NB0001
            Thread.Sleep(10);
#pragma warning restore NB0001
        }
    }

    // case: paths/a blocking call after #pragma restore NB0002 in the helper still warns
    public static class PragmaRestoredAtPathEnd
    {
        public static async Task Run()
        {
            await Task.Yield();
            Helper(); // expect: NB0002
        }

        private static void Helper()
        {
#pragma warning disable NB0002
            Thread.Sleep(10);
#pragma warning restore NB0002
            File.ReadAllText("x");
        }
    }

    // case: paths/SemaphoreSlim.Wait
    public static class Semaphore
    {
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1);
        public static async Task Run()
        {
            await Task.Yield();
            Gate.Wait(); // expect: NB0001
            Gate.Release();
        }
    }

    // case: paths/await SemaphoreSlim.WaitAsync
    public static class SemaphoreAsync
    {
        private static readonly SemaphoreSlim Gate = new SemaphoreSlim(1);
        public static async Task Run()
        {
            await Gate.WaitAsync();
            Gate.Release();
        }
    }

    // case: paths/HttpContent.ReadAsStream hands back the response's stream; reading it is what blocks
    public static class ResponseStream
    {
        public static async Task<int> Run(System.Net.Http.HttpClient client)
        {
            using var response = await client.GetAsync("http://localhost/", System.Net.Http.HttpCompletionOption.ResponseHeadersRead);
            var stream = response.Content.ReadAsStream();
            return stream.Read(new byte[16], 0, 16); // expect: NB0001
        }
    }

    // case: paths/a blocking helper only ever offloaded
    public static class HelperOffloaded
    {
        public static async Task Run() => await Task.Run(Work);
        private static void Work() => Thread.Sleep(10);
    }

    // case: paths/a pure helper
    public static class PureHelper
    {
        public static async Task<int> Run()
        {
            await Task.Yield();
            return Sum(3);
        }
        private static int Sum(int n) => n <= 0 ? 0 : n + Sum(n - 1);
    }
}

// A catalogued member is the member, not any method of a derived type with its name.
namespace Corpus.CatalogMembers
{
    public sealed class LineBuffer : Stream
    {
        private readonly Stream _inner;
        private readonly byte[] _input = new byte[64];
        private int _start, _end;

        public LineBuffer(Stream inner) => _inner = inner;

        // case: catalog/a stream's own overload named Read copies from its buffer (MailKit's Pop3Stream): not Stream.Read
        public async Task<int> ReadBufferedAsync(byte[] buffer, CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await _inner.ReadAsync(_input, 0, _input.Length, cancellationToken);
            int index = 0;
            Read(buffer, ref index, buffer.Length);
            return index;
        }

        // case: catalog/the stream's override of Stream.Read, called from async code, reads the inner stream
        public async Task<int> ReadThroughAsync(byte[] buffer)
        {
            await Task.Yield();
            return Read(buffer, 0, buffer.Length); // expect: NB0001
        }

        private void Read(byte[] buffer, ref int index, int end)
        {
            while (_start < _end && index < end) buffer[index++] = _input[_start++];
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
