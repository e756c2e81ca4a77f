// The task of a project's own async method that only awaits stream, reader or writer operations on memory is complete
// when the call returns: each of those completes synchronously. Shape from Minio 7.0's GetPolicyResponse, whose
// constructor runs Initialize().Wait() and whose Initialize reads the response text through a StreamReader over its
// bytes. Each has a look-alike whose helper awaits something else.
using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Corpus.MemoryAsync
{
    // case: memory async/a constructor waits on its own async initializer, which reads text from memory (Minio's GetPolicyResponse)
    public sealed class PolicyResponse
    {
        public PolicyResponse(string content)
        {
            Content = content;
            if (content.Length > 0) Initialize().Wait();
        }

        public string Content { get; }

        public string? Policy { get; private set; }

        private async Task Initialize()
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Content));
            using var reader = new StreamReader(stream);
            Policy = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        public static async Task<string?> Fetch(string content)
        {
            await Task.Yield();
            return new PolicyResponse(content).Policy;
        }
    }

    // case: memory async/.Result of a helper that writes and flushes a MemoryStream with ValueTask and Task awaits
    public static class Encoder
    {
        private static async Task<byte[]> Encode(byte[] data)
        {
            var memory = new MemoryStream();
            await memory.WriteAsync(data.AsMemory());
            await memory.FlushAsync();
            return memory.ToArray();
        }

        public static async Task<int> Run(byte[] data)
        {
            await Task.Yield();
            return Encode(data).Result.Length;
        }
    }

    // case: memory async/look-alike: the helper also awaits a delay
    public static class Delayed
    {
        private static async Task<byte[]> Encode(byte[] data)
        {
            var memory = new MemoryStream();
            await memory.WriteAsync(data.AsMemory());
            await Task.Delay(1);
            return memory.ToArray();
        }

        public static async Task<int> Run(byte[] data)
        {
            await Task.Yield();
            return Encode(data).Result.Length; // expect: NB0003
        }
    }

    // case: memory async/look-alike: the helper reads a file
    public static class FromFile
    {
        private static async Task<string> Load(string path)
        {
            using var reader = new StreamReader(path);
            return await reader.ReadToEndAsync();
        }

        public static async Task<int> Run(string path)
        {
            await Task.Yield();
            return Load(path).GetAwaiter().GetResult().Length; // expect: NB0003
        }
    }

    // case: memory async/look-alike: a virtual helper a subclass may replace with one that does I/O
    public class Serializer
    {
        protected virtual async Task<byte[]> Serialize(byte[] data)
        {
            var memory = new MemoryStream();
            await memory.WriteAsync(data.AsMemory());
            return memory.ToArray();
        }

        public async Task<int> Run(byte[] data)
        {
            await Task.Yield();
            return Serialize(data).Result.Length; // expect: NB0003
        }
    }
}
