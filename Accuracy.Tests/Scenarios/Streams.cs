using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking;

namespace Accuracy
{
    /// <summary>Streams' async APIs: some do their work synchronously and hand back a completed task, some offload it.</summary>
    public static class Streams
    {
        // Decompressing an in-memory payload: GZipStream's CopyToAsync reads a MemoryStream, which never waits, so the
        // whole inflate runs synchronously inside the call. How long depends on the machine.
        [Scenario("stream/gzip-copytoasync-over-memory")]
        [Expect("Accuracy.Streams.Inflate(MemoryStream)", From = "await@inflate-yield", To = "end", MinMs = 100, MaxMs = 20000,
            Calls = new[] { "System.IO.Stream.CopyToAsync(Stream)" + Labels.CompletedSynchronously + "@inflate-copy" })]
        public static async Task GzipCopyToAsyncOverMemory()
        {
            var payload = await Task.Run(Compressed);
            await Inflate(payload);
        }

        private static async Task Inflate(MemoryStream payload)
        {
            await Task.Yield(); // @inflate-yield
            using var gzip = new GZipStream(payload, CompressionMode.Decompress);
            await gzip.CopyToAsync(Stream.Null); // @inflate-copy
        }

        /// <summary>64 MiB of text-like bytes, gzipped: inflating them takes a few hundred milliseconds.</summary>
        [AllowBlocking] // setup, not under test
        private static MemoryStream Compressed()
        {
            var payload = new MemoryStream();
            var random = new Random(42);
            var chunk = new byte[1 << 20];
            using (var gzip = new GZipStream(payload, CompressionLevel.Fastest, leaveOpen: true))
                for (int i = 0; i < 64; i++)
                {
                    for (int j = 0; j < chunk.Length; j++) chunk[j] = (byte)('a' + random.Next(16));
                    gzip.Write(chunk);
                }
            payload.Position = 0;
            return payload;
        }

        // Stream's default ReadAsync runs a sync-only stream's Read on the thread pool: the awaiting method is not held,
        // and the call returns a pending task. Nothing to report.
        [Scenario("silent/stream-readasync-default-offloads")]
        public static async Task StreamReadAsyncDefaultOffloads()
        {
            await Task.Yield();
            using var device = new SyncOnlyDevice();
            var buffer = new byte[16];
            await device.ReadAsync(buffer, 0, buffer.Length);
            await device.ReadAsync(buffer.AsMemory());
        }

        /// <summary>A device with a slow synchronous Read and no async override of its own.</summary>
        private sealed class SyncOnlyDevice : Stream
        {
            [AllowBlocking] // the device's own latency, not the code under test
            public override int Read(byte[] buffer, int offset, int count)
            {
                Thread.Sleep(250);
                return 0;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
