using System.Collections.Generic;

namespace NonBlocking.Weaver.Catalog
{
    /// <summary>
    /// Members of other libraries whose returned Stream (or reader) is in memory, read as a MemoryStream would be. Shared by the
    /// engine (IL) and the analyzer (source); each entry names where the library shows it.
    /// </summary>
    internal static class InMemoryStreamSources
    {
        private static readonly HashSet<string> Members = new HashSet<string>
        {
            // Azure.Core buffers every response body before SendAsync returns (HttpMessage.BufferResponse defaults to
            // true; ResponseBodyPolicy copies the network stream into memory with CopyToAsync), so ContentStream is a
            // MemoryStream; only streaming downloads turn buffering off, and they hand the stream on (sdk/core/Azure.Core/
            // src/Pipeline/ResponseBodyPolicy.cs, src/HttpMessage.cs).
            "Azure.Response::get_ContentStream",
            // CommunityToolkit.HighPerformance wraps Memory<byte> / ReadOnlyMemory<byte> in a MemoryStream of its own
            // (src/CommunityToolkit.HighPerformance/Extensions/MemoryExtensions.cs, ReadOnlyMemoryExtensions.cs; Minio).
            "CommunityToolkit.HighPerformance.MemoryExtensions::AsStream",
            "CommunityToolkit.HighPerformance.ReadOnlyMemoryExtensions::AsStream",
            // System.Memory.Data's BinaryData holds its bytes in memory and ToStream wraps them in a read-only memory
            // stream (src/libraries/System.Memory.Data/src/System/BinaryData.cs); Azure's generated models serialize to
            // it (ModelReaderWriter.Write) and read it back (Azure.Storage.Queues' WriteObjectValue).
            "System.BinaryData::ToStream",
            // The Cosmos DB SDK buffers every response body before it builds the ResponseMessage: the gateway copies it into
            // a MemoryStream (GatewayStoreClient.BufferContentIfAvailableAsync), direct mode reads the whole frame into a
            // buffer the store response wraps (Microsoft.Azure.Cosmos/src/GatewayStoreClient.cs, Direct's TransportClient).
            "Microsoft.Azure.Cosmos.ResponseMessage::get_Content",
            // The same bodies as the transport hands them to the SDK's own code: GatewayStoreClient.ParseResponseAsync
            // builds each DocumentServiceResponse over the stream BufferContentIfAvailableAsync returns, and direct mode
            // over the store response's buffered frame (Microsoft.Azure.Cosmos/src/GatewayStoreClient.cs).
            "Microsoft.Azure.Documents.DocumentServiceResponse::get_ResponseBody",
            // The Cosmos DB SDK v2 (Microsoft.Azure.DocumentDB.Core, which the Cosmos Table SDK runs on) hands the same bodies
            // to its users: ResourceResponseBase.ResponseStream is response.ResponseBody, a body its transports buffered
            // (GatewayStoreClient.ParseResponseAsync copies it into a MemoryStream, HttpTransportClient CopyToAsync's it into
            // one, RNTBD frames are read whole); Microsoft.Azure.Cosmos.Table's GetTableResultFromResponse reads entities from it.
            "Microsoft.Azure.Documents.Client.ResourceResponseBase::get_ResponseStream",
            // Every AmqpMessage of Microsoft.Azure.Amqp returns a BufferListStream from ToStream: the encoded message's
            // buffers, a clone of them, or the buffers a received message arrived in (Microsoft.Azure.Amqp/AmqpMessage.cs;
            // Event Hubs and Service Bus copy a message's bytes out of it).
            "Microsoft.Azure.Amqp.AmqpMessage::ToStream",
            // Stream.Null reads nothing and writes nowhere (the framework's NullStream); a field, read as a member.
            "System.IO.Stream::Null",
            // LINQ to XML's CreateReader hands back an XNodeReader that walks the tree in memory (src/libraries/
            // System.Private.Xml.Linq/src/System/Xml/Linq/XNode.cs, XNodeReader.cs): an XmlReader, not a stream, read as
            // one over memory (MSAL reads a WS-Trust fault's text through it).
            "System.Xml.Linq.XNode::CreateReader",
        };

        /// <summary>Whether a member (its declaring type's metadata name and its own name: a method, a getter or a field) returns an in-memory stream.</summary>
        public static bool Returns(string declaringType, string member) => Members.Contains(declaringType + "::" + member);
    }
}
