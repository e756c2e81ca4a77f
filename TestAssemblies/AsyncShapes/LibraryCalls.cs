using System;
using System.IO;
using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>Awaits of another assembly's async APIs, one of each task type: each is timed as an async call.</summary>
    public static class LibraryCalls
    {
        public static async Task<int> AwaitAll(Stream stream, byte[] buffer)
        {
            await stream.WriteAsync(buffer, 0, buffer.Length);
            int read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
            await stream.WriteAsync(buffer.AsMemory());
            read += await stream.ReadAsync(buffer.AsMemory());
            await Task.Yield();
            return read;
        }
    }
}
