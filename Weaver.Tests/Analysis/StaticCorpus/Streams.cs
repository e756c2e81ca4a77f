// Streams in memory do no I/O; a real stream behind a wrapper still does.
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;

namespace Corpus.Streams
{
    // case: streams/MemoryStream in a local
    public static class MemoryLocal
    {
        public static async Task<byte[]> Build()
        {
            await Task.Yield();
            var ms = new MemoryStream();
            ms.Write(new byte[] { 1, 2 }, 0, 2);
            ms.Flush();
            return ms.ToArray();
        }
    }

    // case: streams/StreamWriter over a MemoryStream
    public static class WriterOverMemory
    {
        public static async Task<string> Build()
        {
            await Task.Yield();
            var ms = new MemoryStream();
            var writer = new StreamWriter(ms);
            writer.Write("hello");
            writer.Flush();
            return Encoding.UTF8.GetString(ms.ToArray());
        }
    }

    // case: streams/StreamReader over a MemoryStream
    public static class ReaderOverMemory
    {
        public static async Task<string> Read(byte[] data)
        {
            await Task.Yield();
            using var reader = new StreamReader(new MemoryStream(data));
            return reader.ReadToEnd();
        }
    }

    // case: streams/StreamReader over a FileStream
    public static class ReaderOverFile
    {
        public static async Task<string> Read(string path)
        {
            await Task.Yield();
            using var reader = new StreamReader(new FileStream(path, FileMode.Open));
            return reader.ReadToEnd(); // expect: NB0001
        }
    }

    // case: streams/a Stream handed in by the caller
    public static class ParameterStream
    {
        public static async Task<int> Read(Stream stream)
        {
            await Task.Yield();
            return stream.Read(new byte[4], 0, 4); // expect: NB0001
        }
    }

    // case: streams/GZipStream over a MemoryStream
    public static class GzipOverMemory
    {
        public static async Task<byte[]> Compress(byte[] data)
        {
            await Task.Yield();
            var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(data, 0, data.Length);
            return output.ToArray();
        }
    }

    // case: streams/StringReader
    public static class Strings
    {
        public static async Task<string?> FirstLine(string text)
        {
            await Task.Yield();
            return new StringReader(text).ReadLine();
        }
    }

    // case: streams/a MemoryStream field
    public sealed class MemoryField
    {
        private readonly MemoryStream _buffer = new MemoryStream();
        public async Task Append(byte[] data)
        {
            await Task.Yield();
            _buffer.Write(data, 0, data.Length);
        }
    }

    // case: streams/copying from memory into a file writes the file
    public static class CopyIntoFile
    {
        public static async Task Save(byte[] data, string path)
        {
            await Task.Yield();
            var ms = new MemoryStream(data);
            using var file = new FileStream(path, FileMode.Create);
            ms.CopyTo(file); // expect: NB0001
        }
    }

    // case: streams/BinaryReader over a file opened by File.OpenRead
    public static class BinaryOverFile
    {
        public static async Task<int> Read(string path)
        {
            await Task.Yield();
            using var reader = new BinaryReader(File.OpenRead(path));
            return reader.ReadInt32(); // expect: NB0001
        }
    }
}
