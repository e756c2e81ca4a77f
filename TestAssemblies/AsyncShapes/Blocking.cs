using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>
    /// Scenarios that block on purpose. Tests find expected lines by the "@marker" comments, so lines may move.
    /// </summary>
    public static class Blocking
    {
        public static async Task SleepThenAwait(int ms)
        {
            Thread.Sleep(ms); // @sleep-then-await:sleep
            await Task.Yield(); // @sleep-then-await:await
        }

        public static async Task BetweenAwaits(int ms)
        {
            await Task.Yield(); // @between:first
            Thread.Sleep(ms);
            await Task.Delay(1); // @between:second
        }

        // Its second await is mapped to another file (as generated code maps lines back to a template): each await's
        // location carries its own file.
        public static async Task AcrossFiles(int ms)
        {
            await Task.Yield(); // @across:first
            Thread.Sleep(ms);
#line 40 "Template.razor"
            await Task.Delay(1);
#line default
            await Task.Yield(); // @across:third
        }

        public static async Task Outer(int ms)
        {
            Thread.Sleep(ms);
            await Inner(ms);
            await Task.Yield(); // @outer:await
        }

        public static async Task OuterOnlyNests(int ms)
        {
            await Inner(ms);
            await Task.Yield();
        }

        private static async Task Inner(int ms)
        {
            Thread.Sleep(ms); // @inner:sleep
        }

        public static async Task Offloaded(int ms)
        {
            await Task.Run(() => Thread.Sleep(ms));
        }

        public static async Task Quick()
        {
            await Task.Yield();
        }

        public static async Task BlockThenThrow(int ms)
        {
            await Task.Yield(); // @block-then-throw:await
            Thread.Sleep(ms);
            throw new InvalidOperationException("after block");
        }

        public static async IAsyncEnumerable<int> BlockingIterator(int ms)
        {
            yield return 1; // @iterator:first
            Thread.Sleep(ms);
            yield return 2; // @iterator:second
        }

        public static async Task<int> ThrowAtMarkedLine()
        {
            await Task.Yield();
            throw new InvalidOperationException("marked"); // @throw-line
        }

        /// <summary>One segment that completes synchronously on the caller's thread.</summary>
        public static async Task SleepOnly(int ms)
        {
            if (ms > 0) Thread.Sleep(ms);
        }

        /// <summary>
        /// The caller's continuation runs inline in A's completion: A's segment must not hold Main's and B's time,
        /// and must be reported before Main goes on (Order records what ran when).
        /// </summary>
        public static async Task InlineMain(int ms, List<string> order)
        {
            int r = await InlineA(ms, order);
            order.Add("main resumed");
            await InlineB(ms, order);
            order.Add("done");
        }

        private static async Task<int> InlineA(int ms, List<string> order)
        {
            await Task.Yield(); // @inline-a:yield
            Thread.Sleep(ms); // @inline-a:sleep
            return 1;
        }

        private static async Task InlineB(int ms, List<string> order)
        {
            Thread.Sleep(ms); // @inline-b:sleep
        }

        public static async Task<int> GenericBlocking<T>(T value, int ms)
        {
            await Task.Yield();
            Thread.Sleep(ms); // @generic:sleep
            return value?.GetHashCode() ?? 0;
        }
    }
}
