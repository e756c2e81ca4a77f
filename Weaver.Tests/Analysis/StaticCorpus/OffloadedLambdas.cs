// An async lambda with no await, handed straight to Task.Run or TaskFactory.StartNew, is a sync body offloaded to a pool
// thread, written async only to return a task: FusionCache's eager refresh runs
// Task.Run(async () => MaybeExecuteEagerRefreshWithSyncFactory(...)). Its blocking calls are the offload NB0002 suggests,
// as a sync lambda's are. Look-alikes: the lambda awaits, it is called on the caller's thread, it goes elsewhere than
// Task.Run.
#pragma warning disable CS1998 // an async lambda without await: the idiom under test
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.OffloadedLambdas
{
    // case: offloaded-lambdas/an async lambda with no await handed to Task.Run
    public static class Refresh
    {
        public static async Task RefreshAsync(string path)
        {
            await Task.Yield();
            _ = Task.Run(async () => Load(path));
        }

        private static string Load(string path) => File.ReadAllText(path);
    }

    // case: offloaded-lambdas/a static async lambda with no await, and a token, handed to Task.Run
    public static class WithToken
    {
        public static async Task RunAsync(CancellationToken token)
        {
            await Task.Run(async () => { Thread.Sleep(10); }, token);
        }
    }

    // case: offloaded-lambdas/an async lambda with no await handed to TaskFactory.StartNew
    public static class StartNew
    {
        public static async Task RunAsync(int n)
        {
            await await Task.Factory.StartNew(async () => { Thread.Sleep(n); });
        }
    }

    // case: offloaded-lambdas/an async lambda that awaits before it blocks
    public static class Awaits
    {
        public static Task RunAsync() => Task.Run(async () =>
        {
            await Task.Delay(1);
            Thread.Sleep(10); // expect: NB0001
        });
    }

    // case: offloaded-lambdas/an async lambda with no await kept in a variable and called on this thread
    public static class Kept
    {
        public static async Task RunAsync()
        {
            Func<Task> work = async () => { Thread.Sleep(10); }; // expect: NB0001
            await work();
        }
    }

    // case: offloaded-lambdas/an async lambda with no await handed to the caller's scheduler
    public static class Elsewhere
    {
        public static async Task RunAsync(Func<Func<Task>, Task> schedule)
        {
            await schedule(async () => { Thread.Sleep(10); }); // expect: NB0001
        }
    }

    // case: offloaded-lambdas/an async lambda with no await that calls a helper, handed to a method of the project named Run
    public static class NamedRun
    {
        public static Task Run(Func<Task> work) => work();

        public static async Task RunAsync(string path)
        {
            await Run(async () => Load(path)); // expect: NB0002
        }

        private static void Load(string path) => File.ReadAllText(path);
    }
}
