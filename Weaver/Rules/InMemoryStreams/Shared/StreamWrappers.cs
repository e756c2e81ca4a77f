using System.Collections.Generic;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// Types whose constructor's first argument is the stream they read or write through: over an in-memory stream
    /// they are in memory too. Shared by the engine (IL) and the analyzer (source).
    /// </summary>
    internal static class StreamWrappers
    {
        public static readonly HashSet<string> Types = new HashSet<string>
        {
            "System.IO.BufferedStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.BinaryReader",
            "System.IO.BinaryWriter", "System.IO.Compression.GZipStream", "System.IO.Compression.DeflateStream",
            "System.IO.Compression.BrotliStream", "System.IO.Compression.ZLibStream",
            "System.Security.Cryptography.CryptoStream", "System.Xml.XmlTextWriter", "System.Xml.XmlTextReader",
            "System.Text.Json.Utf8JsonWriter",
            // Json.NET's text reader and writer read and write the TextReader / TextWriter their constructor is handed
            // (Newtonsoft.Json's JsonTextReader.cs, JsonTextWriter.cs): over a StreamWriter over a MemoryStream, or a
            // StringWriter, their Flush and Read stay in memory (Cosmos' CosmosJsonDotNetSerializer.ToStream).
            "Newtonsoft.Json.JsonTextWriter", "Newtonsoft.Json.JsonTextReader",
        };

        /// <summary>
        /// Static factories that build a reader or writer over the stream they are handed: over in-memory streams only,
        /// what they build is in memory too (<c>XmlReader.Create(memory, settings)</c>).
        /// </summary>
        private static readonly HashSet<string> Factories = new HashSet<string>
        {
            "System.Xml.XmlReader::Create", "System.Xml.XmlWriter::Create",
        };

        /// <summary>Whether a static member (its declaring type's metadata name and its own name) is such a factory.</summary>
        public static bool IsFactory(string declaringType, string member) => Factories.Contains(declaringType + "::" + member);

        /// <summary>
        /// A factory parameter of this type (metadata name) is what the reader or writer it builds reads or writes, as a
        /// stream is: <c>XmlWriter.Create(TextWriter)</c>, <c>XmlReader.Create(TextReader)</c>.
        /// </summary>
        public static bool IsTextCarrier(string type) => type == "System.IO.TextWriter" || type == "System.IO.TextReader";

        /// <summary>
        /// Whether a parameter or a return of this type (metadata name) can carry an in-memory stream besides a Stream: a
        /// wrapper, or an abstract base a wrapper is handed as.
        /// </summary>
        public static bool CarriesStream(string type) => Types.Contains(type) || Bases.Contains(type);

        /// <summary>
        /// The abstract bases a catalogued wrapper is handed down as: XmlWriter / XmlReader (Azure's generated clients build
        /// request bodies in an XmlWriter over a MemoryStream and hand it to each model's Write), and Json.NET's JsonWriter /
        /// JsonReader (Cosmos' telemetry writes a JsonTextWriter over a StringWriter through helpers that take a JsonWriter).
        /// </summary>
        private static readonly HashSet<string> Bases = new HashSet<string>
        {
            "System.Xml.XmlWriter", "System.Xml.XmlReader", "Newtonsoft.Json.JsonWriter", "Newtonsoft.Json.JsonReader",
        };

        /// <summary>
        /// Whether a wrapper's first constructor parameter is an <c>IBufferWriter&lt;byte&gt;</c> (Utf8JsonWriter's other
        /// constructor): the wrapper then only advances it, and its Flush does no I/O whatever the buffer writer is — a
        /// PipeWriter writes out at FlushAsync, which the wrapper never calls (System.Text.Json's Utf8JsonWriter.Flush).
        /// </summary>
        public static bool IsBufferWriter(string parameterType) => parameterType == "System.Buffers.IBufferWriter`1";
    }
}
