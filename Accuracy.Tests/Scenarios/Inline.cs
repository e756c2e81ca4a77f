using System;
using System.Threading;
using System.Threading.Tasks;

namespace Accuracy
{
    /// <summary>
    /// Completions that run other code's continuations inline: a segment is timed up to its own completion call,
    /// and what runs inside that call (the awaiting caller's continuation) belongs to the caller.
    /// </summary>
    public static class Inline
    {
        // The example from issue 15: A's completion runs the scenario's continuation, and B inside it.
        [Scenario("inline/completion-runs-the-caller")]
        [Expect("Accuracy.Inline.A()", From = "await@a-yield", To = "end", Ms = 270, Calls = new[] { Sleep.Api + "@a-sleep" })]
        [Expect("Accuracy.Inline.B()", From = "start", To = "end", Ms = 250, Calls = new[] { Sleep.Api + "@b-sleep" })]
        public static async Task CompletionRunsTheCaller()
        {
            int r = await A();
            await B();
            Console.WriteLine("done " + r);
        }

        private static async Task<int> A()
        {
            await Task.Yield(); // @a-yield
            Thread.Sleep(270); // @a-sleep
            return 1;
        }

        private static async Task B()
        {
            Thread.Sleep(250); // @b-sleep
        }

        [Scenario("inline/await-chain-three-deep")]
        [Expect("Accuracy.Inline.Level3()", From = "await@l3-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@l3-sleep" })]
        [Expect("Accuracy.Inline.Level2()", From = "await@l2-await", To = "end", Ms = 150, Calls = new[] { Sleep.Api + "@l2-sleep" })]
        [Expect("Accuracy.Inline.Level1()", From = "await@l1-await", To = "end", Ms = 120, Calls = new[] { Sleep.Api + "@l1-sleep" })]
        public static async Task AwaitChainThreeDeep()
        {
            await Level1();
        }

        private static async Task Level1()
        {
            await Level2(); // @l1-await
            Thread.Sleep(120); // @l1-sleep
        }

        private static async Task Level2()
        {
            await Level3(); // @l2-await
            Thread.Sleep(150); // @l2-sleep
        }

        private static async Task Level3()
        {
            await Task.Yield(); // @l3-yield
            Thread.Sleep(200); // @l3-sleep
        }

        // SetResult without RunContinuationsAsynchronously runs the waiter inside the completer's segment: real
        // nesting, so the completer's self time leaves the waiter's out.
        [Scenario("inline/tcs-setresult-runs-the-waiter")]
        [Expect("Accuracy.Inline.Waiter(TaskCompletionSource<int>)", From = "await@tcs-await", To = "end", Ms = 200,
            Calls = new[] { Sleep.Api + "@tcs-waiter-sleep" })]
        [Expect("Accuracy.Inline.Completer(TaskCompletionSource<int>)", From = "await@tcs-completer-yield", To = "end", Ms = 350, SelfMs = 150,
            Calls = new[] { Sleep.Api + "@tcs-completer-sleep" })]
        public static async Task TcsSetResultRunsTheWaiter()
        {
            var tcs = new TaskCompletionSource<int>();
            var waiter = Waiter(tcs);
            await Completer(tcs);
            await waiter;
        }

        // The same with RunContinuationsAsynchronously: two threads, no nesting.
        [Scenario("inline/tcs-run-continuations-asynchronously")]
        [Expect("Accuracy.Inline.Waiter(TaskCompletionSource<int>)", From = "await@tcs-await", To = "end", Ms = 200,
            Calls = new[] { Sleep.Api + "@tcs-waiter-sleep" })]
        [Expect("Accuracy.Inline.Completer(TaskCompletionSource<int>)", From = "await@tcs-completer-yield", To = "end", Ms = 150,
            Calls = new[] { Sleep.Api + "@tcs-completer-sleep" })]
        public static async Task TcsRunContinuationsAsynchronously()
        {
            var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = Waiter(tcs);
            await Completer(tcs);
            await waiter;
        }

        private static async Task Waiter(TaskCompletionSource<int> tcs)
        {
            await tcs.Task; // @tcs-await
            Thread.Sleep(200); // @tcs-waiter-sleep
        }

        private static async Task Completer(TaskCompletionSource<int> tcs)
        {
            await Task.Yield(); // @tcs-completer-yield
            tcs.SetResult(1);
            Thread.Sleep(150); // @tcs-completer-sleep
        }

        // A synchronous continuation blocks after Quick's own code ended: Quick did nothing wrong, and the
        // continuation is no async code; silence.
        [Scenario("inline/continuewith-executesynchronously")]
        public static async Task ContinueWithExecuteSynchronously()
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var quick = Quick(gate.Task);
            var continuation = quick.ContinueWith(_ => Thread.Sleep(250), TaskContinuationOptions.ExecuteSynchronously);
            gate.SetResult();
            await continuation;
        }

        private static async Task Quick(Task gate)
        {
            await gate;
        }
    }
}
