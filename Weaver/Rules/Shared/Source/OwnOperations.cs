using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NonBlocking.Analyzers
{
    /// <summary>
    /// The operations of a function's body that run in it: the lambdas and local functions in it are listed, not
    /// entered (the compiler makes them methods of their own, as the engine sees them in IL).
    /// </summary>
    internal static class OwnOperations
    {
        public static IEnumerable<IOperation> Of(IOperation root)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                yield return operation;
                if (operation is IAnonymousFunctionOperation || operation is ILocalFunctionOperation) continue;
                foreach (var child in operation.ChildOperations) pending.Push(child);
            }
        }

        /// <summary>An <c>await using</c> or <c>await foreach</c>: a statement that awaits with no await expression in it.</summary>
        public static bool IsAsynchronousStatement(IOperation operation) =>
            operation is IUsingOperation { IsAsynchronous: true } || operation is IUsingDeclarationOperation { IsAsynchronous: true } ||
            operation is IForEachLoopOperation { IsAsynchronous: true };
    }
}
