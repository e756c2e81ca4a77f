// Streams in memory do no I/O; a real stream behind a wrapper still does.
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;

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
    // case: streams/a Stream field initialised with a MemoryStream
    public sealed class StreamFieldOverMemory
    {
        private readonly Stream _buffer = new MemoryStream();
        public async Task Append(byte[] data)
        {
            await Task.Yield();
            _buffer.Write(data, 0, data.Length);
            _buffer.Flush();
        }
    }

    // case: streams/a Stream field set to a MemoryStream in each constructor
    public sealed class StreamFieldSetInConstructors
    {
        private readonly Stream _buffer;
        public StreamFieldSetInConstructors() { _buffer = new MemoryStream(); }
        public StreamFieldSetInConstructors(byte[] seed) { _buffer = new MemoryStream(seed); }
        public async Task<int> ReadByte()
        {
            await Task.Yield();
            return _buffer.ReadByte();
        }
    }

    // case: streams/a StreamWriter field over a MemoryStream, cleared on dispose
    public sealed class WriterFieldOverMemory
    {
        private StreamWriter _writer = new StreamWriter(new MemoryStream());
        public async Task Log(string line)
        {
            await Task.Yield();
            _writer.WriteLine(line);
        }
        public void Dispose() => _writer = null!;
    }

    // case: streams/a Stream local that lives across an await
    public static class StreamLocalAcrossAwait
    {
        public static async Task<long> Build(byte[] data)
        {
            Stream ms = new MemoryStream();
            await Task.Yield();
            ms.Write(data, 0, data.Length);
            await Task.Yield();
            ms.Flush();
            return ms.Length;
        }
    }

    // case: streams/a private Stream field that one constructor sets to a file
    public sealed class StreamFieldSometimesFile
    {
        private readonly Stream _target;
        public StreamFieldSometimesFile() { _target = new MemoryStream(); }
        public StreamFieldSometimesFile(string path) { _target = new FileStream(path, FileMode.Create); }
        public async Task Write(byte[] data)
        {
            await Task.Yield();
            _target.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: streams/a private Stream field set from a constructor argument
    public sealed class StreamFieldFromCaller
    {
        private readonly Stream _target;
        public StreamFieldFromCaller(Stream target) { _target = target; }
        public async Task Write(byte[] data)
        {
            await Task.Yield();
            _target.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: streams/a public Stream field other code can replace
    public sealed class PublicStreamField
    {
        public Stream Target = new MemoryStream();
        public async Task Write(byte[] data)
        {
            await Task.Yield();
            Target.Write(data, 0, data.Length); // expect: NB0001
        }
    }
    // case: streams/a private helper only ever handed MemoryStreams
    public static class PrivateHelperOverMemory
    {
        public static async Task<byte[]> Build(byte[] header, byte[] body)
        {
            await Task.Yield();
            var ms = new MemoryStream();
            Append(ms, header);
            Append(ms, body);
            return ms.ToArray();
        }

        private static void Append(Stream target, byte[] data)
        {
            target.Write(data, 0, data.Length);
            target.Flush();
        }
    }

    // case: streams/a reader passed down private helpers (MongoDB's SaslMapParser)
    public static class ReaderThroughHelpers
    {
        public static async Task<char> FirstKey(string map)
        {
            await Task.Yield();
            return Parse(map);
        }

        private static char Parse(string map)
        {
            using var reader = new StringReader(map);
            Expect(reader, '[');
            return ReadKey(reader);
        }

        private static char ReadKey(TextReader reader) => (char)reader.Read();

        private static void Expect(TextReader reader, char c)
        {
            if (reader.Read() != c) throw new IOException("expected " + c);
        }
    }

    // case: streams/a private helper handed a file by one of its callers
    public static class PrivateHelperSometimesFile
    {
        public static async Task Save(byte[] data, string path)
        {
            await Task.Yield();
            using var file = new FileStream(path, FileMode.Create);
            Append(file, data); // expect: NB0002
        }

        public static byte[] Scratch(byte[] data)
        {
            var ms = new MemoryStream();
            Append(ms, data);
            return ms.ToArray();
        }

        private static void Append(Stream target, byte[] data) => target.Write(data, 0, data.Length);
    }

    // case: streams/a public helper handed a MemoryStream here (its other callers are judged at their own calls)
    public static class PublicHelperOverMemory
    {
        public static async Task<byte[]> Build(byte[] data)
        {
            await Task.Yield();
            var ms = new MemoryStream();
            Append(ms, data);
            return ms.ToArray();
        }

        public static void Append(Stream target, byte[] data) => target.Write(data, 0, data.Length);
    }
    // case: streams/a private generic helper handed a file where it is called with type arguments
    public static class GenericHelperSometimesFile
    {
        public static async Task Save<T>(T header, string path)
        {
            await Task.Yield();
            using var file = new FileStream(path, FileMode.Create);
            Append<T>(file, header); // expect: NB0002
        }

        public static void Scratch(int header) => Append(new MemoryStream(), header);

        private static void Append<T>(Stream target, T header) => target.WriteByte((byte)(header?.GetHashCode() ?? 0));
    }
    // case: streams/a MemoryStream local replaced through an out argument
    public static class LocalReplacedThroughOut
    {
        public static async Task Write(byte[] data, string path)
        {
            await Task.Yield();
            Stream target = new MemoryStream();
            if (path.Length > 0) Open(path, out target);
            target.Write(data, 0, data.Length); // expect: NB0001
        }

        private static void Open(string path, out Stream stream) => stream = new FileStream(path, FileMode.Create);
    }

    // case: streams/a helper wraps the MemoryStream it is handed and writes through the wrapper (MimeKit's HashBody)
    public static class HelperWrapsWhatItIsHanded
    {
        public static async Task<byte[]> Build(string text)
        {
            await Task.Yield();
            var ms = new MemoryStream();
            Render(ms, text);
            return ms.ToArray();
        }

        public static void Render(Stream output, string text)
        {
            var writer = new StreamWriter(output);
            writer.Write(text);
            writer.Flush();
        }
    }

    // case: streams/a MemoryStream handed down two helpers, with a conditional argument beside it
    public static class HandedDownTwice
    {
        public static async Task<long> Build(byte[] data, bool pad)
        {
            await Task.Yield();
            var ms = new MemoryStream();
            Outer(ms, data, data.Length > 8 || pad);
            return ms.Length;
        }

        public static void Outer(Stream target, byte[] data, bool pad) => Inner(target, data, pad || data.Length == 0);

        public static void Inner(Stream target, byte[] data, bool pad)
        {
            target.Write(data, 0, data.Length);
            if (pad) target.WriteByte(0);
        }
    }

    // case: streams/one helper handed a MemoryStream by one async method and a file by another
    public static class HelperHandedBoth
    {
        public static async Task<byte[]> InMemory(byte[] data)
        {
            await Task.Yield();
            var ms = new MemoryStream();
            Save(ms, data);
            return ms.ToArray();
        }

        public static async Task ToFile(byte[] data, string path)
        {
            await Task.Yield();
            using var file = File.Create(path);
            Save(file, data); // expect: NB0002
        }

        public static void Save(Stream target, byte[] data)
        {
            target.Write(data, 0, data.Length);
            target.Flush();
        }
    }

    // case: streams/a helper handed the async method's own Stream parameter
    public static class HelperHandedCallersStream
    {
        public static async Task Save(Stream target, byte[] data)
        {
            await Task.Yield();
            Put(target, data); // expect: NB0002
        }

        public static void Put(Stream target, byte[] data) => target.Write(data, 0, data.Length);
    }

    // case: streams/a MemoryStream handed to an overridden WriteTo (MimeKit's MimeEntity.WriteTo), read through a cast
    public abstract class Entity
    {
        public abstract void WriteTo(Stream output);
    }

    public sealed class TextPart : Entity
    {
        private readonly byte[] _text;
        public TextPart(byte[] text) { _text = text; }

        public override void WriteTo(Stream output)
        {
            if (output is BufferedStream buffered) buffered.Write(_text, 0, _text.Length);
            else output.Write(_text, 0, _text.Length);
        }
    }

    public static class EntityIntoMemory
    {
        public static async Task<byte[]> Render(Entity entity)
        {
            await Task.Yield();
            var ms = new MemoryStream();
            entity.WriteTo(ms);
            return ms.ToArray();
        }
    }

    // case: streams/the same overridden WriteTo handed a file
    public static class EntityIntoFile
    {
        public static async Task Save(Entity entity, string path)
        {
            await Task.Yield();
            using var file = new FileStream(path, FileMode.Create);
            entity.WriteTo(file); // expect: NB0002
        }
    }

    // case: streams/a MemoryStream or nothing, chosen by a flag and written with ?. (MimeKit's AttachmentCollection)
    public static class MemoryOrNothing
    {
        public static async Task<long> Copy(Stream source, bool keep)
        {
            Stream? copy = keep ? new MemoryStream() : null;
            var buffer = new byte[4096];
            int n;
            while ((n = await source.ReadAsync(buffer, 0, buffer.Length)) > 0)
                copy?.Write(buffer, 0, n);
            return copy?.Length ?? 0;
        }
    }

    // case: streams/the caller's stream, or a MemoryStream when it gives none
    public static class CallersOrMemory
    {
        public static async Task Write(Stream? given, byte[] data)
        {
            await Task.Yield();
            Stream target = given ?? new MemoryStream();
            target.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: streams/a file or a MemoryStream, chosen by a flag
    public static class FileOrMemory
    {
        public static async Task Write(byte[] data, string path, bool toFile)
        {
            await Task.Yield();
            Stream target = toFile ? File.Create(path) : new MemoryStream();
            target.Write(data, 0, data.Length); // expect: NB0001
        }
    }

    // case: streams/a fresh MemoryStream or a pooled one, never a file
    public static class FreshOrPooled
    {
        private static readonly MemoryStream Pool = new MemoryStream();

        public static async Task<long> Write(byte[] data, bool fresh)
        {
            await Task.Yield();
            Stream target = fresh ? new MemoryStream() : Pool;
            target.Write(data, 0, data.Length);
            return target.Length;
        }
    }
    // case: streams/JSON serialised into a MemoryStream to measure it, in a sync helper (Npgsql's JsonConverter.GetSize)
    public sealed class SerializeToMemory
    {
        public async Task<long> Bind(object value)
        {
            await Task.Yield();
            return Size(value);
        }

        private static long Size(object value)
        {
            var stream = new MemoryStream(64);
            JsonSerializer.Serialize(stream, value);
            return stream.Length;
        }
    }

    // case: streams/JSON serialised into the caller's stream, or parsed from a file, warns
    public static class SerializeToStream
    {
        public static async Task Save(object value, Stream output, string path)
        {
            await Task.Yield();
            JsonSerializer.Serialize(output, value); // expect: NB0001
            using var file = File.OpenRead(path);
            using var document = JsonDocument.Parse(file); // expect: NB0001
        }
    }

    // An Azure.Core-style request body (XmlWriterContent): an XmlWriter over a MemoryStream of its own.
    public sealed class XmlBody
    {
        private readonly MemoryStream _stream = new MemoryStream();
        public XmlBody() => Writer = new System.Xml.XmlTextWriter(_stream, Encoding.UTF8);
        public System.Xml.XmlWriter Writer { get; }
        public byte[] ToArray() => _stream.ToArray();
    }

    internal interface IXmlModel { void Write(System.Xml.XmlWriter writer, string name); }

    internal sealed class TagModel : IXmlModel
    {
        public string Value = "";
        void IXmlModel.Write(System.Xml.XmlWriter writer, string name)
        {
            writer.WriteStartElement(name);
            writer.WriteString(Value);
            writer.WriteEndElement();
            writer.Flush();
        }
    }

    internal static class XmlModelExtensions
    {
        public static void WriteModel(this System.Xml.XmlWriter writer, object value, string name)
        {
            if (value is IXmlModel model) model.Write(writer, name);
        }
    }

    // case: streams/an in-memory XmlWriter handed down an extension method and an interface's implementation
    // (Azure.Storage.Blobs' CreateXRequest → WriteObjectValue → IXmlSerializable.Write)
    public static class XmlRequest
    {
        public static async Task<byte[]> Create(string value)
        {
            await Task.Yield();
            return Build(value);
        }

        private static byte[] Build(string value)
        {
            var body = new XmlBody();
            body.Writer.WriteModel(new TagModel { Value = value }, "Tag");
            return body.ToArray();
        }
    }

    // case: streams/the same helpers handed an XmlWriter over a file warn
    public static class XmlToFile
    {
        public static async Task Save(string path, string value)
        {
            await Task.Yield();
            using var file = File.Create(path);
            var writer = new System.Xml.XmlTextWriter(file, Encoding.UTF8);
            writer.WriteModel(new TagModel { Value = value }, "Tag"); // expect: NB0002
        }
    }
    // case: streams/an XmlReader a factory builds over a MemoryStream
    public static class XmlOverMemory
    {
        public static async Task<string> Read(byte[] xml)
        {
            await Task.Yield();
            return Name(xml);
        }
        private static string Name(byte[] xml)
        {
            using var input = new MemoryStream(xml);
            using var reader = XmlReader.Create(input, new XmlReaderSettings());
            reader.MoveToContent();
            return reader.Name;
        }
    }

    // case: streams/an XmlReader a factory builds over a file reads the disk
    public static class XmlOverFile
    {
        public static async Task<string> Read(string path, Stream file)
        {
            await Task.Yield();
            using var reader = XmlReader.Create(file);
            reader.MoveToContent(); // expect: NB0001
            return reader.Name;
        }
    }
    // case: streams/Json.NET's writer over a StreamWriter over a MemoryStream (Cosmos' serializer)
    public static class JsonNetOverMemory
    {
        public static async Task<MemoryStream> Serialize(object value)
        {
            await Task.Yield();
            return ToStream(value);
        }
        private static MemoryStream ToStream(object value)
        {
            var memory = new MemoryStream();
            using (var text = new StreamWriter(memory, Encoding.UTF8, 1024, leaveOpen: true))
            using (Newtonsoft.Json.JsonWriter json = new Newtonsoft.Json.JsonTextWriter(text))
            {
                Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(json, value);
                json.Flush();
            }
            memory.Position = 0;
            return memory;
        }
    }

    // case: streams/Json.NET's reader over a StringReader
    public static class JsonNetReaderOverString
    {
        public static async Task<int> Count(string json)
        {
            await Task.Yield();
            int tokens = 0;
            using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json));
            while (reader.Read()) tokens++;
            return tokens;
        }
    }

    // case: streams/Json.NET's writer over a caller's stream still writes it
    public static class JsonNetOverCallersStream
    {
        public static async Task Write(Stream destination, object value)
        {
            await Task.Yield();
            using var json = new Newtonsoft.Json.JsonTextWriter(new StreamWriter(destination));
            Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(json, value);
            json.Flush(); // expect: NB0001
        }
    }
    public interface IMemoryFactory { MemoryStream Create(byte[] bytes); }
    public interface IStreamFactory { Stream Open(string name); }

    // case: streams/Stream.Null or a factory declared to return a MemoryStream, chosen by a conditional (Elasticsearch.Net)
    public static class FactoryOrNull
    {
        public static async Task<int> Copy(IMemoryFactory factory, byte[] bytes)
        {
            await Task.Yield();
            return Drain(bytes == null ? Stream.Null : factory.Create(bytes));
        }
        private static int Drain(Stream body)
        {
            var copy = new MemoryStream();
            body.CopyTo(copy);
            return (int)copy.Length;
        }
    }

    // case: streams/a factory declared to return a Stream still reads what it opens
    public static class FactoryStream
    {
        public static async Task<int> Copy(IStreamFactory factory)
        {
            await Task.Yield();
            var copy = new MemoryStream();
            factory.Open("x").CopyTo(copy); // expect: NB0001
            return (int)copy.Length;
        }
    }
}

// A method of the project that returns a Stream is read: where every body the call may run returns an in-memory stream,
// what it returns is in memory.
namespace Corpus.Streams.OwnReturns
{
    public abstract class Payloads
    {
        public abstract Stream Open(string text);
    }

    public sealed class BytesPayloads : Payloads
    {
        public override Stream Open(string text)
        {
            var stream = new MemoryStream();
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Position = 0;
            return stream;
        }
    }

    public abstract class Documents
    {
        public abstract Stream Open(string name);
    }

    public sealed class CachedDocuments : Documents
    {
        public override Stream Open(string name) => new MemoryStream(Encoding.UTF8.GetBytes(name));
    }

    public sealed class FileDocuments : Documents
    {
        public override Stream Open(string name) => File.OpenRead(name);
    }

    // case: streams/reading back what the project's own serializer wrote into memory (Cosmos' LINQ translation)
    public sealed class ReadBack
    {
        private readonly Payloads _payloads;

        public ReadBack(Payloads payloads) => _payloads = payloads;

        public async Task<string> Run(string text)
        {
            await Task.Yield();
            using var reader = new StreamReader(_payloads.Open(text));
            return reader.ReadToEnd();
        }
    }

    // case: streams/a static method of the project whose every return is a MemoryStream
    public static class OwnFactory
    {
        public static async Task<string> Run(string text)
        {
            await Task.Yield();
            using var reader = new StreamReader(Serialize(text));
            return reader.ReadToEnd();
        }

        private static Stream Serialize(string text)
        {
            if (text.Length == 0) return new MemoryStream();
            return new MemoryStream(Encoding.UTF8.GetBytes(text));
        }
    }

    // case: streams/a static method of the project one of whose returns opens a file
    public static class OwnFactoryOpensFile
    {
        public static async Task<string> Run(string text)
        {
            await Task.Yield();
            using var reader = new StreamReader(Serialize(text));
            return reader.ReadToEnd(); // expect: NB0001
        }

        private static Stream Serialize(string text)
        {
            if (text.Length == 0) return new MemoryStream();
            return File.OpenRead(text);
        }
    }

    // case: streams/an abstract method one of whose implementations opens a file
    public static class OneImplementationOpensFile
    {
        public static async Task<string> Run(Documents documents, string name)
        {
            await Task.Yield();
            using var reader = new StreamReader(documents.Open(name));
            return reader.ReadToEnd(); // expect: NB0001
        }
    }

    // case: streams/a writer a loop replaces with a fresh one over memory, handed to a helper as a JsonWriter (Cosmos' telemetry chunks)
    public static class WriterPerChunk
    {
        public static async Task<int> Run(string[] chunks)
        {
            var builder = new StringBuilder();
            Newtonsoft.Json.JsonWriter writer = StartWriter(builder);
            foreach (var chunk in chunks)
            {
                if (builder.Length > 100)
                {
                    writer.WriteEndArray();
                    await Task.Yield();
                    builder.Clear();
                    writer = StartWriter(builder);
                }
                Describe(writer, chunk);
            }
            writer.WriteEndArray();
            return builder.Length;
        }

        private static Newtonsoft.Json.JsonWriter StartWriter(StringBuilder builder)
        {
            Newtonsoft.Json.JsonWriter writer = new Newtonsoft.Json.JsonTextWriter(new StringWriter(builder));
            writer.WriteStartArray();
            return writer;
        }

        private static void Describe(Newtonsoft.Json.JsonWriter writer, string chunk) => writer.WriteValue(chunk.Length);
    }

    // case: streams/a writer a loop replaces with a fresh one over a file
    public static class WriterPerFile
    {
        public static async Task<int> Run(string[] paths)
        {
            Newtonsoft.Json.JsonWriter writer = StartWriter(paths[0]);
            foreach (var path in paths)
            {
                writer.WriteEndArray(); // expect: NB0001
                await Task.Yield();
                writer = StartWriter(path);
                Describe(writer, path); // expect: NB0002
            }
            return paths.Length;
        }

        private static Newtonsoft.Json.JsonWriter StartWriter(string path)
        {
            if (path.Length == 0) return new Newtonsoft.Json.JsonTextWriter(new StringWriter());
            return new Newtonsoft.Json.JsonTextWriter(File.CreateText(path));
        }

        private static void Describe(Newtonsoft.Json.JsonWriter writer, string path) => writer.WriteValue(path.Length);
    }

    // case: streams/a local every assignment of which is an in-memory stream
    public static class ReassignedLocal
    {
        public static async Task<int> Run(bool big)
        {
            await Task.Yield();
            Stream body = new MemoryStream(new byte[4]);
            if (big) body = new MemoryStream(new byte[400]);
            return body.Read(new byte[1], 0, 1);
        }
    }

    // case: streams/a local one assignment of which opens a file
    public static class ReassignedToFile
    {
        public static async Task<int> Run(bool big)
        {
            await Task.Yield();
            Stream body = new MemoryStream(new byte[4]);
            if (big) body = File.OpenRead("big.bin");
            return body.Read(new byte[1], 0, 1); // expect: NB0001
        }
    }

    // case: streams/an XML tree saved into a MemoryStream (an instance method that writes its in-memory receiver)
    public static class TreeIntoMemory
    {
        public static async Task<int> Run(System.Xml.Linq.XDocument document)
        {
            await Task.Yield();
            using var buffer = new MemoryStream();
            document.Save(buffer, System.Xml.Linq.SaveOptions.None);
            return (int)buffer.Length;
        }
    }

    // case: streams/an XML tree saved into a file
    public static class TreeIntoFile
    {
        public static async Task<int> Run(System.Xml.Linq.XDocument document, string path)
        {
            await Task.Yield();
            using var file = File.Create(path);
            document.Save(file, System.Xml.Linq.SaveOptions.None); // expect: NB0001
            return 1;
        }
    }

    // case: streams/content copied into memory still reads its own source (an instance method not listed)
    public static class ContentIntoMemory
    {
        public static async Task<int> Run(System.Net.Http.HttpContent content)
        {
            await Task.Yield();
            using var buffer = new MemoryStream();
            content.CopyTo(buffer, null, default); // expect: NB0001
            return (int)buffer.Length;
        }
    }

    // case: streams/an XmlReader over an XElement (XNode.CreateReader walks the tree in memory; MSAL's WS-Trust fault text)
    public static class ElementReader
    {
        public static async Task<string> FaultText(string xml)
        {
            await Task.Yield();
            var element = System.Xml.Linq.XElement.Parse(xml);
            using var reader = element.CreateReader();
            reader.MoveToContent();
            return reader.ReadInnerXml();
        }
    }

    // case: streams/an XmlReader over a file reads it
    public static class FileReader
    {
        public static async Task<string> FaultText(string path)
        {
            await Task.Yield();
            using var reader = XmlReader.Create(path);
            reader.MoveToContent(); // expect: NB0001
            return reader.ReadInnerXml(); // expect: NB0001
        }
    }

    // case: streams/XmlWriter.Create over a StringWriter and XmlReader.Create over a StringReader
    public static class XmlOverText
    {
        public static async Task<string> RoundTrip(string name)
        {
            await Task.Yield();
            var text = new StringWriter();
            using (var writer = XmlWriter.Create(text))
            {
                writer.WriteElementString("Name", name);
                writer.Flush();
            }
            using var reader = XmlReader.Create(new StringReader(text.ToString()));
            reader.MoveToContent();
            return reader.ReadElementContentAsString();
        }
    }
}
