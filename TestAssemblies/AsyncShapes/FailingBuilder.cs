using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>
    /// A task-like type whose builder fails in SetResult: the one way an exception leaves a compiler-built
    /// MoveNext (past its own catch-all), to prove the probes let go of such a segment.
    /// </summary>
    [AsyncMethodBuilder(typeof(BrittleBuilder))]
    public readonly struct Brittle
    {
    }

    public sealed class BrittleBuilder
    {
        public static BrittleBuilder Create() => new BrittleBuilder();

        public Brittle Task => default;

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => stateMachine.MoveNext();

        public void SetStateMachine(IAsyncStateMachine stateMachine) { }

        public void SetResult() => throw new InvalidOperationException("the builder failed");

        public void SetException(Exception exception) => throw new InvalidOperationException("the builder failed", exception);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine => throw new NotSupportedException();

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine => throw new NotSupportedException();
    }

    public static class FailingBuilder
    {
        public static int Counter;

        /// <summary>Completes synchronously, then its builder throws out of MoveNext.</summary>
        public static async Brittle CompleteThenFail()
        {
            await Task.CompletedTask;
            Counter++;
        }

        /// <summary>Calls it and reports what came out, so the test sees the exception pass through the woven code.</summary>
        public static string Run()
        {
            try
            {
                CompleteThenFail();
                return "no exception";
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }
        }
    }
}
