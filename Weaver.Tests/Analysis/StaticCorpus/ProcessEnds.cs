// A blocking call the process ends right after is no wait anyone pays for: Orleans' FatalErrorHandler sleeps two
// seconds for its logs, then fails fast. Look-alikes: the process ends on one side only, a loop sleeps before it exits.
using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ProcessEnds
{
    // case: process-ends/a fatal handler sleeps for its logs, then fails fast
    public sealed class FatalHandler
    {
        public void OnFatal(string context)
        {
            Console.Error.WriteLine(context);
            Thread.Sleep(2000);
            if (Debugger.IsAttached) Debugger.Break();
            Environment.FailFast(context);
        }
    }

    public sealed class Membership
    {
        private readonly FatalHandler _fatal = new FatalHandler();
        public async Task RefreshAsync(bool dead)
        {
            await Task.Yield();
            if (dead) _fatal.OnFatal("declared dead");
        }
    }

    // case: process-ends/an async method waits for its output, then exits
    public static class ExitsAfterWait
    {
        public static async Task RunAsync(Process child)
        {
            await Task.Yield();
            child.WaitForExit(1000);
            Environment.Exit(child.ExitCode);
        }
    }

    // case: process-ends/the process ends on one side only
    public static class EndsOnOneSide
    {
        public static async Task RunAsync(bool fatal)
        {
            await Task.Yield();
            Thread.Sleep(100); // expect: NB0001
            if (fatal) Environment.FailFast("fatal");
        }
    }

    // case: process-ends/a loop sleeps until it may exit
    public static class SleepsThenExits
    {
        public static async Task RunAsync(Func<bool> done)
        {
            await Task.Yield();
            while (!done()) Thread.Sleep(10); // expect: NB0001
            Environment.Exit(0);
        }
    }
}
