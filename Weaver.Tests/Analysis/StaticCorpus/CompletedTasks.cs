// Waiting on a task that is already complete returns at once: the fast-path idioms of libraries (check, then .Result),
// results read after an await, and continuations. Each has a look-alike that really waits.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Completed
{
    public static class Source
    {
        public static Task<int> Load() => Task.FromResult(1);
        public static ValueTask<int> LoadValue() => new ValueTask<int>(1);
        public static void Use(int value) { }
    }

    // case: completed/IsCompletedSuccessfully then .Result, else await
    public static class FastPath
    {
        public static async Task<int> Get()
        {
            var t = Source.Load();
            if (t.IsCompletedSuccessfully) return t.Result;
            return await t;
        }
    }

    // case: completed/if not complete, hand off to an awaiting helper; else .Result (a sync helper)
    public static class HandOff
    {
        public static async Task<int> Run() => await Get() + 1;
        private static ValueTask<int> Get()
        {
            var t = Source.Load();
            if (!t.IsCompletedSuccessfully) return Awaited(t);
            return new ValueTask<int>(t.Result);
        }
        private static async ValueTask<int> Awaited(Task<int> t) => await t;
    }

    // case: completed/.Result on the side where the task is not complete
    public static class WrongSide
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            var t = Source.Load();
            if (!t.IsCompleted) return t.Result; // expect: NB0003
            return 0;
        }
    }

    // case: completed/.Result after await of the same task
    public static class AfterAwait
    {
        public static async Task<int> Get()
        {
            var t = Source.Load();
            await t;
            return t.Result;
        }
    }

    // case: completed/.Result after await with ConfigureAwait(false)
    public static class AfterConfiguredAwait
    {
        public static async Task<int> Get()
        {
            var t = Source.Load();
            await t.ConfigureAwait(false);
            return t.Result * 2;
        }
    }

    // case: completed/.Result of each task after await Task.WhenAll
    public static class AfterWhenAll
    {
        public static async Task<int> Get()
        {
            var a = Source.Load();
            var b = Source.Load();
            await Task.WhenAll(a, b);
            return a.Result + b.Result;
        }
    }

    // case: completed/.Result after await WhenAll(new[] {…}).ConfigureAwait(false) in a try whose catch rethrows
    // (a later await of another Task reuses the awaitable's local in IL; dotnet-diagnostics' router factories)
    public static class AfterWhenAllReusedAwaitable
    {
        public static async Task<int> Get(CancellationToken token)
        {
            Task<int> read = Source.Load();
            Task check = Task.Delay(1, token);
            try { await Task.WhenAll(new Task[] { read, check }).ConfigureAwait(false); }
            catch (Exception) { if (read.IsFaulted) Source.Use(0); throw; }
            int bytes = read.Result;
            await Task.Delay(bytes, token).ConfigureAwait(false);
            return bytes;
        }
    }

    // case: completed/.Result after another task's await, with the awaitable's local reused, still waits
    public static class AfterOtherAwaitReusedAwaitable
    {
        public static async Task<int> Get(CancellationToken token)
        {
            Task<int> read = Source.Load();
            await Task.Delay(1, token).ConfigureAwait(false);
            int bytes = read.Result; // expect: NB0003
            await Task.Delay(bytes, token).ConfigureAwait(false);
            return bytes;
        }
    }

    // case: completed/.Result before the await
    public static class BeforeAwait
    {
        public static async Task<int> Get()
        {
            var t = Source.Load();
            var first = t.Result; // expect: NB0003
            await t;
            return first;
        }
    }

    // case: completed/awaited on one branch only
    public static class OneBranch
    {
        public static async Task<int> Get(bool wait)
        {
            var t = Source.Load();
            if (wait) await t;
            return t.Result; // expect: NB0003
        }
    }

    // case: completed/the variable is assigned another task after the await
    public static class Reassigned
    {
        public static async Task<int> Get()
        {
            var t = Source.Load();
            await t;
            t = Source.Load();
            return t.Result; // expect: NB0003
        }
    }

    // case: completed/the antecedent inside an async ContinueWith continuation
    public static class Continuation
    {
        public static Task Run() => Source.Load().ContinueWith(async previous =>
        {
            await Task.Yield();
            Source.Use(previous.Result);
        }).Unwrap();
    }

    // case: completed/the antecedent inside a ContinueWith continuation given a scheduler and a token (SqlClient's
    // ExecuteScalarAsyncInternal: ContinueWith(async readTask => … readTask.Result …, TaskScheduler.Default))
    public static class ContinuationOnScheduler
    {
        public static Task Run(int limit) => Source.Load().ContinueWith(async previous =>
        {
            await Task.Yield();
            if (previous.Result > limit) Source.Use(previous.Result);
        }, System.Threading.CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
    }

    // case: completed/another task waited in that continuation warns
    public static class ContinuationWaitsOther
    {
        public static Task Run() => Source.Load().ContinueWith(async previous =>
        {
            await Task.Yield();
            Source.Use(Source.Load().Result); // expect: NB0003
        }, TaskScheduler.Default).Unwrap();
    }

    // case: completed/Status == RanToCompletion then .Result
    public static class StatusCheck
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            var t = Source.Load();
            if (t.Status == TaskStatus.RanToCompletion) return t.Result;
            return -1;
        }
    }

    // case: completed/GetResult to rethrow when faulted or canceled
    public static class Rethrow
    {
        public static async Task Check()
        {
            await Task.Yield();
            var t = Source.Load();
            if (t.IsFaulted || t.IsCanceled) t.GetAwaiter().GetResult();
        }
    }

    // case: completed/WhenAll(...).Wait() blocks; the .Result after it does not
    public static class WaitThenResult
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            var a = Source.Load();
            var b = Source.Load();
            Task.WhenAll(a, b).Wait(); // expect: NB0003
            return a.Result + b.Result;
        }
    }

    // case: completed/GetAwaiter().GetResult() on a task nobody checked
    public static class PlainGetResult
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            return Source.Load().GetAwaiter().GetResult(); // expect: NB0003
        }
    }

    // case: completed/ValueTask IsCompletedSuccessfully then .Result
    public static class ValueTaskFastPath
    {
        public static async Task<int> Get()
        {
            var vt = Source.LoadValue();
            if (vt.IsCompletedSuccessfully) return vt.Result;
            return await vt;
        }
    }

    // case: completed/a task field awaited, then read
    public sealed class FieldAfterAwait
    {
        private Task<int> _init = Source.Load();
        public async Task<int> Get()
        {
            await _init;
            return _init.Result + 1;
        }
    }

    // case: completed/.Wait() in a loop on a task from each round
    public static class WaitInLoop
    {
        public static async Task Run(int rounds)
        {
            await Task.Yield();
            for (int i = 0; i < rounds; i++)
            {
                var t = Source.Load();
                t.Wait(); // expect: NB0003
            }
        }
    }

    // case: completed/a task captured by a local function, checked with Status == RanToCompletion (MassTransit)
    public static class CapturedStatus
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            return await Use();
        }
        private static Task<int> Use()
        {
            var pending = Source.Load();
            if (pending.Status == TaskStatus.RanToCompletion) return Task.FromResult(pending.Result + 1);
            return Later();
            async Task<int> Later() => await pending + 1;
        }
    }

    // case: completed/switch on the task's Status
    public static class StatusSwitch
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            var t = Source.Load();
            switch (t.Status)
            {
                case TaskStatus.RanToCompletion: return t.Result;
                case TaskStatus.Faulted: return -1;
                default: return await t;
            }
        }
    }

    // A library's own test for frameworks without Task.IsCompletedSuccessfully (MassTransit's TaskExtensions).
    public static class TaskChecks
    {
        public static bool IsCompletedSuccessfully(Task task) => task.Status == TaskStatus.RanToCompletion;
    }

    // case: completed/a library's own IsCompletedSuccessfully(task) helper
    public static class HelperCheck
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            var t = Source.Load();
            return TaskChecks.IsCompletedSuccessfully(t) ? t.GetAwaiter().GetResult() : await t;
        }
    }

    public sealed class Request
    {
        public Task<int> Task { get; } = Source.Load();
    }

    // case: completed/a task read through a property, checked then read again (SSH.NET's request.Task)
    public static class PropertyCheck
    {
        public static async Task<int> Sum(Request[] requests)
        {
            await Task.Yield();
            int sum = 0;
            foreach (var request in requests)
                if (request.Task.IsCompletedSuccessfully) sum += request.Task.GetAwaiter().GetResult();
            return sum;
        }
    }

    public sealed class Cancellation
    {
        public bool ByLinkedToken { get; set; }
    }

    // case: completed/a completion check kept in a local through ?. and ?? false, then .Result where it is true (YARP's request-failure handler)
    public static class StoredCheck
    {
        public static async Task<int> Failed(Request? content, Cancellation cancellation)
        {
            await Task.Yield();
            bool done = content?.Task.IsCompleted ?? false;
            if (cancellation.ByLinkedToken)
            {
                if (done) return content!.Task.Result;
                return -1;
            }
            if (done) return content!.Task.Result + 1;
            return 0;
        }
    }

    // case: completed/a kept check read where it is false, for another object's task, or after the local was set again, still waits
    public static class StoredCheckMisread
    {
        public static async Task<int> FalseSide(Request? content)
        {
            await Task.Yield();
            bool done = content?.Task.IsCompleted ?? false;
            if (!done) return content!.Task.Result; // expect: NB0003
            return 0;
        }
        public static async Task<int> OtherTask(Request? content, Request other)
        {
            await Task.Yield();
            bool done = content?.Task.IsCompleted ?? false;
            if (done) return other.Task.Result; // expect: NB0003
            return 0;
        }
        public static async Task<int> SetAgain(Request? content, bool forced)
        {
            await Task.Yield();
            bool done = content?.Task.IsCompleted ?? false;
            if (forced) done = true;
            if (done) return content!.Task.Result; // expect: NB0003
            return 0;
        }
    }

    public sealed class WorkItem
    {
        public Task<int> Result { get; set; } = Source.Load();
        public List<int> Messages { get; } = new List<int>();
    }

    // case: completed/a private helper reads the task each of its callers checked complete first (Orleans' PlacementWorker)
    public sealed class PlacementLoop
    {
        private readonly Dictionary<int, WorkItem> _inProgress = new Dictionary<int, WorkItem>();

        public async Task Run()
        {
            await Task.Yield();
            foreach (var pair in _inProgress)
            {
                var item = pair.Value;
                if (item.Result.IsCompleted) Address(item);
            }
        }

        private static void Address(WorkItem completed)
        {
            Task<int> result = completed.Result;
            completed.Messages.Add(result.GetAwaiter().GetResult());
        }
    }

    // case: completed/a private helper handed the task itself where the caller saw it complete
    public static class HelperGetsTask
    {
        public static async Task<int> Run(Task<int> pending)
        {
            await Task.Yield();
            return pending.IsCompletedSuccessfully ? Read(pending) : await pending;
        }

        private static int Read(Task<int> done) => done.Result;
    }

    // case: completed/a private helper one caller of which hands a task nobody checked still waits
    public sealed class PlacementUnchecked
    {
        public async Task Run(WorkItem checkedItem, WorkItem other)
        {
            await Task.Yield();
            if (checkedItem.Result.IsCompleted) Address(checkedItem); // expect: NB0002
            Address(other); // expect: NB0002
        }

        private static void Address(WorkItem completed) => completed.Messages.Add(completed.Result.Result);
    }

    public static class OwnTaskChecks
    {
        public static bool RanToCompletion(this Task task) => task.Status == TaskStatus.RanToCompletion;

        public static bool IsCompletedSucessfully(Task task)
        {
            return task.Status == TaskStatus.RanToCompletion;
        }

        public static bool LooksDone(this Task task) => task.Id > 0;
    }

    // case: completed/a library's own completion test, whatever its name: an extension and a static call (protobuf-net.Grpc's RanToCompletion, Json.NET's IsCompletedSucessfully)
    public static class OwnCompletionTest
    {
        public static async Task<int> Headers(Task<int> headers)
        {
            await Task.Yield();
            if (headers.RanToCompletion()) return headers.Result;
            return await headers;
        }

        public static async Task<int> Parse(Task<int> pending)
        {
            await Task.Yield();
            if (!OwnTaskChecks.IsCompletedSucessfully(pending)) return await pending;
            return pending.Result;
        }
    }

    // case: completed/a test of the task that is no completion check still waits
    public static class OwnTestNotCompletion
    {
        public static async Task<int> Get(Task<int> pending)
        {
            await Task.Yield();
            if (pending.LooksDone()) return pending.Result; // expect: NB0003
            return 0;
        }
    }

    // case: completed/one property's task checked, another's waited on
    public static class OtherPropertyWaited
    {
        public static async Task<int> Get(Request checkedOne, Request other)
        {
            await Task.Yield();
            if (checkedOne.Task.IsCompleted) return other.Task.Result; // expect: NB0003
            return 0;
        }
    }

    // case: completed/the captured task replaced after the check
    public static class CapturedReplaced
    {
        public static async Task<int> Get()
        {
            await Task.Yield();
            var t = Source.Load();
            if (t.Status == TaskStatus.RanToCompletion)
            {
                t = Task.Run(() => 2);
                return t.Result; // expect: NB0003
            }
            return await t;
        }
    }

    // A cache entry whose value task is checked through a property of its own (MassTransit's CacheValue.HasValue).
    public sealed class Entry
    {
        private readonly TaskCompletionSource<int> _value = new TaskCompletionSource<int>();
        public bool HasValue => _value.Task.Status == TaskStatus.RanToCompletion;
        public void Set(int value) => _value.TrySetResult(value);
        public int Evict() => HasValue ? _value.Task.Result : 0;
    }

    // case: completed/.Result guarded by the object's own HasValue property
    public static class PropertyGuard
    {
        public static async Task<int> Clear(Entry entry)
        {
            await Task.Yield();
            return entry.Evict();
        }
    }

    // A node that only ever holds completed tasks: a value's, or a faulted one when removed (MassTransit's BucketNode).
    public sealed class Node
    {
        private static class Removed
        {
            internal static readonly Task<string> Task;
            static Removed()
            {
                var source = new TaskCompletionSource<string>();
                source.TrySetException(new System.InvalidOperationException("removed"));
                Task = source.Task;
            }
        }

        private Task<string> _value;
        public Node(string value) => _value = Task.FromResult(value);
        public int Evict()
        {
            int length = _value.Result.Length;
            Interlocked.Exchange(ref _value, Removed.Task);
            return length;
        }
    }

    // case: completed/.Result on a field that only ever holds completed tasks
    public static class CompletedField
    {
        public static async Task<int> Evict(Node node)
        {
            await Task.Yield();
            return node.Evict();
        }
    }

    // A node that may hold a pending task.
    public sealed class PendingNode
    {
        private Task<string> _value;
        public PendingNode(string value) => _value = Task.FromResult(value);
        public void Refresh(Func<Task<string>> load) => _value = load();
        public int Length() => _value.Result.Length;
    }

    // case: completed/.Result on a field that may hold a pending task
    public static class PendingField
    {
        public static async Task<int> Length(PendingNode node)
        {
            await Task.Yield();
            return node.Length(); // expect: NB0002
        }
    }

    // case: completed/.Result on a completion source's task after its TrySetCanceled (Azure.Core's AsyncLockWithValue)
    public sealed class LockOrValue
    {
        private readonly object _sync = new object();

        public async Task<int> Get(CancellationToken token)
        {
            TaskCompletionSource<int> waiter;
            lock (_sync) waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                return await waiter.Task.WaitAsync(token);
            }
            catch (OperationCanceledException)
            {
                // False: the task was completed already, so .Result returns at once (true: it is canceled now).
                if (waiter.TrySetCanceled(token)) throw;
                return waiter.Task.Result;
            }
        }

        public static async Task<int> SetThenRead(TaskCompletionSource<int> source)
        {
            await Task.Yield();
            source.TrySetResult(1);
            return source.Task.Result;
        }
    }

    // case: completed/.Result after a TrySet on another source, one that may not run, or before the source was replaced
    public static class SetElsewhere
    {
        public static async Task<int> Other(TaskCompletionSource<int> source, TaskCompletionSource<int> other, CancellationToken token)
        {
            await Task.Yield();
            other.TrySetCanceled(token);
            return source.Task.Result; // expect: NB0003
        }

        public static async Task<int> Maybe(TaskCompletionSource<int> source, bool cancel)
        {
            await Task.Yield();
            if (cancel && source.TrySetCanceled()) return -1;
            return source.Task.Result; // expect: NB0003
        }

        public static async Task<int> Replaced(TaskCompletionSource<int> source, Func<TaskCompletionSource<int>> next)
        {
            await Task.Yield();
            source.TrySetResult(1);
            source = next();
            return source.Task.Result; // expect: NB0003
        }

        public static async Task<int> ReplacedWhenSet(TaskCompletionSource<int> source, Func<TaskCompletionSource<int>> next)
        {
            await Task.Yield();
            if (source.TrySetCanceled()) source = next();
            return source.Task.Result; // expect: NB0003
        }
    }
    // case: completed/each element of a list checked with Status, then read (Orleans' cluster probes)
    public static class ElementStatus
    {
        public static async Task<int> Failed(List<Task<bool>> probes)
        {
            await Task.Yield();
            int failed = 0;
            for (int j = 0; j < probes.Count; j++)
                if (probes[j].Status != TaskStatus.RanToCompletion || !probes[j].GetAwaiter().GetResult()) failed++;
            return failed;
        }
    }

    // case: completed/an array element checked with IsCompletedSuccessfully, then .Result
    public static class ElementChecked
    {
        public static async Task<int> Sum(Task<int>[] tasks)
        {
            await Task.Yield();
            int sum = 0;
            for (int i = tasks.Length - 1; i >= 0; i--)
                if (tasks[i].IsCompletedSuccessfully) sum += tasks[i].Result;
            return sum;
        }
    }

    // case: completed/one element checked, the next one read, still waits
    public static class OtherElement
    {
        public static async Task<int> Next(Task<int>[] tasks, int i)
        {
            await Task.Yield();
            if (!tasks[i].IsCompleted) return 0;
            i++;
            return tasks[i].Result; // expect: NB0003
        }
    }

    // case: completed/an element checked, then replaced before it is read, still waits
    public static class ReplacedElement
    {
        public static async Task<int> Read(Task<int>[] tasks, int i)
        {
            await Task.Yield();
            if (!tasks[i].IsCompleted) return 0;
            tasks[i] = Task.Run(() => 1);
            return tasks[i].Result; // expect: NB0003
        }
    }
    // case: completed/each task of a list after await Task.WhenAll(list) (Orleans' ManagementGrain)
    public static class EachAfterWhenAll
    {
        public static async Task<int> Total(CancellationToken token)
        {
            var tasks = new List<Task<int>>();
            for (int i = 0; i < 3; i++) tasks.Add(Source.Load());
            await Task.WhenAll(tasks).WaitAsync(token);
            int total = 0;
            foreach (Task<int> task in tasks) total += task.Result;
            return total;
        }
    }

    // case: completed/each element of an array after await Task.WhenAll(array)
    public static class EachElementAfterWhenAll
    {
        public static async Task<int> First(Task<int>[] tasks)
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
            int sum = 0;
            for (int i = 0; i < tasks.Length; i++) sum += tasks[i].Result;
            foreach (var task in tasks) sum += task.Result;
            return sum;
        }
    }

    // case: completed/a task added to the list after WhenAll still waits
    public static class AddedAfterWhenAll
    {
        public static async Task<int> Total(List<Task<int>> tasks)
        {
            await Task.WhenAll(tasks);
            tasks.Add(Task.Run(() => 2));
            int total = 0;
            foreach (var task in tasks) total += task.Result; // expect: NB0003
            return total;
        }
    }

    // case: completed/WhenAll over another list leaves this one's tasks waiting
    public static class OtherListAwaited
    {
        public static async Task<int> Total(List<Task<int>> awaited, List<Task<int>> read)
        {
            await Task.WhenAll(awaited);
            int total = 0;
            foreach (var task in read) total += task.Result; // expect: NB0003
            return total;
        }
    }

    // case: completed/an async wait with a zero timeout returns a completed task (SignalR's client takes its lock so)
    public sealed class ZeroTimeoutWaitAsync
    {
        private readonly SemaphoreSlim _lock = new SemaphoreSlim(1);
        public async Task<bool> Ping()
        {
            await Task.Yield();
            if (!_lock.WaitAsync(0).Result) return false;
            _lock.Release();
            return true;
        }
        public async Task<int> Peek(Task<int> pending)
        {
            await Task.Yield();
            try { return pending.WaitAsync(TimeSpan.Zero).GetAwaiter().GetResult(); }
            catch (TimeoutException) { return -1; }
        }
        // Through a sync helper the async method calls: no NB0002 either.
        public async Task<bool> PingThroughHelper()
        {
            await Task.Yield();
            return TryAcquire();
        }
        private bool TryAcquire() => _lock.WaitAsync(TimeSpan.Zero).ConfigureAwait(false).GetAwaiter().GetResult();
    }

    // case: completed/an async wait with a timeout above zero still waits on .Result
    public sealed class TimedWaitAsync
    {
        private readonly SemaphoreSlim _lock = new SemaphoreSlim(1);
        public async Task<bool> Ping()
        {
            await Task.Yield();
            return _lock.WaitAsync(100).Result; // expect: NB0003
        }
        public async Task<int> Peek(Task<int> pending)
        {
            await Task.Yield();
            return pending.WaitAsync(TimeSpan.FromSeconds(1)).GetAwaiter().GetResult(); // expect: NB0003
        }
        public async Task<bool> PingThroughHelper()
        {
            await Task.Yield();
            return TryAcquire(); // expect: NB0002
        }
        private bool TryAcquire() => _lock.WaitAsync(50).Result;
    }

    // case: completed/the task await Task.WhenAny returned is the one that finished (YARP's upgraded-connection copy)
    public static class WhenAnyWinner
    {
        public static async Task<int> First(Task<int> a, Task<int> b)
        {
            var finished = await Task.WhenAny(a, b);
            int value = finished.Result;
            return value + finished.GetAwaiter().GetResult();
        }
        public static async Task<int> FirstConfigured(Task<int> a, Task<int> b)
        {
            Task<int> finished = await Task.WhenAny(a, b).ConfigureAwait(false);
            return finished.Result;
        }
    }

    // case: completed/the WhenAny winner cast to its own type is still the one that finished (DistributedLock's RedLockExtend.TryExtendAsync)
    public static class WhenAnyWinnerCast
    {
        public static async Task<bool> Extend(HashSet<Task> pending)
        {
            while (pending.Count > 0)
            {
                Task finished = await Task.WhenAny(pending).ConfigureAwait(false);
                if (finished.Status == TaskStatus.RanToCompletion && ((Task<bool>)finished).Result) return true;
                pending.Remove(finished);
            }
            return false;
        }
    }

    // case: completed/a cast of another task than the WhenAny winner still waits
    public static class WhenAnyOtherCast
    {
        public static async Task<bool> Extend(Task a, Task b, Task c)
        {
            Task finished = await Task.WhenAny(a, b).ConfigureAwait(false);
            return finished == a && ((Task<bool>)c).Result; // expect: NB0003
        }
    }

    // case: completed/the other task of a WhenAny, or the winner's variable set again, still waits
    public static class WhenAnyLoser
    {
        public static async Task<int> Other(Task<int> a, Task<int> b)
        {
            var finished = await Task.WhenAny(a, b);
            var other = finished == a ? b : a;
            return other.Result; // expect: NB0003
        }
        public static async Task<int> Reassigned(Task<int> a, Task<int> b)
        {
            var finished = await Task.WhenAny(a, b);
            finished = Task.Run(() => 3);
            return finished.Result; // expect: NB0003
        }
    }
}
