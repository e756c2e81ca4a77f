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
        };
    }
}
