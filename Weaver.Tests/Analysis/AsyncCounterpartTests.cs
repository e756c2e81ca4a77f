using System.Linq;
using NonBlocking.Tests.Support;
using Xunit;

namespace NonBlocking.Tests.Analysis
{
    /// <summary>
    /// The async-counterpart rule on a compiled "vendor SDK" the app calls: a sync X with an awaitable XAsync beside it
    /// (same type, base, interface, or the same static class; X's parameters less optional ones, plus an optional
    /// trailing CancellationToken) is blocking; look-alikes are not; in-memory receivers and the user's exclusions are
    /// left alone.
    /// </summary>
    public sealed class AsyncCounterpartTests
    {
        private const string Vendor = @"
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Vendor
{
    public interface IStoreAsync { Task<string> GetAsync(string key, CancellationToken cancellationToken = default); }
    public interface IStore : IStoreAsync { string Get(string key); }

    public static class Mapper
    {
        public static IEnumerable<T> Query<T>(this IDisposable connection, string sql, bool buffered = true, int? timeout = null) => new T[0];
        public static Task<IEnumerable<T>> QueryAsync<T>(this IDisposable connection, string sql, int? timeout = null) => Task.FromResult<IEnumerable<T>>(new T[0]);
        public static int Execute(this IDisposable connection, string sql) => 0;
        public static Task<int> ExecuteAsync(this IDisposable connection, int command) => Task.FromResult(0);
    }

    public class BaseClient
    {
        public virtual void Open() { }
        public virtual Task OpenAsync() => Task.CompletedTask;
    }

    public sealed class Client : BaseClient, IDisposable, IAsyncDisposable
    {
        public void Send(string message) { }
        public Task SendAsync(string message, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task Ping() => Task.CompletedTask;
        public Task PingAsync() => Task.CompletedTask;
        public void Dispose() { }
        public ValueTask DisposeAsync() => default;
        public void Flush(int level) { }
        public Task FlushAsync() => Task.CompletedTask;
        public string Describe() => """";
        public void Reset() { }
        public ValueTask ResetAsync() => default;
        public void Cache(string key) { }
        public Task CacheAsync(string key) => Task.CompletedTask;
        public void Log(string line) { }
        public Task LogAsync(int line) => Task.CompletedTask;
    }
}";

        private const string App = @"
using System;
using System.IO;
using System.Threading.Tasks;
using Vendor;

public static class App
{
    public static async Task Run(IStore store, Client client, IDisposable connection, string path)
    {
        await Task.Yield();
        store.Get(""k""); // @get
        connection.Query<int>(""select""); // @query
        connection.Execute(""update"");
        client.Send(""m""); // @send
        await client.Ping();
        client.Dispose();
        client.Flush(1);
        client.Describe();
        client.Reset(); // @reset
        client.Cache(""k""); // @cache
        client.Log(""line"");
        client.Open(); // @open
        var buffer = new byte[16];
        var memory = new MemoryStream(buffer);
        memory.Read(buffer, 0, 1);
        new StreamReader(new MemoryStream(buffer)).ReadToEnd();
        var reader = new StreamReader(memory);
        reader.ReadToEnd();
        using var file = File.OpenRead(path);
        file.Read(buffer, 0, 1); // @file
    }
}";

        private static AnalysisHarness Analyse(params string[] notBlocking)
        {
            string vendor = Compiler.Compile("VendorSdk" + notBlocking.Length, Vendor);
            return new AnalysisHarness("CounterpartApp" + notBlocking.Length, App, new[] { vendor }, notBlocking: notBlocking);
        }

        [Fact]
        public void Sync_calls_with_an_awaitable_twin_are_blocking_and_look_alikes_are_not()
        {
            var analysis = Analyse();
            analysis.AssertExactly(("NB0001", "get"), ("NB0001", "query"), ("NB0001", "send"), ("NB0001", "reset"),
                ("NB0001", "cache"), ("NB0001", "open"), ("NB0001", "file"));
        }

        [Fact]
        public void The_warning_names_the_call_and_its_async_twin()
        {
            var analysis = Analyse();
            var get = analysis.At("get");
            Assert.Contains("Vendor.IStore.Get(string)", get.Message);
            Assert.Contains("await GetAsync(...)", get.Message);
            Assert.Contains("Vendor.Mapper.Query<int>(IDisposable, string, bool, int?)", analysis.At("query").Message);
            Assert.Contains("await QueryAsync(...)", analysis.At("query").Message);
        }

        [Fact]
        public void The_users_list_of_apis_that_never_block_is_honoured_by_member_and_by_type()
        {
            Analyse("Vendor.Client.Cache").AssertExactly(("NB0001", "get"), ("NB0001", "query"), ("NB0001", "send"),
                ("NB0001", "reset"), ("NB0001", "open"), ("NB0001", "file"));
            // Type.* makes the type in-memory: calls on an instance of it are left alone, inherited members (Open) too.
            Analyse("Vendor.Client.*", "Vendor.IStore.Get").AssertExactly(("NB0001", "query"), ("NB0001", "file"));
        }
    }
}
