using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace Accuracy
{
    /// <summary>Every async shape, sync helpers, sync-over-async and the BCL's blocking families, on real OS objects.</summary>
    public static class Shapes
    {
        // The seed: Foo blocks in an async method, Bar is a sync helper of Main's, Baz offloads correctly.
        [Scenario("seed/foo-bar-baz")]
        [Expect("Accuracy.Shapes.Foo()", Ms = 300, Calls = new[] { Sleep.Api + "@seed-foo" })]
        [Expect("Accuracy.Shapes.SeedMain()", To = "await@seed-baz", Ms = 600, SelfMs = 300, Calls = new[] { Sleep.Api + "@seed-bar" })]
        public static async Task SeedMain()
        {
            await Foo();
            Bar();
            await Baz(); // @seed-baz
        }

        private static async Task Foo() => Thread.Sleep(300); // @seed-foo

        private static void Bar() => Thread.Sleep(300); // @seed-bar

        private static async Task Baz() => await Task.Run(() => Thread.Sleep(300));

        [Scenario("shapes/configureawait-false")]
        [Expect("Accuracy.Shapes.ConfigureAwaitFalse()", From = "await@caf-first", To = "await@caf-second", Ms = 200, Calls = new[] { Sleep.Api + "@caf-sleep" })]
        public static async Task ConfigureAwaitFalse()
        {
            await Task.Delay(10).ConfigureAwait(false); // @caf-first
            Thread.Sleep(200); // @caf-sleep
            await Task.Delay(10).ConfigureAwait(false); // @caf-second
        }

        [Scenario("shapes/single-thread-synchronization-context")]
        [Expect("Accuracy.Shapes.OnPump()", From = "await@pump-first", To = "await@pump-second", Ms = 200, Calls = new[] { Sleep.Api + "@pump-sleep" })]
        public static Task SingleThreadSynchronizationContext() => Pump.Run(async () =>
        {
            await OnPump();
            await QuietOnPump();
        });

        private static async Task OnPump()
        {
            if (SynchronizationContext.Current is not Pump) throw new InvalidOperationException("not on the pump");
            await Task.Delay(10); // @pump-first
            Thread.Sleep(200); // @pump-sleep
            await Task.Delay(10); // @pump-second
        }

        private static async Task QuietOnPump()
        {
            for (int i = 0; i < 20; i++) await Task.Delay(1);
        }

        [Scenario("shapes/async-iterator-blocks-between-yields")]
        [Expect("Accuracy.Shapes.Numbers()", From = "yield@iter-first", To = "yield@iter-second", Ms = 200, Calls = new[] { Sleep.Api + "@iter-sleep" })]
        public static async Task AsyncIteratorBlocksBetweenYields()
        {
            await foreach (var _ in Numbers()) { }
        }

        private static async IAsyncEnumerable<int> Numbers()
        {
            yield return 1; // @iter-first
            Thread.Sleep(200); // @iter-sleep
            yield return 2; // @iter-second
        }

        // The iterator resumes on the pool after its delay and hands each item over inline: the consumer's loop body
        // runs inside the iterator's MoveNext, and must be the consumer's.
        [Scenario("shapes/async-iterator-consumer-blocks")]
        [Expect("Accuracy.Shapes.ConsumerBlocks()", From = "await@consumer-foreach", To = "await@consumer-foreach", Ms = 150, Count = 2,
            Calls = new[] { Sleep.Api + "@consumer-sleep" })]
        [Expect("Accuracy.Shapes.ConsumerBlocks()", From = "await@consumer-foreach", To = "end", Ms = 150, Calls = new[] { Sleep.Api + "@consumer-sleep" })]
        public static async Task ConsumerBlocks()
        {
            await foreach (var _ in Ticks()) // @consumer-foreach
                Thread.Sleep(150); // @consumer-sleep
        }

        private static async IAsyncEnumerable<int> Ticks()
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Delay(5);
                yield return i;
            }
        }

        [Scenario("shapes/valuetask-over-ivaluetasksource")]
        [Expect("Accuracy.Shapes.AwaitSource()", From = "await@vts-await", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@vts-sleep" })]
        public static Task ValueTaskOverIValueTaskSource() => AwaitSource();

        private static async Task AwaitSource()
        {
            var source = new ManualSource();
            using var timer = new Timer(_ => source.Complete(42), null, 20, Timeout.Infinite);
            int value = await new ValueTask<int>(source, source.Version); // @vts-await
            Thread.Sleep(200); // @vts-sleep
            if (value != 42) throw new InvalidOperationException();
        }

        private sealed class ManualSource : IValueTaskSource<int>
        {
            private ManualResetValueTaskSourceCore<int> _core;
            public short Version => _core.Version;
            public void Complete(int value) => _core.SetResult(value);
            public int GetResult(short token) => _core.GetResult(token);
            public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);
            public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
                _core.OnCompleted(continuation, state, token, flags);
        }

        [Scenario("shapes/valuetask-of-int-method")]
        [Expect("Accuracy.Shapes.CountSlowly()", From = "await@vt-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@vt-sleep" })]
        public static async Task ValueTaskOfIntMethod()
        {
            if (await CountSlowly() != 3) throw new InvalidOperationException();
        }

        private static async ValueTask<int> CountSlowly()
        {
            await Task.Yield(); // @vt-yield
            Thread.Sleep(200); // @vt-sleep
            return 3;
        }

        [Scenario("shapes/async-void")]
        [Expect("Accuracy.Shapes.FireAndForget()", From = "await@void-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@void-sleep" })]
        public static async Task AsyncVoid()
        {
            FireAndForget();
            await Task.Delay(600);
        }

        private static async void FireAndForget()
        {
            await Task.Yield(); // @void-yield
            Thread.Sleep(200); // @void-sleep
        }

        [Scenario("shapes/async-lambda")]
        [Expect("Accuracy.Shapes.AsyncLambda.<lambda>()", From = "await@lambda-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@lambda-sleep" })]
        public static async Task AsyncLambda()
        {
            Func<Task> work = async () =>
            {
                await Task.Yield(); // @lambda-yield
                Thread.Sleep(200); // @lambda-sleep
            };
            await work();
        }

        [Scenario("shapes/local-function")]
        [Expect("Accuracy.Shapes.LocalFunction.Work(int)", From = "await@local-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@local-sleep" })]
        public static async Task LocalFunction()
        {
            await Work(200);

            static async Task Work(int ms)
            {
                await Task.Yield(); // @local-yield
                Thread.Sleep(ms); // @local-sleep
            }
        }

        [Scenario("shapes/generic-method")]
        [Expect("Accuracy.Shapes.Echo<T>(T)", From = "await@generic-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@generic-sleep" })]
        public static async Task GenericMethod()
        {
            if (await Echo("x") != "x") throw new InvalidOperationException();
        }

        private static async Task<T> Echo<T>(T value)
        {
            await Task.Yield(); // @generic-yield
            Thread.Sleep(200); // @generic-sleep
            return value;
        }

        // An async method called synchronously from a segment is nested in it: reported once, not counted twice.
        [Scenario("shapes/nested-segment")]
        [Expect("Accuracy.Shapes.Inner()", Ms = 200, Calls = new[] { Sleep.Api + "@nested-inner-sleep" })]
        [Expect("Accuracy.Shapes.Outer()", From = "await@nested-yield", To = "end", Ms = 350, SelfMs = 150, Calls = new[] { Sleep.Api + "@nested-outer-sleep" })]
        public static async Task NestedSegment()
        {
            await Outer();
        }

        private static async Task Outer()
        {
            await Task.Yield(); // @nested-yield
            Thread.Sleep(150); // @nested-outer-sleep
            await Inner();
        }

        private static async Task Inner() => Thread.Sleep(200); // @nested-inner-sleep

        // The outer segment's own time is short: only the nested one is reported.
        [Scenario("shapes/outer-only-nests")]
        [Expect("Accuracy.Shapes.Inner()", Ms = 200, Calls = new[] { Sleep.Api + "@nested-inner-sleep" })]
        public static async Task OuterOnlyNests()
        {
            await Task.Yield();
            await Inner();
        }

        [Scenario("shapes/blocks-then-throws")]
        [Expect("Accuracy.Shapes.Throws()", From = "await@throw-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@throw-sleep" })]
        public static async Task BlocksThenThrows()
        {
            try
            {
                await Throws();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            throw new Exception("no exception");
        }

        private static async Task Throws()
        {
            await Task.Yield(); // @throw-yield
            Thread.Sleep(200); // @throw-sleep
            throw new InvalidOperationException("after blocking");
        }

        [Scenario("helpers/two-sync-helpers-deep")]
        [Expect("Accuracy.Shapes.CallsHelpers()", From = "await@helpers-yield", To = "end", Ms = 200, Calls = new[] { Sleep.Api + "@helper2-sleep" })]
        public static Task TwoSyncHelpersDeep() => CallsHelpers();

        private static async Task CallsHelpers()
        {
            await Task.Yield(); // @helpers-yield
            Helper1();
        }

        private static void Helper1() => Helper2();

        private static void Helper2() => Thread.Sleep(200); // @helper2-sleep

        [Scenario("sync-over-async/result-of-running-task")]
        [Expect("Accuracy.Shapes.ResultOfRunningTask()", From = "await@result-yield", To = "end", Ms = 200,
            Calls = new[] { "System.Threading.Tasks.Task<int>.Result@result-line" })]
        public static async Task ResultOfRunningTask()
        {
            await Task.Yield(); // @result-yield
            int value = SlowValue().Result; // @result-line
            if (value != 7) throw new InvalidOperationException();
        }

        private static async Task<int> SlowValue()
        {
            await Task.Delay(200);
            return 7;
        }

        [Scenario("sync-over-async/getawaiter-getresult")]
        [Expect("Accuracy.Shapes.GetResultOfDelay()", From = "await@getresult-yield", To = "end", Ms = 200,
            Calls = new[] { "System.Runtime.CompilerServices.TaskAwaiter.GetResult()@getresult-line" })]
        public static async Task GetResultOfDelay()
        {
            await Task.Yield(); // @getresult-yield
            Task.Delay(200).GetAwaiter().GetResult(); // @getresult-line
        }

        [Scenario("sync-over-async/wait")]
        [Expect("Accuracy.Shapes.WaitOnDelay()", From = "await@wait-yield", To = "end", Ms = 200,
            Calls = new[] { "System.Threading.Tasks.Task.Wait()@wait-line" })]
        public static async Task WaitOnDelay()
        {
            await Task.Yield(); // @wait-yield
            Task.Delay(200).Wait(); // @wait-line
        }

        [Scenario("blocking/semaphoreslim-wait")]
        [Expect("Accuracy.Shapes.SemaphoreWait()", From = "await@sem-yield", To = "end", Ms = 200,
            Calls = new[] { "System.Threading.SemaphoreSlim.Wait()@sem-wait" })]
        public static async Task SemaphoreWait()
        {
            using var semaphore = new SemaphoreSlim(0);
            using var timer = new Timer(_ => semaphore.Release(), null, 200, Timeout.Infinite);
            await Task.Yield(); // @sem-yield
            semaphore.Wait(); // @sem-wait
        }

        [Scenario("blocking/process-waitforexit")]
        [Expect("Accuracy.Shapes.WaitForChild()", From = "await@proc-yield", To = "end", Ms = 250, MaxMs = 700,
            Calls = new[] { "System.Diagnostics.Process.WaitForExit()@proc-wait" })]
        public static Task ProcessWaitForExit() => WaitForChild();

        private static async Task WaitForChild()
        {
            var child = await Task.Run(() => Process.Start("sleep", "0.25"));
            await Task.Yield(); // @proc-yield
            child.WaitForExit(); // @proc-wait
        }

        [Scenario("blocking/socket-stream-read")]
        [Expect("Accuracy.Shapes.ReadFromSocket()", From = "await@socket-yield", To = "await@socket-server", Ms = 200,
            Calls = new[] { "System.IO.Stream.Read(byte[], int, int)@socket-read" })]
        public static Task SocketStreamRead() => ReadFromSocket();

        private static async Task ReadFromSocket()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var server = Task.Run(() =>
            {
                using var accepted = listener.AcceptTcpClient();
                Thread.Sleep(200);
                accepted.GetStream().Write(new byte[] { 1 }, 0, 1);
                Thread.Sleep(100);
            });
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            // A connect on loopback may complete at once, and then the segment would start at the method's start: on a
            // fresh clone, with another scenario's process beside it, it did so three runs in a row.
            await Task.Yield(); // @socket-yield
            var buffer = new byte[1];
            int read = client.GetStream().Read(buffer, 0, 1); // @socket-read
            await server; // @socket-server
            listener.Stop();
            if (read != 1) throw new InvalidOperationException();
        }

        [Scenario("blocking/parallel-for-inside-async")]
        [Expect("Accuracy.Shapes.ParallelInside()", From = "await@pfor-yield", To = "end", MinMs = 100, MaxMs = 1500,
            Calls = new[] { "System.Threading.Tasks.Parallel.For(int, int, Action<int>)@pfor-call" })]
        public static Task ParallelForInsideAsync() => ParallelInside();

        private static async Task ParallelInside()
        {
            await Task.Yield(); // @pfor-yield
            Parallel.For(0, 4, _ => Spin.For(100)); // @pfor-call
        }

        [Scenario("blocking/file-read-of-a-fifo")]
        [Expect("Accuracy.Shapes.ReadFifo(string)", From = "await@fifo-yield", To = "end", Ms = 200,
            Calls = new[] { "System.IO.File.ReadAllText(string)@fifo-read" })]
        public static async Task FileReadOfAFifo()
        {
            string dir = Directory.CreateTempSubdirectory("accuracy-fifo").FullName;
            string fifo = Path.Combine(dir, "pipe");
            using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
            var writer = Task.Run(() =>
            {
                Thread.Sleep(200);
                File.WriteAllText(fifo, "hello");
            });
            await ReadFifo(fifo);
            await writer;
            Directory.Delete(dir, true);
        }

        private static async Task ReadFifo(string path)
        {
            await Task.Yield(); // @fifo-yield
            if (File.ReadAllText(path) != "hello") throw new InvalidOperationException(); // @fifo-read
        }
    }
}
