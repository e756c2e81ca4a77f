// Classes a project declares that hold the stream (or writer) their constructor is handed and only read or write it:
// built over memory, they are in memory. Shapes from AWSSDK.SQS 4.1's SQSWriter (a BinaryWriter over the MemoryStream
// whose MD5 it computes) and FirebirdSql.Data.FirebirdClient 10.3's XdrReaderWriter over a DataProviderStreamWrapper over
// a MemoryStream. Each has a look-alike whose holder writes a file, or holds something else.
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.Holders
{
    // case: holders/a writer class of the project holding a BinaryWriter over the stream it is handed, over a MemoryStream (SQS's SQSWriter)
    public static class Attributes
    {
        private sealed class AttributeWriter : System.IDisposable
        {
            private readonly BinaryWriter _writer;

            public AttributeWriter(Stream stream) => _writer = new BinaryWriter(stream);

            public void Write(string value)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(value);
                _writer.Write(bytes.Length);
                _writer.Write(bytes);
            }

            public void Dispose() => _writer.Flush();
        }

        public static async Task<byte[]> Digest(string[] values)
        {
            await Task.Yield();
            var memory = new MemoryStream();
            using (var writer = new AttributeWriter(memory))
                foreach (var value in values) writer.Write(value);
            return memory.ToArray();
        }
    }

    public interface IDataProvider
    {
        void Write(byte[] buffer, int offset, int count);
        void Flush();
    }

    // case: holders/a protocol writer over an interface, handed a wrapper of the project over a MemoryStream (Firebird's XdrReaderWriter)
    public sealed class StreamProvider : IDataProvider
    {
        private readonly Stream _stream;

        public StreamProvider(Stream stream) => _stream = stream;

        public void Write(byte[] buffer, int offset, int count) => _stream.Write(buffer, offset, count);

        public void Flush() => _stream.Flush();
    }

    public sealed class SocketProvider : IDataProvider
    {
        private readonly Socket _socket;

        public SocketProvider(Socket socket) => _socket = socket;

        public void Write(byte[] buffer, int offset, int count) => _socket.Send(buffer, offset, count, SocketFlags.None);

        public void Flush() { }
    }

    public sealed class XdrWriter
    {
        // A LINQ operator over a sequence in its static constructor is no query (Firebird's FillArray).
        private static readonly byte[] Fill = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Repeat((byte)32, 32));
        private readonly IDataProvider _provider;

        public XdrWriter(IDataProvider provider) => _provider = provider;

        public void WriteInt(int value) => _provider.Write(System.BitConverter.GetBytes(value), 0, 4);

        public void WriteFill(int length) => _provider.Write(Fill, 0, length);

        public void Flush() => _provider.Flush();
    }

    public static class Parameters
    {
        public static async Task<byte[]> Encode(int[] values)
        {
            await Task.Yield();
            using var memory = new MemoryStream(256);
            var xdr = new XdrWriter(new StreamProvider(memory));
            foreach (var value in values) xdr.WriteInt(value);
            xdr.Flush();
            return memory.ToArray();
        }
    }

    // case: holders/the writer handed down to a helper, over memory
    public static class HandedDown
    {
        private static void WriteAll(XdrWriter xdr, int[] values)
        {
            foreach (var value in values) xdr.WriteInt(value);
            xdr.Flush();
        }

        public static async Task<byte[]> Encode(int[] values)
        {
            await Task.Yield();
            using var memory = new MemoryStream();
            WriteAll(new XdrWriter(new StreamProvider(memory)), values);
            return memory.ToArray();
        }
    }

    // case: holders/look-alike: the same protocol writer over a socket
    public static class OverTheWire
    {
        public static async Task Send(Socket socket, int[] values)
        {
            await Task.Yield();
            var xdr = new XdrWriter(new SocketProvider(socket));
            xdr.WriteInt(values.Length); // expect: NB0002
        }
    }

    // case: holders/look-alike: the writer class over a file
    public static class ToFile
    {
        public static async Task Save(string path, int[] values)
        {
            await Task.Yield();
            using var file = File.Create(path);
            var xdr = new XdrWriter(new StreamProvider(file));
            xdr.Flush(); // expect: NB0002
        }
    }

    // case: holders/look-alike: a holder that also writes a log file of its own
    public sealed class LoggingWriter
    {
        private readonly Stream _stream;

        public LoggingWriter(Stream stream) => _stream = stream;

        public void Flush()
        {
            _stream.Flush();
            File.AppendAllText("writer.log", "flushed");
        }

        public static async Task<byte[]> Run()
        {
            await Task.Yield();
            var memory = new MemoryStream();
            new LoggingWriter(memory).Flush(); // expect: NB0002
            return memory.ToArray();
        }
    }

    // case: holders/look-alike: a writer whose stream can be replaced after construction
    public sealed class Retargetable
    {
        private Stream _stream;

        public Retargetable(Stream stream) => _stream = stream;

        public void Retarget(Stream stream) => _stream = stream;

        public void Flush() => _stream.Flush();

        public static async Task<byte[]> Run()
        {
            await Task.Yield();
            var memory = new MemoryStream();
            new Retargetable(memory).Flush(); // expect: NB0002
            return memory.ToArray();
        }
    }
}
