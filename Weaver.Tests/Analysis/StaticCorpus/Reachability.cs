// An async method nothing can run blocks no thread: ADAL ships an internalized Json.NET whose async reader and writer no
// ADAL code calls, Hangfire an internalized Dapper whose async grid reader Hangfire never uses, Key Vault a pipeline's
// async overloads nothing calls. A method runs if code outside can call it (visible outside the assembly, a friend
// assembly that is not a test's, an override of a framework's method, an attribute a framework finds, a name reflection
// may look up) or if something that runs calls it, hands it on as a delegate, or dispatches to it. Look-alikes: each
// way in that keeps an internal async method running.
#pragma warning disable CS1998 // an async method without await: the blocking call is what is under test
#pragma warning disable IDE0051 // unused private members: the idiom under test
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Reachability
{
    // case: reachability/an internal async method nothing calls
    internal static class NeverCalled
    {
        internal static async Task<string> LoadUnusedAsync(string path)
        {
            await Task.Yield();
            return File.ReadAllText(path);
        }
    }

    // case: reachability/a private async method only a dead method calls, and its sync helper
    internal sealed class DeadChain
    {
        private static async Task StartDeadAsync() => await SaveDeadAsync("x");

        private static async Task SaveDeadAsync(string path)
        {
            await Task.Yield();
            WriteDead(path);
        }

        private static void WriteDead(string path) => File.WriteAllText(path, "");
    }

    // case: reachability/an async lambda inside a method nothing calls
    internal static class DeadLambda
    {
        internal static Func<Task> MakeDeadLambda() => async () => { await Task.Yield(); Thread.Sleep(10); };
    }

    // case: reachability/an internal interface's async method nothing calls through the interface
    internal interface IDeadStore
    {
        Task PutDeadAsync(string path);
    }

    internal sealed class DeadStore : IDeadStore
    {
        public async Task PutDeadAsync(string path)
        {
            await Task.Yield();
            File.WriteAllText(path, "");
        }
    }

    // case: reachability/an internal async method a public method calls
    public static class CalledFromPublic
    {
        public static Task RunAsync() => LoadUsedAsync("a");

        internal static async Task LoadUsedAsync(string path)
        {
            await Task.Yield();
            File.ReadAllText(path); // expect: NB0001
        }
    }

    // case: reachability/a private async method called only from another private one a public method calls
    public static class CalledInChain
    {
        public static Task RunAsync() => OuterAsync();

        private static async Task OuterAsync()
        {
            await Task.Yield();
            await InnerAsync();
        }

        private static async Task InnerAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/a private async method handed on as a delegate
    public static class HandedOn
    {
        public static Func<Task> Work => SleepHandedAsync;

        private static async Task SleepHandedAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/an internal interface's async method called through the interface by public code
    internal interface ILiveStore
    {
        Task PutLiveAsync(string path);
    }

    internal sealed class LiveStore : ILiveStore
    {
        public async Task PutLiveAsync(string path)
        {
            await Task.Yield();
            File.WriteAllText(path, ""); // expect: NB0001
        }
    }

    public static class UsesLiveStore
    {
        public static Task RunAsync() => ((ILiveStore)new LiveStore()).PutLiveAsync("x");
    }

    // case: reachability/an internal class's async override of a framework's method
    internal sealed class FrameworkOverride : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/an internal async method whose name a string spells, for reflection
    internal static class ByName
    {
        public static object? Find() => typeof(ByName).GetMethod("ReflectedAsync");

        public static async Task ReflectedAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class HandlerAttribute : Attribute { }

    // case: reachability/an internal async method carrying an attribute a framework finds it by
    internal static class Attributed
    {
        [Handler]
        internal static async Task HandleAttributedAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/a private async method a constructor starts
    internal sealed class StartedByConstructor
    {
        private readonly Task _running;

        public StartedByConstructor() => _running = PollStartedAsync();

        private async Task PollStartedAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/a private async method a dead method and a public one both call
    public static class CalledTwice
    {
        public static Task RunAsync() => SleepTwiceAsync();

        private static Task DeadCaller() => SleepTwiceAsync();

        private static async Task SleepTwiceAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/an async lambda a private field's initializer makes, in a class nothing else uses
    internal sealed class FieldLambda
    {
        private readonly Func<Task> _poll = async () =>
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        };

        private Func<Task> PollFromProperty { get; } = async () =>
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        };
    }

    // case: reachability/a public method of an internal class whose base class is a framework's, found by reflection as a hub's are
    internal sealed class FramedHandler : System.Net.Http.DelegatingHandler
    {
        public async Task PollFramedAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }

    // case: reachability/a public property of an internal class, read by a serializer or a binding, that starts an async method
    internal sealed class BoundModel
    {
        public Task PendingBoundLoad => LoadBoundAsync();

        private static async Task LoadBoundAsync()
        {
            await Task.Yield();
            Thread.Sleep(10); // expect: NB0001
        }
    }
}
