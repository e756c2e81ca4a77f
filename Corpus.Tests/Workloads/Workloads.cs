using System;
using System.Collections.Generic;
using System.Data;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CorpusWorkloads
{
    /// <summary>
    /// Real workloads on real libraries. Corpus.Tests runs each public static Task&lt;string&gt; method once with the
    /// libraries as shipped and once with them woven, and compares what comes back, exceptions included.
    /// Each takes a scratch folder so the two runs never share files.
    /// </summary>
    public static class Workloads
    {
        public sealed class Order
        {
            public long Id { get; set; }
            public string Customer { get; set; } = "";
            public double Amount { get; set; }
        }

        public static async Task<string> DapperOnSqlite(string scratch)
        {
            string db = Path.Combine(scratch, "dapper.db");
            await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE Orders (Id INTEGER PRIMARY KEY, Customer TEXT NOT NULL, Amount REAL NOT NULL)");
            for (int i = 1; i <= 50; i++)
                await connection.ExecuteAsync("INSERT INTO Orders (Customer, Amount) VALUES (@c, @a)", new { c = "c" + (i % 7), a = i * 1.5 });

            var big = (await connection.QueryAsync<Order>("SELECT * FROM Orders WHERE Amount > @min ORDER BY Id", new { min = 60.0 })).ToList();
            var first = await connection.QueryFirstOrDefaultAsync<Order>("SELECT * FROM Orders WHERE Customer = @c ORDER BY Id", new { c = "c3" });
            double total = await connection.ExecuteScalarAsync<double>("SELECT SUM(Amount) FROM Orders");

            await using (var tx = await connection.BeginTransactionAsync())
            {
                await connection.ExecuteAsync("DELETE FROM Orders", transaction: tx);
                await tx.RollbackAsync();
            }
            long count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Orders");

            string error;
            try { await connection.ExecuteAsync("SELEC broken"); error = "none"; }
            catch (SqliteException e) { error = $"{e.GetType().Name}:{e.SqliteErrorCode}"; }

            return $"big={big.Count} firstId={first?.Id} total={total} afterRollback={count} error={error}";
        }

        public static async Task<string> PollyRetryAndTimeout(string scratch)
        {
            int attempts = 0;
            var retry = new ResiliencePipelineBuilder<int>()
                .AddRetry(new RetryStrategyOptions<int>
                {
                    MaxRetryAttempts = 4,
                    Delay = TimeSpan.FromMilliseconds(1),
                    ShouldHandle = new PredicateBuilder<int>().Handle<InvalidOperationException>(),
                })
                .Build();
            int value = await retry.ExecuteAsync(async token =>
            {
                await Task.Yield();
                if (++attempts < 3) throw new InvalidOperationException("transient " + attempts);
                return attempts * 10;
            });

            int failingAttempts = 0;
            string exhausted;
            try
            {
                await retry.ExecuteAsync<int>(async (CancellationToken token) => { await Task.Delay(1, token); failingAttempts++; throw new InvalidOperationException("always"); });
                exhausted = "no";
            }
            catch (InvalidOperationException e) { exhausted = e.Message + "@" + failingAttempts; }

            var timeout = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromMilliseconds(50)).Build();
            string timedOut;
            try
            {
                await timeout.ExecuteAsync(async ValueTask (CancellationToken token) => await Task.Delay(5000, token));
                timedOut = "no";
            }
            catch (TimeoutRejectedException) { timedOut = "rejected"; }

            return $"value={value} attempts={attempts} exhausted={exhausted} timeout={timedOut}";
        }

        private sealed class Producer : BackgroundService
        {
            private readonly ChannelWriter<int> _writer;
            public Producer(ChannelWriter<int> writer) { _writer = writer; }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                for (int i = 1; i <= 100; i++)
                {
                    await _writer.WriteAsync(i, stoppingToken);
                    if (i % 10 == 0) await Task.Yield();
                }
                _writer.Complete();
            }
        }

        public static async Task<string> HostedBackgroundService(string scratch)
        {
            var channel = Channel.CreateUnbounded<int>();
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = scratch });
            builder.Services.AddSingleton(channel.Writer);
            builder.Services.AddHostedService<Producer>();
            using var host = builder.Build();
            await host.StartAsync();
            long sum = 0;
            int n = 0;
            await foreach (var item in channel.Reader.ReadAllAsync()) { sum += item; n++; }
            await host.StopAsync();
            return $"items={n} sum={sum}";
        }

        public static async Task<string> ChannelsProducersConsumers(string scratch)
        {
            var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(8) { FullMode = BoundedChannelFullMode.Wait });
            var producers = Enumerable.Range(0, 3).Select(p => Task.Run(async () =>
            {
                for (int i = 0; i < 200; i++) await channel.Writer.WriteAsync(p * 1000 + i);
            })).ToArray();
            var consumers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                long local = 0;
                while (await channel.Reader.WaitToReadAsync())
                    while (channel.Reader.TryRead(out var v)) local += v;
                return local;
            })).ToArray();
            await Task.WhenAll(producers);
            channel.Writer.Complete();
            var sums = await Task.WhenAll(consumers);
            return $"sum={sums.Sum()}";
        }

        public sealed class Shop : DbContext
        {
            private readonly string _path;
            public Shop(string path) { _path = path; }
            public DbSet<Order> Orders => Set<Order>();
            protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite($"Data Source={_path};Pooling=False");
        }

        public static async Task<string> EntityFrameworkOnSqlite(string scratch)
        {
            string db = Path.Combine(scratch, "ef.db");
            await using (var shop = new Shop(db))
            {
                await shop.Database.EnsureCreatedAsync();
                shop.Orders.AddRange(Enumerable.Range(1, 30).Select(i => new Order { Customer = "c" + (i % 4), Amount = i }));
                await shop.SaveChangesAsync();
            }
            await using (var shop = new Shop(db))
            {
                var c1 = await shop.Orders.Where(o => o.Customer == "c1").OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
                double total = await shop.Orders.SumAsync(o => o.Amount);
                int deleted = await shop.Orders.Where(o => o.Amount > 25).ExecuteDeleteAsync();
                int left = await shop.Orders.CountAsync();
                return $"c1=[{string.Join(",", c1)}] total={total} deleted={deleted} left={left}";
            }
        }
    }
}
