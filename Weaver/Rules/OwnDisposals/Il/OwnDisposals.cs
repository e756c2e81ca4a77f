using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Catalog;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A catalogued disposal (a data reader's <c>Dispose()</c>: a provider's reader reads the rest of the response when
    /// closed) called on the analysed code's own subclass of the catalogued type runs that code, not a provider's: the
    /// base <c>Dispose()</c> calls <c>Dispose(bool)</c>, whose base calls <c>Close()</c>, whose base does nothing. So the
    /// call is one into the subclass's own <c>Dispose(bool)</c> override, else its <c>Close()</c> override, and does
    /// nothing when it overrides neither; the path follows that code. ClickHouse's driver disposes its own
    /// <c>ClickHouseDataReader</c>, which drops the response unread. Only when every type between the receiver's declared
    /// type and the catalogued one is the analysed code's: a reader of another assembly in between keeps the catalog's word.
    /// </summary>
    internal static class OwnDisposals
    {
        /// <summary>
        /// Whether the call at <paramref name="ins"/> is a catalogued disposal of the module's own subclass; then
        /// <paramref name="runs"/> is the override it runs (null: none, it does nothing).
        /// </summary>
        public static bool Replaced(MethodDefinition caller, Instruction ins, MethodReference target, BlockingApi api, out MethodDefinition? runs)
        {
            runs = null;
            if (!api.Disposal || target.Name != "Dispose" || target.HasParameters) return false;
            var producer = Receivers.Producer(caller.Body, ins, 0);
            // A cast's type is what the source declared (a Release build keeps no local for `var own = (Own)reader`).
            var declared = producer == null ? null
                : producer.OpCode.Code == Code.Castclass || producer.OpCode.Code == Code.Isinst ? (TypeReference)producer.Operand
                : Receivers.StaticType(caller, producer);
            if (!(declared?.GetElementType() is TypeDefinition type) || type.Module != caller.Module) return false;
            MethodDefinition? dispose = null, close = null;
            for (TypeReference? t = type; t != null;)
            {
                if (!(t.GetElementType() is TypeDefinition own) || own.Module != caller.Module)
                {
                    // The chain leaves the module: it must do so at the catalogued type itself.
                    if (t.GetElementType().FullName != api.Type) return false;
                    runs = dispose ?? close;
                    return true;
                }
                foreach (var method in own.Methods)
                {
                    if (!method.IsVirtual || method.IsNewSlot || !method.HasBody) continue;
                    if (dispose == null && method.Name == "Dispose" && method.Parameters.Count == 1 && method.Parameters[0].ParameterType.MetadataType == MetadataType.Boolean)
                        dispose = method;
                    else if (close == null && method.Name == "Close" && !method.HasParameters)
                        close = method;
                }
                t = own.BaseType;
            }
            return false;
        }
    }
}
