using System.Collections.Generic;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// Instance methods of other libraries whose I/O is the stream they are handed: they write their receiver, an object
    /// held in memory, into it (or read an object out of it, as a serializer does). Like a static API over streams (<c>JsonSerializer.Serialize(stream, value)</c>), such a
    /// call over in-memory streams does none. Any other instance method is left alone, its receiver may be the I/O
    /// (<c>content.CopyTo(memory)</c> reads the network). Shared by the engine (IL) and the analyzer (source); each entry
    /// names where the library shows it.
    /// </summary>
    internal static class ReceiverWriters
    {
        private static readonly HashSet<string> Members = new HashSet<string>
        {
            // LINQ to XML and the XML DOM keep the whole tree in memory; Save(Stream) writes it out through an XmlWriter over
            // the stream (src/libraries/System.Private.Xml.Linq/src/System/Xml/Linq/XDocument.cs, XElement.cs;
            // System.Private.Xml/src/System/Xml/Dom/XmlDocument.cs).
            "System.Xml.Linq.XDocument::Save", "System.Xml.Linq.XElement::Save", "System.Xml.XmlDocument::Save",
            // MimeKit writes a message or an entity, headers and parts, into the stream (MimeKit/MimeMessage.cs and
            // MimeEntity.cs, WriteTo); the parts' content is MimeKit's own in-memory blocks unless the caller built a part
            // over a stream of its own. MailKit measures an APPEND literal this way, into a MeasuringStream
            // (MailKit/Net/Imap/ImapLiteral.cs, Length).
            "MimeKit.MimeMessage::WriteTo", "MimeKit.MimeEntity::WriteTo",
            // Marten's document serializers read a document out of the stream they are handed, and nothing else
            // (src/Marten/Services/SystemTextJsonSerializer.cs, FromJson: SharedBuffer.RentAndCopy(stream);
            // src/Marten.NewtonsoftJson/JsonNetSerializer.cs: a JsonTextReader over a StreamReader over it).
            "Weasel.Storage.IStorageSerializer::FromJson",
        };

        /// <summary>Whether a member (its declaring type's metadata name and its name) writes its receiver into the streams it is handed.</summary>
        public static bool Writes(string declaringType, string member) => Members.Contains(declaringType + "::" + member);
    }
}
