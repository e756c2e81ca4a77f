using System;
using System.Threading.Tasks;
using NonBlocking;
using Npgsql;
using StackExchange.Redis;

namespace Accuracy
{
    /// <summary>
    /// Real servers on loopback, started by the test (build/servers.sh): PostgreSQL through Npgsql, Redis through
    /// StackExchange.Redis. The sync call must be named; its async twin, truly asynchronous, must stay silent.
    /// </summary>
    public static class Servers
    {
        private static string Postgres => Environment.GetEnvironmentVariable("ACCURACY_PG") ?? throw new InvalidOperationException("ACCURACY_PG not set");
        private static string Redis => Environment.GetEnvironmentVariable("ACCURACY_REDIS") ?? throw new InvalidOperationException("ACCURACY_REDIS not set");

        // `ExecuteReader()` binds to Npgsql's own ExecuteReader(CommandBehavior behavior = default).
        [Scenario("postgres/executereader-sync", Needs = "postgres")]
        [Expect("Accuracy.Servers.PgReader(NpgsqlConnection)", From = "await@pg-yield", To = "end", Ms = 250,
            Calls = new[] { "Npgsql.NpgsqlCommand.ExecuteReader(CommandBehavior)@pg-reader" })]
        public static async Task PgExecuteReaderSync()
        {
            await using var connection = await Task.Run(OpenPg);
            await PgReader(connection);
        }

        private static async Task PgReader(NpgsqlConnection connection)
        {
            await Task.Yield(); // @pg-yield
            using var command = new NpgsqlCommand("SELECT pg_sleep(0.25), 1", connection);
            using var reader = command.ExecuteReader(); // @pg-reader
            while (reader.Read()) { }
        }

        [Scenario("postgres/executereaderasync-is-silent", Needs = "postgres")]
        public static async Task PgExecuteReaderAsync()
        {
            await using var connection = await Task.Run(OpenPg);
            await Task.Yield();
            await using var command = new NpgsqlCommand("SELECT pg_sleep(0.25), 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }

        // A truly asynchronous call started inside a slow segment returns a pending task: it held nothing, and only the
        // sleep is named.
        [Scenario("postgres/pending-async-call-in-a-slow-segment-is-not-named", Needs = "postgres")]
        [Expect("Accuracy.Servers.PgPending(NpgsqlConnection)", From = "await@pg-pending-yield", To = "await@pg-pending-await", Ms = 250,
            Calls = new[] { Sleep.Api + "@pg-pending-sleep" })]
        public static async Task PgPendingAsyncCall()
        {
            await using var connection = await Task.Run(OpenPg);
            await PgPending(connection);
        }

        private static async Task PgPending(NpgsqlConnection connection)
        {
            await Task.Yield(); // @pg-pending-yield
            await using var command = new NpgsqlCommand("SELECT pg_sleep(0.8), 1", connection);
            var query = command.ExecuteScalarAsync();
            System.Threading.Thread.Sleep(250); // @pg-pending-sleep
            await query; // @pg-pending-await
        }

        // A query that is slow on the server by its own work, with no sleep in it. NpgsqlCommand overrides ExecuteScalar,
        // so the call is compiled against DbCommand's.
        [Scenario("postgres/executescalar-heavy-query", Needs = "postgres")]
        [Expect("Accuracy.Servers.PgHeavy(NpgsqlConnection)", From = "await@pg-heavy-yield", To = "end", MinMs = 100, MaxMs = 20000,
            Calls = new[] { "System.Data.Common.DbCommand.ExecuteScalar()@pg-heavy" })]
        public static async Task PgHeavyQuery()
        {
            await using var connection = await Task.Run(OpenPg);
            await PgHeavy(connection);
        }

        private static async Task PgHeavy(NpgsqlConnection connection)
        {
            await Task.Yield(); // @pg-heavy-yield
            using var command = new NpgsqlCommand("SELECT sum(x % 7) FROM generate_series(1, 6000000) AS x", connection);
            command.ExecuteScalar(); // @pg-heavy
        }

        [AllowBlocking] // setup, not under test
        private static async Task<NpgsqlConnection> OpenPg()
        {
            var connection = new NpgsqlConnection(Postgres);
            await connection.OpenAsync();
            await using var warm = new NpgsqlCommand("SELECT 1", connection);
            await warm.ExecuteScalarAsync();
            return connection;
        }

        // The server is made slow the Redis way (DEBUG SLEEP from a second connection); the sync GET waits for it.
        [Scenario("redis/stringget-sync", Needs = "redis")]
        [Expect("Accuracy.Servers.RedisGet(IDatabase)", From = "await@redis-yield", To = "end", Ms = 280, MinMs = 180,
            Calls = new[] { "StackExchange.Redis.IDatabase.StringGet(RedisKey, CommandFlags)@redis-get" })]
        public static async Task RedisStringGetSync()
        {
            var (db, admin) = await Task.Run(OpenRedis);
            _ = admin.ExecuteAsync("DEBUG", "SLEEP", "0.3");
            await Task.Delay(20);
            await RedisGet(db);
        }

        private static async Task RedisGet(IDatabase db)
        {
            await Task.Yield(); // @redis-yield
            if (db.StringGet("accuracy") != "value") throw new InvalidOperationException(); // @redis-get
        }

        [Scenario("redis/stringgetasync-is-silent", Needs = "redis")]
        public static async Task RedisStringGetAsync()
        {
            var (db, admin) = await Task.Run(OpenRedis);
            _ = admin.ExecuteAsync("DEBUG", "SLEEP", "0.3");
            await Task.Delay(20);
            await Task.Yield();
            if (await db.StringGetAsync("accuracy") != "value") throw new InvalidOperationException();
        }

        [AllowBlocking] // setup, not under test
        private static async Task<(IDatabase Db, IDatabase Admin)> OpenRedis()
        {
            var options = ConfigurationOptions.Parse(Redis);
            options.AllowAdmin = true;
            var main = await ConnectionMultiplexer.ConnectAsync(options);
            var admin = await ConnectionMultiplexer.ConnectAsync(options);
            var db = main.GetDatabase();
            await db.StringSetAsync("accuracy", "value");
            await db.StringGetAsync("accuracy");
            return (db, admin.GetDatabase());
        }
    }
}
