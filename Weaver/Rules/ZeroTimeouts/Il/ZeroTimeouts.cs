using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A wait handed a zero timeout — <c>semaphore.Wait(0)</c>, <c>handle.WaitOne(TimeSpan.Zero)</c>,
    /// <c>Thread.Sleep(0)</c>, a <c>Socket.Poll</c> of a millisecond at most — polls and returns at once, so the build analysis does not warn about it (StackExchange.Redis
    /// takes its mutex this way on 55 async paths); its run-time probe stays. The waits are the catalog's in
    /// System.Threading, System.Threading.Tasks and Process, whose every int or TimeSpan parameter is the timeout, and
    /// <c>BlockingCollection</c>'s tries, whose overloads without a timeout have a zero one (they return at once).
    /// </summary>
    internal static class ZeroTimeouts
    {
        /// <summary>A <c>Socket.Poll</c> of at most this many microseconds polls (SqlClient checks sockets with 100).</summary>
        private const int PollMicroseconds = 1000;

        public static bool Polls(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (target.Name == "Poll" && target.DeclaringType.FullName == "System.Net.Sockets.Socket" && target.Parameters.Count == 2 &&
                target.Parameters[0].ParameterType.MetadataType == MetadataType.Int32 &&
                Receivers.Producer(method.Body, call, 1) is Instruction timeout && Il.Int32Constant(timeout) is int microseconds &&
                microseconds >= 0 && microseconds <= PollMicroseconds)
                return true;
            bool tries = IsCollectionTry(target);
            if (!tries && !IsWaitType(target.DeclaringType)) return false;
            var parameters = target.Parameters;
            // The item is the type parameter here (!0), never taken for the timeout, even in a BlockingCollection<int>.
            if (tries && !parameters.Any(p => p.ParameterType.MetadataType == MetadataType.Int32 || IsTimeSpan(p.ParameterType))) return true;
            for (int i = 0; i < parameters.Count; i++)
            {
                var type = parameters[i].ParameterType;
                if (type.MetadataType != MetadataType.Int32 && !IsTimeSpan(type)) continue;
                var value = Receivers.Producer(method.Body, call, parameters.Count - 1 - i);
                if (value != null && IsZero(value)) return true;
            }
            return false;
        }

        private static bool IsWaitType(TypeReference type)
        {
            string ns = type.Namespace;
            return ns == "System.Threading" || ns == "System.Threading.Tasks" || ns == "System.Diagnostics" && type.Name == "Process";
        }

        private static bool IsCollectionTry(MethodReference target) =>
            (target.Name.StartsWith("TryAdd", System.StringComparison.Ordinal) || target.Name.StartsWith("TryTake", System.StringComparison.Ordinal)) &&
            target.DeclaringType.Name == "BlockingCollection`1" && target.DeclaringType.Namespace == "System.Collections.Concurrent";

        private static bool IsTimeSpan(TypeReference type) => type.Name == "TimeSpan" && type.Namespace == "System";

        private static bool IsZero(Instruction value) =>
            Il.Int32Constant(value) == 0 ||
            value.OpCode.Code == Code.Ldsfld && value.Operand is FieldReference field && field.Name == "Zero" && IsTimeSpan(field.DeclaringType);
    }
}
