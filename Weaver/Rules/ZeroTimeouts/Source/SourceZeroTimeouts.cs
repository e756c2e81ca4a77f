using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// A wait handed a zero timeout — <c>semaphore.Wait(0)</c>, <c>handle.WaitOne(TimeSpan.Zero)</c>,
    /// <c>Thread.Sleep(0)</c> — polls and returns at once: no warning (as the weave's ZeroTimeouts); so does a
    /// <c>Socket.Poll</c> of a millisecond at most. The waits are the
    /// catalog's in System.Threading, System.Threading.Tasks and Process, whose every int or TimeSpan parameter is the timeout,
    /// and <c>BlockingCollection</c>'s tries, whose overloads without a timeout have a zero one (they return at once).
    /// </summary>
    internal static class SourceZeroTimeouts
    {
        public static bool Polls(IInvocationOperation call)
        {
            var type = call.TargetMethod.ContainingType;
            if (type != null && IsSocketPoll(type, call.TargetMethod.Name) && call.Arguments.Length > 0 &&
                call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: int microseconds } && microseconds >= 0 && microseconds <= PollMicroseconds)
                return true;
            if (type == null) return false;
            bool tries = IsCollectionTry(type, call.TargetMethod.Name);
            if (!tries && !IsWaitType(type)) return false;
            // The item's declared type is the type parameter, never taken for the timeout, even in a BlockingCollection<int>.
            if (tries && !call.TargetMethod.OriginalDefinition.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Int32 || IsTimeSpan(p.Type)))
                return true;
            foreach (var argument in call.Arguments)
            {
                var parameter = argument.Parameter?.OriginalDefinition;
                if (parameter == null || parameter.Type.SpecialType != SpecialType.System_Int32 && !IsTimeSpan(parameter.Type)) continue;
                var value = argument.Value;
                while (value is IConversionOperation conversion) value = conversion.Operand;
                if (value.ConstantValue.HasValue && value.ConstantValue.Value is int zero && zero == 0) return true;
                if (value is IFieldReferenceOperation { Field: { Name: "Zero" } field } && IsTimeSpan(field.ContainingType)) return true;
            }
            return false;
        }

        /// <summary>
        /// <c>Socket.Poll(µs, mode)</c> waiting a millisecond at most polls too (Microsoft.Data.SqlClient checks a pooled
        /// connection's socket with <c>Poll(100, SelectRead)</c>).
        /// </summary>
        private const int PollMicroseconds = 1000;

        private static bool IsSocketPoll(INamedTypeSymbol type, string name) =>
            name == "Poll" && type.Name == "Socket" && Namespaces.Is(type.ContainingNamespace, "System.Net.Sockets");

        private static bool IsWaitType(INamedTypeSymbol type) =>
            Namespaces.Is(type.ContainingNamespace, "System.Threading") || Namespaces.Is(type.ContainingNamespace, "System.Threading.Tasks") ||
            type.Name == "Process" && Namespaces.Is(type.ContainingNamespace, "System.Diagnostics");

        private static bool IsCollectionTry(INamedTypeSymbol type, string name) =>
            (name.StartsWith("TryAdd", System.StringComparison.Ordinal) || name.StartsWith("TryTake", System.StringComparison.Ordinal)) &&
            type.Name == "BlockingCollection" && type.Arity == 1 && Namespaces.Is(type.ContainingNamespace, "System.Collections.Concurrent");

        private static bool IsTimeSpan(ITypeSymbol type) => type.Name == "TimeSpan" && Namespaces.Is(type.ContainingNamespace, "System");
    }
}
