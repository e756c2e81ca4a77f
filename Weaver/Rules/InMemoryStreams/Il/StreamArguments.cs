using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A static API whose I/O is the streams it is handed — <c>JsonSerializer.Serialize(stream, value)</c>,
    /// <c>JsonDocument.Parse(stream)</c>, <c>XDocument.Load(stream)</c> — does none when each of them is in memory
    /// (Npgsql serialises a JSON parameter into a <c>new MemoryStream(capacity)</c> to measure it). So does an instance
    /// method that writes its in-memory receiver into them (<see cref="Catalog.ReceiverWriters"/>: <c>XDocument.Save(stream)</c>,
    /// MimeKit's <c>WriteTo</c>); any other is left alone, its receiver may be the I/O (<c>content.CopyTo(memory)</c> reads
    /// the network).
    /// </summary>
    internal static class StreamArguments
    {
        public static bool AllInMemory(MethodDefinition method, Instruction call, MethodReference target, StreamTypes streams)
        {
            if (target.HasThis && !Catalog.ReceiverWriters.Writes(target.DeclaringType.GetElementType().FullName, target.Name)) return false;
            var parameters = target.Parameters;
            bool any = false;
            for (int i = 0; i < parameters.Count; i++)
            {
                if (!streams.IsStream(parameters[i].ParameterType)) continue;
                if (!Receivers.InMemoryArgument(method, call, parameters.Count - 1 - i, streams, null)) return false;
                any = true;
            }
            return any;
        }
    }
}
