using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>
    /// Every async shape the weaver must keep working. Each public static parameterless method returning
    /// Task&lt;string&gt; is a scenario: the tests run it on the unwoven and the woven build and compare the
    /// result or the exception.
    /// </summary>
    public static class Scenarios
    {
        public static async Task<string> TaskOfT() => "sum=" + await AddAsync(2, 3);

        public static async Task<string> PlainTask()
        {
            var log = new List<string>();
            await AppendAsync(log, "a");
            await AppendAsync(log, "b");
            return string.Join(",", log);
        }

        public static async Task<string> ValueTaskShapes()
        {
            await CompletedValueTask();
            int sync = await ValueTaskOfInt(false);
            int yielded = await ValueTaskOfInt(true);
            return $"{sync}/{yielded}";
        }

        public static async Task<string> AsyncVoid()
        {
            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            FireAndForget(done);
            return await done.Task;
        }

        public static async Task<string> AsyncIterator()
        {
            var items = new List<int>();
            await foreach (var i in Numbers(5)) items.Add(i);
            return string.Join(",", items);
        }

        public static async Task<string> AsyncIteratorEarlyBreak()
        {
            int sum = 0;
            await foreach (var i in Numbers(100))
            {
                if (i > 3) break;
                sum += i;
            }
            return "sum=" + sum;
        }

        public static async Task<string> AsyncLambda()
        {
            Func<int, Task<int>> twice = async x => { await Task.Yield(); return x * 2; };
            int captured = 10;
            Func<Task<int>> closure = async () => { await Task.Delay(1); return captured + 1; };
            return $"{await twice(21)}/{await closure()}";
        }

        public static async Task<string> LocalFunction()
        {
            int offset = 100;
            async Task<int> Local(int x)
            {
                await Task.Yield();
                return x + offset;
            }
            static async ValueTask<string> StaticLocal(string s)
            {
                await Task.Yield();
                return s.ToUpperInvariant();
            }
            return $"{await Local(1)}/{await StaticLocal("ok")}";
        }

        public static async Task<string> GenericMethod() =>
            $"{await EchoAsync(42)}/{await EchoAsync("text")}/{await EchoAsync<DateTimeKind>(DateTimeKind.Utc)}";

        public static async Task<string> GenericType()
        {
            var ints = new Box<int>(7);
            var strs = new Box<string>("s");
            return $"{await ints.GetAsync()}/{await strs.GetAsync()}/{await ints.PairAsync(3.5)}";
        }

        public static async Task<string> TryCatchFinally()
        {
            var log = new List<string>();
            try
            {
                log.Add("try");
                await Task.Yield();
                throw new InvalidOperationException("boom");
            }
            catch (InvalidOperationException e)
            {
                log.Add("catch:" + e.Message);
                await Task.Delay(1); // await in catch
                log.Add("after-await-in-catch");
            }
            finally
            {
                log.Add("finally");
                await Task.Yield(); // await in finally
                log.Add("after-await-in-finally");
            }
            return string.Join(",", log);
        }

        public static async Task<string> NestedTryInLoop()
        {
            int total = 0;
            for (int i = 0; i < 3; i++)
            {
                try
                {
                    try
                    {
                        await Task.Yield();
                        if (i == 1) throw new ArgumentException("one");
                        total += i;
                    }
                    finally
                    {
                        await Task.Yield();
                        total += 10;
                    }
                }
                catch (ArgumentException)
                {
                    total += 100;
                }
            }
            return "total=" + total;
        }

        public static async Task<string> ExceptionAfterAwait()
        {
            await Task.Yield();
            throw new InvalidOperationException("thrown after an await");
        }

        public static async Task<string> ExceptionBeforeAwait()
        {
            if (DateTime.Now.Year > 0) throw new FormatException("thrown synchronously");
            await Task.Yield();
            return "unreachable";
        }

        public static async Task<string> Cancellation()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            await Task.Delay(1000, cts.Token);
            return "unreachable";
        }

        public static async Task<string> ConfigureAwaitFalse()
        {
            await Task.Delay(1).ConfigureAwait(false);
            int r = await AddAsync(1, 1).ConfigureAwait(false);
            return "r=" + r;
        }

        public static async Task<string> ManyAwaitsAndState()
        {
            long acc = 1;
            for (int i = 0; i < 50; i++)
            {
                acc = acc * 31 + await AddAsync(i, 1);
                if (i % 7 == 0) await Task.Yield();
            }
            return "acc=" + acc;
        }

        public static async Task<string> WhenAllFanOut()
        {
            var tasks = new List<Task<int>>();
            for (int i = 0; i < 20; i++) tasks.Add(DelayedSquare(i));
            var results = await Task.WhenAll(tasks);
            int sum = 0;
            foreach (var r in results) sum += r;
            return "sum=" + sum;
        }

        public static async Task<string> AsyncDisposable()
        {
            var log = new List<string>();
            await using (var d = new AsyncResource(log))
            {
                await Task.Yield();
                log.Add("body");
            }
            return string.Join(",", log);
        }

        public static async Task<string> OptedOutMethod() => "opted-out:" + await OptedOut.SleepyAsync();

        public static async Task<string> OptedOutType() => "opted-out-type:" + await OptedOutType_.ComputeAsync();

        /// <summary>
        /// Catalogued blocking calls whose results pass through the end probe (BlockingResult&lt;T&gt;): every kind of
        /// return type, in an async method, a generic async method, a generic type and a plain helper.
        /// </summary>
        public static async Task<string> BlockingCallResults()
        {
            await Task.Yield();
            int i = Task.FromResult(7).Result;
            string s = Task.FromResult("seven").Result;
            decimal d = Task.FromResult(7.5m).Result;
            (long, string) pair = Task.FromResult((7L, "t")).Result;
            int[] array = Task.FromResult(new[] { 7 }).Result;
            int? maybe = Task.FromResult<int?>(null).Result;
            DayOfWeek day = Task.FromResult(DayOfWeek.Sunday).Result;
            bool waited = new ManualResetEventSlim(true).Wait(0);
            int fromValueTask = new ValueTask<int>(8).Result;
            string generic = await ResultOfAsync(Task.FromResult("g"));
            var list = ResultOf(Task.FromResult(new List<string> { "l" }));
            var fromType = await new Box<(int, string)>((9, "b")).ResultAsync();
            return $"{i},{s},{d},{pair},{array[0]},{maybe?.ToString() ?? "null"},{day},{waited},{fromValueTask},{generic},{list[0]},{fromType}";
        }

        /// <summary>
        /// Every wait the weaver hands to the runtime's CompletedWaits (Result, Wait(), GetAwaiter().GetResult() and its
        /// ConfigureAwait form, with and without a result) on a completed, a pending, a faulted, a cancelled and a pending task that then fails:
        /// the same values, the same exceptions, and no frame of NonBlocking's in their stack traces.
        /// </summary>
        public static async Task<string> WaitsOnTasks()
        {
            await Task.Yield();
            var outcomes = new List<string>();
            foreach (var kind in new[] { "completed", "pending", "faulted", "cancelled", "faults-later" })
            {
                Task<int> Make() => kind switch
                {
                    "completed" => Task.FromResult(3),
                    "pending" => Task.Delay(20).ContinueWith(_ => 4),
                    "faulted" => Task.FromException<int>(new InvalidOperationException("failed " + kind)),
                    "cancelled" => Task.FromCanceled<int>(new CancellationToken(true)),
                    _ => Task.Delay(20).ContinueWith<int>(_ => throw new InvalidOperationException("failed " + kind)),
                };
                outcomes.Add(kind + ":" + Outcome(() => Make().Result));
                outcomes.Add(Outcome(() => { Make().Wait(); return 0; }));
                outcomes.Add(Outcome(() => Make().GetAwaiter().GetResult()));
                outcomes.Add(Outcome(() => { ((Task)Make()).GetAwaiter().GetResult(); return 0; }));
                outcomes.Add(Outcome(() => Make().ConfigureAwait(false).GetAwaiter().GetResult()));
                outcomes.Add(Outcome(() => { ((Task)Make()).ConfigureAwait(true).GetAwaiter().GetResult(); return 0; }));
            }
            return string.Join(",", outcomes);
        }

        private static string Outcome(Func<int> wait)
        {
            try
            {
                return wait().ToString();
            }
            catch (Exception e)
            {
                var inner = e is AggregateException a ? a.InnerException! : e;
                bool ours = (e.StackTrace ?? "").Contains("NonBlocking") || (inner.StackTrace ?? "").Contains("NonBlocking");
                return $"{e.GetType().Name}({inner.GetType().Name}: {inner.Message}){(ours ? " with NonBlocking frames" : "")}";
            }
        }

        // --- helpers (themselves async shapes) ---

        private static async Task<T> ResultOfAsync<T>(Task<T> task)
        {
            await Task.Yield();
            return task.Result;
        }

        private static T ResultOf<T>(Task<T> task) => task.Result;

        private static async Task<int> AddAsync(int a, int b)
        {
            if (a < 0) await Task.Yield();
            return a + b;
        }

        private static async Task AppendAsync(List<string> log, string item)
        {
            await Task.Yield();
            log.Add(item);
        }

        private static async ValueTask CompletedValueTask() { }

        private static async ValueTask<int> ValueTaskOfInt(bool yield)
        {
            if (yield) await Task.Yield();
            return yield ? 2 : 1;
        }

        private static async void FireAndForget(TaskCompletionSource<string> done)
        {
            await Task.Yield();
            done.SetResult("async-void-ran");
        }

        private static async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken token = default)
        {
            for (int i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        private static async Task<T> EchoAsync<T>(T value)
        {
            await Task.Yield();
            return value;
        }

        private static async Task<int> DelayedSquare(int i)
        {
            await Task.Delay(i % 3);
            return i * i;
        }

        private sealed class AsyncResource : IAsyncDisposable
        {
            private readonly List<string> _log;
            public AsyncResource(List<string> log) { _log = log; _log.Add("open"); }
            public async ValueTask DisposeAsync()
            {
                await Task.Yield();
                _log.Add("disposed");
            }
        }
    }

    public sealed class Box<T>
    {
        private readonly T _value;
        public Box(T value) { _value = value; }

        public async Task<T> GetAsync()
        {
            await Task.Yield();
            return _value;
        }

        public async Task<T> ResultAsync()
        {
            await Task.Yield();
            return Task.FromResult(_value).Result;
        }

        public async Task<string> PairAsync<U>(U other)
        {
            await Task.Yield();
            return $"({_value},{other})";
        }
    }

    public static class OptedOut
    {
        [NonBlocking.AllowBlocking]
        public static async Task<int> SleepyAsync()
        {
            Thread.Sleep(1);
            await Task.Yield();
            return 1;
        }
    }

    [NonBlocking.AllowBlocking]
    public static class OptedOutType_
    {
        public static async Task<int> ComputeAsync()
        {
            Func<Task<int>> inner = async () => { await Task.Yield(); return 2; };
            return await inner();
        }
    }
}
