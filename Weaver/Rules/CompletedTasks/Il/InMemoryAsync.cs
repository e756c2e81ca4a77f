using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// The task of an async method of the module whose every await is a stream, reader or writer operation on memory
    /// (<c>await reader.ReadToEndAsync()</c> over a <c>MemoryStream</c>) is complete when the call returns: each such
    /// operation completes synchronously, so the method runs to its end before it hands back its task. Waiting on it
    /// (Minio's <c>GetPolicyResponse</c> runs <c>Initialize().Wait()</c>, whose one await reads the response text through
    /// a <c>StreamReader</c> over the bytes) returns at once. An await of anything else (a delay, a yield, I/O), an
    /// <c>await using</c> or <c>await foreach</c>, or a call an override could take, leaves the task unknown.
    /// </summary>
    internal static class InMemoryAsync
    {
        private static readonly ConditionalWeakTable<MethodDefinition, object> Verdicts = new ConditionalWeakTable<MethodDefinition, object>();

        /// <summary>Whether the task <paramref name="producer"/> (a call) pushes is complete when the call returns.</summary>
        public static bool Completes(Instruction producer, StreamTypes streams)
        {
            if ((producer.OpCode.Code != Code.Call && producer.OpCode.Code != Code.Callvirt) || !(producer.Operand is MethodReference target)) return false;
            MethodDefinition? method;
            try { method = target.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            if (method == null || !method.HasBody || !Catalog.Awaitable.Is(method.ReturnType)) return false;
            if (producer.OpCode.Code == Code.Callvirt && method.IsVirtual && !method.IsFinal && !method.DeclaringType.IsSealed) return false;
            return (bool)Verdicts.GetValue(method, m => AwaitsOnlyMemory(m, streams));
        }

        private static bool AwaitsOnlyMemory(MethodDefinition method, StreamTypes streams)
        {
            if (!(MethodOwners.AsyncMoveNextOf(method) is MethodDefinition moveNext) || !moveNext.HasBody) return false;
            bool any = false;
            foreach (var ins in moveNext.Body.Instructions)
            {
                if ((ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt) || !(ins.Operand is MethodReference called) || called.Name != "GetAwaiter") continue;
                if (!(Awaited(moveNext, ins) is Instruction operation) || !OnMemory(moveNext, operation, streams)) return false;
                any = true;
            }
            return any;
        }

        /// <summary>The call whose task or ValueTask a GetAwaiter reads, seen through <c>ConfigureAwait</c> and the temporaries a struct awaitable needs.</summary>
        private static Instruction? Awaited(MethodDefinition moveNext, Instruction getAwaiter)
        {
            var value = Receivers.Producer(moveNext.Body, getAwaiter, 0);
            for (int step = 0; value != null && step < 4; step++)
            {
                var code = value.OpCode.Code;
                if (code == Code.Ldloca || code == Code.Ldloca_S)
                {
                    value = Receivers.Local(moveNext, value) is VariableDefinition local ? Receivers.SingleStoreValue(moveNext, local, addressTakenToCall: true) : null;
                    continue;
                }
                if ((code == Code.Call || code == Code.Callvirt) && value.Operand is MethodReference m && m.Name == "ConfigureAwait" && m.HasThis)
                {
                    value = Receivers.Producer(moveNext.Body, value, m.Parameters.Count);
                    continue;
                }
                return code == Code.Call || code == Code.Callvirt ? value : null;
            }
            return null;
        }

        /// <summary>An async read, write, flush or copy of a stream, reader or writer whose receiver is in memory.</summary>
        private static bool OnMemory(MethodDefinition moveNext, Instruction operation, StreamTypes streams)
        {
            if (!(operation.Operand is MethodReference m) || !m.HasThis || !m.Name.EndsWith("Async", System.StringComparison.Ordinal)) return false;
            var declaring = m.DeclaringType.GetElementType().FullName;
            if (!streams.IsStream(m.DeclaringType) && declaring != "System.IO.TextReader" && declaring != "System.IO.TextWriter" &&
                !Catalog.StreamWrappers.Types.Contains(declaring)) return false;
            return Receivers.StaysInMemory(moveNext, operation, streams);
        }
    }
}
