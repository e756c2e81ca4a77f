// Stream types a project declares itself, and streams other assemblies build over in-memory ones (MimeKit's
// MemoryBlockStream and MeasuringStream, BouncyCastle's PGP streams over them): their code shows whether they do I/O.
using System;
using System.IO;
using System.Net.Security;
using System.Threading.Tasks;

namespace Corpus.OwnStreams
{
    // case: own streams/a stream of this project that keeps its bytes in blocks of memory (MimeKit's MemoryBlockStream)
    public sealed class BlockStream : Stream
    {
        private readonly System.Collections.Generic.List<byte[]> _blocks = new System.Collections.Generic.List<byte[]>();
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() => CheckOpen();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            CheckOpen();
            var block = Pool.Rent(count);
            Buffer.BlockCopy(buffer, offset, block, 0, count);
            _blocks.Add(block);
            _length += count;
        }
        private void CheckOpen() { if (_length < 0) throw new ObjectDisposedException(nameof(BlockStream)); }
    }

    public static class Pool
    {
        public static byte[] Rent(int size) => new byte[size];
    }

    public static class BlockStreamUse
    {
        public static async Task<long> Build(byte[] data)
        {
            await Task.Yield();
            var stream = new BlockStream();
            stream.Write(data, 0, data.Length);
            stream.Flush();
            return stream.Length;
        }
    }

    // case: own streams/a stream of this project that counts the bytes written to it (MimeKit's MeasuringStream), as a private field
    public class CountingStream : Stream
    {
        private long _count;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _count;
        public override long Position { get => _count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _count += count;
    }

    public sealed class Measurer
    {
        private readonly CountingStream _counter = new CountingStream();
        public async Task<long> Measure(byte[] data)
        {
            await Task.Yield();
            _counter.Write(data, 0, data.Length);
            return _counter.Length;
        }
    }

    // case: own streams/a stream of this project that appends to a log file in Write
    public sealed class LoggingStream : Stream
    {
        private readonly string _path;
        public LoggingStream(string path) { _path = path; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Log.Append(_path, count);
    }

    public static class Log
    {
        public static void Append(string path, int count) => File.AppendAllText(path, count + "\n");
    }

    public static class LoggingStreamUse
    {
        public static async Task Write(byte[] data, string path)
        {
            await Task.Yield();
            var stream = new LoggingStream(path);
            stream.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: own streams/a counting stream whose subclass also writes a file, handed in as the base type
    public sealed class FileCountingStream : CountingStream
    {
        private readonly FileStream _file;
        public FileCountingStream(FileStream file) { _file = file; }
        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            _file.Write(buffer, offset, count);
        }
    }

    public static class CountingStreamFromCaller
    {
        public static async Task Write(CountingStream stream, byte[] data)
        {
            await Task.Yield();
            stream.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: own streams/a stream of this project that transforms into the stream it is handed, over a MemoryStream
    public sealed class UpperCaseStream : Stream
    {
        private readonly Stream _inner;
        public UpperCaseStream(Stream inner) { _inner = inner; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _inner.Length;
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => _inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
                _inner.WriteByte((byte)char.ToUpperInvariant((char)buffer[i]));
        }
    }

    public static class UpperCaseOverMemory
    {
        public static async Task<byte[]> Build(byte[] data)
        {
            await Task.Yield();
            var memory = new MemoryStream();
            var upper = new UpperCaseStream(memory);
            upper.Write(data, 0, data.Length);
            upper.Flush();
            return memory.ToArray();
        }
    }

    // case: own streams/the same transforming stream over a file
    public static class UpperCaseOverFile
    {
        public static async Task Save(byte[] data, string path)
        {
            await Task.Yield();
            using var file = new FileStream(path, FileMode.Create);
            var upper = new UpperCaseStream(file);
            upper.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: own streams/a stream of another assembly built over a MemoryStream
    public static class SslStreamOverMemory
    {
        public static async Task<byte[]> Build(byte[] data)
        {
            await Task.Yield();
            var memory = new MemoryStream();
            var wrapped = new SslStream(memory, leaveInnerStreamOpen: true);
            wrapped.Flush();
            return memory.ToArray();
        }
    }

    // case: own streams/another assembly's factory over a MemoryStream (BouncyCastle's PgpCompressedDataGenerator.Open)
    public static class FactoryOverMemory
    {
        public static async Task<byte[]> Build(byte[] data)
        {
            await Task.Yield();
            var memory = new MemoryStream();
            var synchronized = Stream.Synchronized(memory);
            synchronized.Write(data, 0, data.Length);
            synchronized.Flush();
            return memory.ToArray();
        }
    }

    // case: own streams/another assembly's factory over a file
    public static class FactoryOverFile
    {
        public static async Task Save(byte[] data, string path)
        {
            await Task.Yield();
            var synchronized = Stream.Synchronized(File.Create(path));
            synchronized.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: own streams/this project's factory handed a MemoryStream but opening a file (its body decides, not its arguments)
    public static class OwnFactoryOpensFile
    {
        public static async Task Save(byte[] data, string path)
        {
            await Task.Yield();
            var target = Open(new MemoryStream(), path);
            target.Write(data, 0, data.Length); // expect: NB0001
        }

        public static Stream Open(Stream scratch, string path) => scratch.Length > 0 ? scratch : File.Create(path);
    }

    // case: own streams/a sync helper writing into this project's in-memory stream, called from async code
    public static class HelperOverOwnStream
    {
        public static async Task<long> Build(byte[] data)
        {
            await Task.Yield();
            return Measure(data);
        }

        public static long Measure(byte[] data)
        {
            var counter = new CountingStream();
            counter.Write(data, 0, data.Length);
            return counter.Length;
        }
    }

    // case: own streams/a stream of this project that writes through a native call
    public sealed class NativeStream : Stream
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "write")]
        private static extern nint SysWrite(int fd, byte[] buffer, nint count);

        private readonly int _fd;
        public NativeStream(int fd) { _fd = fd; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => SysWrite(_fd, buffer[offset..(offset + count)], count);
    }

    public static class NativeStreamUse
    {
        public static async Task Log(byte[] data)
        {
            await Task.Yield();
            var stderr = new NativeStream(2);
            stderr.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // An Azure.Core-style request body: an XmlWriter over a MemoryStream of its own, exposed as an auto-property.
    public sealed class XmlContent
    {
        private readonly MemoryStream _stream;
        public XmlContent()
        {
            _stream = new MemoryStream();
            Writer = new System.Xml.XmlTextWriter(_stream, System.Text.Encoding.UTF8);
        }
        public System.Xml.XmlWriter Writer { get; }
        public async Task CopyToAsync(Stream destination)
        {
            Writer.Flush();
            _stream.Position = 0;
            await _stream.CopyToAsync(destination);
        }
    }

    // case: own streams/an XmlWriter over a MemoryStream, read through an auto-property (Azure.Core's XmlWriterContent)
    public static class XmlRequestBody
    {
        public static async Task Send(Stream network)
        {
            var content = new XmlContent();
            content.Writer.WriteStartElement("Tags");
            content.Writer.WriteEndElement();
            await content.CopyToAsync(network);
        }
    }

    // case: own streams/a Utf8JsonWriter over a MemoryStream
    public static class JsonIntoMemory
    {
        public static async Task<byte[]> Serialize(int value)
        {
            await Task.Yield();
            var buffer = new MemoryStream();
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteNumberValue(value);
                writer.Flush();
            }
            return buffer.ToArray();
        }
    }

    // case: own streams/a Utf8JsonWriter over the stream it is handed
    public static class JsonIntoStream
    {
        public static async Task Serialize(Stream destination, int value)
        {
            await Task.Yield();
            using var writer = new System.Text.Json.Utf8JsonWriter(destination);
            writer.WriteNumberValue(value);
            writer.Flush(); // expect: NB0001
        }
    }

    // case: own streams/a Utf8JsonWriter over an IBufferWriter, reached through a sync helper (Azure.Storage.Blobs'
    // EncryptionDataSerializer): its Flush only advances the buffer writer, whatever that is
    public static class JsonIntoBufferWriter
    {
        public static async Task<ReadOnlyMemory<byte>> Serialize(int value)
        {
            await Task.Yield();
            return Write(value);
        }

        private static ReadOnlyMemory<byte> Write(int value)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using var writer = new System.Text.Json.Utf8JsonWriter(buffer);
            writer.WriteNumberValue(value);
            writer.Flush();
            return buffer.WrittenMemory;
        }

        public static async Task Serialize(System.Buffers.IBufferWriter<byte> output, int value)
        {
            await Task.Yield();
            using var writer = new System.Text.Json.Utf8JsonWriter(output);
            writer.WriteNumberValue(value);
            writer.Flush();
        }
    }

    // case: own streams/the same helper writing its JSON to a file it opens warns
    public static class JsonIntoFileHelper
    {
        public static async Task Serialize(string path, int value)
        {
            await Task.Yield();
            Write(path, value); // expect: NB0002
        }

        private static void Write(string path, int value)
        {
            using var file = File.Create(path);
            using var writer = new System.Text.Json.Utf8JsonWriter(file);
            writer.WriteNumberValue(value);
            writer.Flush();
        }
    }

    // case: own streams/an XmlWriter over this project's StringWriter subclass that only changes Encoding (MSAL's StringWriterWithEncoding), through a sync helper
    public sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
    public static class SoapEnvelope
    {
        public static async Task<string> Build(string user)
        {
            await Task.Yield();
            return Write(user);
        }
        private static string Write(string user)
        {
            using var text = new Utf8StringWriter();
            using (var xml = System.Xml.XmlWriter.Create(text))
            {
                xml.WriteStartElement("Envelope");
                xml.WriteElementString("User", user);
                xml.WriteEndElement();
            }
            return text.ToString();
        }
    }

    // case: own streams/a MemoryStream subclass of this project that counts what it holds
    public sealed class CountingMemory : MemoryStream
    {
        public int Writes { get; private set; }
        public override void Write(byte[] buffer, int offset, int count) { Writes++; base.Write(buffer, offset, count); }
    }
    public static class CountedBody
    {
        public static async Task<int> Fill(byte[] data)
        {
            await Task.Yield();
            var body = new CountingMemory();
            body.Write(data, 0, data.Length);
            body.Flush();
            return body.Writes;
        }
    }

    // case: own streams/a StringWriter subclass of this project that also appends each write to a log file
    public sealed class TeeStringWriter : StringWriter
    {
        public override void Write(char value) { base.Write(value); File.AppendAllText("tee.log", value.ToString()); }
    }
    public static class TeedEnvelope
    {
        public static async Task<string> Build(string user)
        {
            await Task.Yield();
            return Write(user); // expect: NB0002
        }
        private static string Write(string user)
        {
            using var text = new TeeStringWriter();
            using (var xml = System.Xml.XmlWriter.Create(text))
            {
                xml.WriteStartElement("Envelope");
                xml.WriteElementString("User", user);
                xml.WriteEndElement();
            }
            return text.ToString();
        }
    }

    // case: own streams/a MemoryStream subclass of this project that mirrors its bytes to a file
    public sealed class MirroredMemory : MemoryStream
    {
        private readonly FileStream _mirror = File.OpenWrite("mirror.bin");
        public override void Write(byte[] buffer, int offset, int count) { base.Write(buffer, offset, count); _mirror.Write(buffer, offset, count); }
    }
    public static class MirroredBody
    {
        public static async Task Fill(byte[] data)
        {
            await Task.Yield();
            var body = new MirroredMemory();
            body.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: own streams/this project's BinaryWriter subclass over a MemoryStream (AWS SQS's SQSWriter for an MD5 of the attributes)
    public sealed class AttributeWriter : BinaryWriter
    {
        public AttributeWriter(Stream output) : base(output) { }
        public void WriteLengthPrefixed(string value) { Write(value.Length); Write(value); }
    }
    public static class AttributeDigest
    {
        public static async Task<byte[]> Hash(string name, string value)
        {
            await Task.Yield();
            var buffer = new MemoryStream();
            using (var writer = new AttributeWriter(buffer))
            {
                writer.WriteLengthPrefixed(name);
                writer.Write(value);
                writer.Flush();
            }
            return buffer.ToArray();
        }
    }

    // case: own streams/the same BinaryWriter subclass over a file writes the file
    public static class AttributeFile
    {
        public static async Task Save(string name)
        {
            await Task.Yield();
            using var writer = new AttributeWriter(File.Create("attributes.bin"));
            writer.Write(name); // expect: NB0001
        }
    }

    // case: own streams/a BinaryWriter subclass of this project that also appends to a log file, over a MemoryStream
    public sealed class LoggingWriter : BinaryWriter
    {
        public LoggingWriter(Stream output) : base(output) { }
        public override void Write(string value) { base.Write(value); File.AppendAllText("writes.log", value); }
    }
    public static class LoggedDigest
    {
        public static async Task<byte[]> Hash(string name)
        {
            await Task.Yield();
            var buffer = new MemoryStream();
            var writer = new LoggingWriter(buffer);
            writer.Write(name); // expect: NB0001
            return buffer.ToArray();
        }
    }
}
