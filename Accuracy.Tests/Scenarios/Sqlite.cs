using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NonBlocking;

namespace Accuracy
{
    /// <summary>
    /// A real SQLite database in a file, through ADO.NET, Dapper and EF Core. Slow queries are made slow inside SQLite:
    /// a SQL function `slow(ms)` (SqlFunctions) that the query calls, or a trigger that does, or a heavy recursive query.
    /// </summary>
    public static class Sqlite
    {
        // SqliteCommand overrides ExecuteScalar, so the call is compiled against DbCommand's: that is the API named.
        private const string Scalar = "System.Data.Common.DbCommand.ExecuteScalar()";

        [Scenario("sqlite/ado-executescalar")]
        [Expect("Accuracy.Sqlite.AdoScalar(SqliteConnection)", From = "await@ado-yield", To = "end", Ms = 250, Calls = new[] { Scalar + "@ado-scalar" })]
        public static async Task AdoExecuteScalar()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await AdoScalar(connection);
        }

        private static async Task AdoScalar(SqliteConnection connection)
        {
            await Task.Yield(); // @ado-yield
            using var command = new SqliteCommand("SELECT slow(250)", connection);
            command.ExecuteScalar(); // @ado-scalar
        }

        // A query that is slow on its own, with no help: how slow depends on the machine.
        [Scenario("sqlite/ado-heavy-query")]
        [Expect("Accuracy.Sqlite.HeavyQuery(SqliteConnection)", From = "await@heavy-yield", To = "end", MinMs = 100, MaxMs = 20000,
            Calls = new[] { Scalar + "@heavy-scalar" })]
        public static async Task AdoHeavyQuery()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await HeavyQuery(connection);
        }

        private static async Task HeavyQuery(SqliteConnection connection)
        {
            await Task.Yield(); // @heavy-yield
            using var command = new SqliteCommand(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT sum(x % 7) FROM c", connection);
            command.ExecuteScalar(); // @heavy-scalar
        }

        // Microsoft.Data.Sqlite's async API runs synchronously: the segment blocks inside ExecuteScalarAsync, which hands
        // back a completed task; the call is named as one that completed synchronously.
        private const string ScalarAsync = "System.Data.Common.DbCommand.ExecuteScalarAsync()" + Labels.CompletedSynchronously;

        [Scenario("sqlite/ado-async-api-is-sync-underneath")]
        [Expect("Accuracy.Sqlite.AdoScalarAsync(SqliteConnection)", From = "await@adoasync-yield", To = "end", Ms = 250,
            Calls = new[] { ScalarAsync + "@adoasync-call" })]
        public static async Task AdoAsyncApiIsSyncUnderneath()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await AdoScalarAsync(connection);
        }

        private static async Task AdoScalarAsync(SqliteConnection connection)
        {
            await Task.Yield(); // @adoasync-yield
            using var command = new SqliteCommand("SELECT slow(250)", connection);
            await command.ExecuteScalarAsync(); // @adoasync-call
        }

        // A quick async call that completes synchronously (a cache hit, SELECT 1) inside a slow segment is not a culprit.
        // Its first call, which JIT-compiles the library's path (10-20 ms here), is made in the setup.
        [Scenario("sqlite/quick-async-call-in-a-slow-segment-is-not-named")]
        [Expect("Accuracy.Sqlite.QuickAsyncCall(SqliteConnection)", From = "await@quick-yield", To = "end", Ms = 250,
            Calls = new[] { Sleep.Api + "@quick-sleep" })]
        public static async Task QuickAsyncCallInASlowSegment()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await Task.Run(() => new SqliteCommand("SELECT 1", connection).ExecuteScalarAsync());
            await QuickAsyncCall(connection);
        }

        private static async Task QuickAsyncCall(SqliteConnection connection)
        {
            await Task.Yield(); // @quick-yield
            Thread.Sleep(250); // @quick-sleep
            using var command = new SqliteCommand("SELECT 1", connection);
            if (Convert.ToInt32(await command.ExecuteScalarAsync()) != 1) throw new InvalidOperationException();
        }

        // Issue 15's lost report: the program's last slow segment, right before Main returns and the process ends.
        [Scenario("sqlite/last-segment-before-exit")]
        [Expect("Accuracy.Sqlite.LastSegment(SqliteConnection)", From = "await@last-yield", To = "end", Ms = 270, Calls = new[] { Scalar + "@last-scalar" })]
        public static async Task LastSegmentBeforeExit()
        {
            var connection = await Task.Run(SqlFunctions.OpenAsync);
            await LastSegment(connection);
        }

        private static async Task LastSegment(SqliteConnection connection)
        {
            await Task.Yield(); // @last-yield
            using var command = new SqliteCommand("SELECT slow(270)", connection);
            command.ExecuteScalar(); // @last-scalar
            Console.WriteLine("last segment done");
        }

        [Scenario("dapper/query")]
        [Expect("Accuracy.Sqlite.DapperQuery(SqliteConnection)", From = "await@dapper-query-yield", To = "end", Ms = 280,
            Calls = new[] { "Dapper.SqlMapper.Query<long>(IDbConnection, string, object, IDbTransaction, bool, int?, CommandType?)@dapper-query" })]
        public static async Task DapperQueryScenario()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await DapperQuery(connection);
        }

        private static async Task DapperQuery(SqliteConnection connection)
        {
            await Task.Yield(); // @dapper-query-yield
            var rows = connection.Query<long>("SELECT slow(280)").ToList(); // @dapper-query
            if (rows.Count != 1) throw new InvalidOperationException();
        }

        [Scenario("dapper/execute")]
        [Expect("Accuracy.Sqlite.DapperExecute(SqliteConnection)", From = "await@dapper-exec-yield", To = "end", Ms = 250,
            Calls = new[] { "Dapper.SqlMapper.Execute(IDbConnection, string, object, IDbTransaction, int?, CommandType?)@dapper-exec" })]
        public static async Task DapperExecuteScenario()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await DapperExecute(connection);
        }

        private static async Task DapperExecute(SqliteConnection connection)
        {
            await Task.Yield(); // @dapper-exec-yield
            connection.Execute("UPDATE Items SET Name = Name WHERE Id = 1 AND slow(250) >= 0"); // @dapper-exec
        }

        // Dapper's async call over SQLite: blocks underneath, and completes synchronously (see sqlite/ado-async-api-is-sync-underneath).
        [Scenario("dapper/queryasync-on-sqlite")]
        [Expect("Accuracy.Sqlite.DapperQueryAsync(SqliteConnection)", From = "await@dapper-async-yield", To = "end", Ms = 250,
            Calls = new[] { "Dapper.SqlMapper.QueryAsync<long>(IDbConnection, string, object, IDbTransaction, int?, CommandType?)" +
                            Labels.CompletedSynchronously + "@dapper-async-call" })]
        public static async Task DapperQueryAsyncOnSqlite()
        {
            using var connection = await Task.Run(SqlFunctions.OpenAsync);
            await DapperQueryAsync(connection);
        }

        private static async Task DapperQueryAsync(SqliteConnection connection)
        {
            await Task.Yield(); // @dapper-async-yield
            var rows = await connection.QueryAsync<long>("SELECT slow(250)"); // @dapper-async-call
            if (rows.Count() != 1) throw new InvalidOperationException();
        }

        [Scenario("efcore/savechanges")]
        [Expect("Accuracy.Sqlite.EfSave(Shop)", From = "await@ef-save-yield", To = "end", Ms = 250,
            Calls = new[] { "Microsoft.EntityFrameworkCore.DbContext.SaveChanges()@ef-save" })]
        public static async Task EfSaveChanges()
        {
            await using var shop = await Task.Run(Shop.OpenAsync);
            await EfSave(shop);
        }

        private static async Task EfSave(Shop shop)
        {
            await Task.Yield(); // @ef-save-yield
            shop.Orders.Add(new Order { Name = "slow" });
            shop.SaveChanges(); // @ef-save
        }

        [Scenario("efcore/tolist-on-a-query")]
        [Expect("Accuracy.Sqlite.EfToList(Shop)", From = "await@ef-tolist-yield", To = "end", Ms = 250,
            Calls = new[] { "System.Linq.Enumerable.ToList<Item>(IEnumerable<Item>)@ef-tolist" })]
        public static async Task EfToListOnAQuery()
        {
            await using var shop = await Task.Run(Shop.OpenAsync);
            await EfToList(shop);
        }

        private static async Task EfToList(Shop shop)
        {
            await Task.Yield(); // @ef-tolist-yield
            var items = Shop.SlowItems(shop, 25, 10).ToList(); // @ef-tolist
            if (items.Count != 25) throw new InvalidOperationException(items.Count.ToString());
        }

        [Scenario("efcore/count-on-a-query")]
        [Expect("Accuracy.Sqlite.EfCount(Shop)", From = "await@ef-count-yield", To = "end", Ms = 250,
            Calls = new[] { "System.Linq.Queryable.Count<Item>(IQueryable<Item>, Expression<Func<Item, bool>>)@ef-count" })]
        public static async Task EfCountOnAQuery()
        {
            await using var shop = await Task.Run(Shop.OpenAsync);
            await EfCount(shop);
        }

        private static async Task EfCount(Shop shop)
        {
            await Task.Yield(); // @ef-count-yield
            int id = 1, ms = 250;
            int n = shop.Items.Count(i => i.Id == id && SqlFunctions.Slow(ms) >= 0); // @ef-count
            if (n != 1) throw new InvalidOperationException();
        }

        // LINQ over a list the query already returned is not a query: only the query itself is named.
        [Scenario("efcore/linq-over-loaded-list-is-not-a-query")]
        [Expect("Accuracy.Sqlite.EfThenLinq(Shop)", From = "await@ef-linq-yield", To = "end", Ms = 250,
            Calls = new[] { "System.Linq.Enumerable.ToList<Item>(IEnumerable<Item>)@ef-linq-query" })]
        public static async Task EfLinqOverLoadedList()
        {
            await using var shop = await Task.Run(Shop.OpenAsync);
            await EfThenLinq(shop);
        }

        private static async Task EfThenLinq(Shop shop)
        {
            await Task.Yield(); // @ef-linq-yield
            var loaded = Shop.SlowItems(shop, 25, 10).ToList(); // @ef-linq-query
            var names = loaded.Where(i => i.Id > 3).Select(i => i.Name).ToList();
            if (names.Count != 22 || loaded.Count(i => i.Id > 0) != 25) throw new InvalidOperationException();
        }

        // EF Core's async query over SQLite: Microsoft.Data.Sqlite reads synchronously underneath, so ToListAsync completes synchronously.
        [Scenario("efcore/tolistasync-on-sqlite")]
        [Expect("Accuracy.Sqlite.EfToListAsync(Shop)", From = "await@ef-async-yield", To = "end", Ms = 250,
            Calls = new[] { "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync<Item>(IQueryable<Item>, CancellationToken)" +
                            Labels.CompletedSynchronously + "@ef-async-call" })]
        public static async Task EfToListAsyncOnSqlite()
        {
            await using var shop = await Task.Run(Shop.OpenAsync);
            await EfToListAsync(shop);
        }

        private static async Task EfToListAsync(Shop shop)
        {
            await Task.Yield(); // @ef-async-yield
            var items = await Shop.SlowItems(shop, 25, 10).ToListAsync(); // @ef-async-call
            if (items.Count != 25) throw new InvalidOperationException();
        }

        // SaveChangesAsync over SQLite: the insert's trigger is slow, and the whole save runs synchronously.
        [Scenario("efcore/savechangesasync-on-sqlite")]
        [Expect("Accuracy.Sqlite.EfSaveAsync(Shop)", From = "await@ef-saveasync-yield", To = "end", Ms = 250,
            Calls = new[] { "Microsoft.EntityFrameworkCore.DbContext.SaveChangesAsync(CancellationToken)" + Labels.CompletedSynchronously + "@ef-saveasync" })]
        public static async Task EfSaveChangesAsyncOnSqlite()
        {
            await using var shop = await Task.Run(Shop.OpenAsync);
            await EfSaveAsync(shop);
        }

        private static async Task EfSaveAsync(Shop shop)
        {
            await Task.Yield(); // @ef-saveasync-yield
            shop.Orders.Add(new Order { Name = "slow" });
            await shop.SaveChangesAsync(); // @ef-saveasync
        }
    }

    public sealed class Item
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public int Cost { get; set; }
    }

    public sealed class Order
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    public sealed class Shop : DbContext
    {
        private readonly SqliteConnection _connection;

        private Shop(SqliteConnection connection) { _connection = connection; }

        public DbSet<Item> Items => Set<Item>();
        public DbSet<Order> Orders => Set<Order>();

        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite(_connection);

        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<Order>().ToTable("Orders");
            model.Entity<Item>().ToTable("Items");
            model.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(SqlFunctions.Slow))!).HasName("slow");
        }

        /// <summary>Items up to <paramref name="limit"/>, each costing <paramref name="ms"/> inside SQLite.</summary>
        public static IQueryable<Item> SlowItems(Shop shop, int limit, int ms) =>
            shop.Items.Where(i => i.Id <= limit).Select(i => new Item { Id = i.Id, Name = i.Name, Cost = SqlFunctions.Slow(ms) });

        /// <summary>
        /// A context over a fresh database. Setup, not under test ([AllowBlocking]: SQLite's async API blocks): it also
        /// runs each query shape once, so the measured segments do not pay for EF Core compiling them.
        /// </summary>
        [AllowBlocking]
        public static async Task<Shop> OpenAsync()
        {
            var shop = new Shop(await SqlFunctions.OpenAsync());
            await SlowItems(shop, 0, 0).ToListAsync();
            SlowItems(shop, 0, 0).ToList();
            int id = 0, ms = 0;
            shop.Items.Count(i => i.Id == id && SqlFunctions.Slow(ms) >= 0);
            shop.Items.Add(new Item { Id = 5000, Name = "warm-up" });
            shop.SaveChanges();
            shop.Items.Add(new Item { Id = 5001, Name = "warm-up" });
            await shop.SaveChangesAsync();
            return shop;
        }
    }

    /// <summary>The database every SQLite scenario opens: 1,000 items, an orders table whose inserts are slow (a trigger).</summary>
    public static class SqlFunctions
    {
        [AllowBlocking] // setup, not under test
        public static async Task<SqliteConnection> OpenAsync()
        {
            string file = Path.Combine(Path.GetTempPath(), "accuracy-" + Guid.NewGuid().ToString("N") + ".db");
            var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            connection.CreateFunction("slow", (int ms) => SleepInSqlite(ms));
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE Items (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, Cost INTEGER NOT NULL);" +
                "CREATE TABLE Orders (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL);" +
                "CREATE TRIGGER SlowOrders AFTER INSERT ON Orders BEGIN SELECT slow(250); END;" +
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) INSERT INTO Items SELECT x, 'item ' || x, x FROM n;";
            await command.ExecuteNonQueryAsync();
            return connection;
        }

        /// <summary>Mapped to SQL's slow(ms) for EF Core queries; never called in .NET.</summary>
        public static int Slow(int ms) => throw new NotSupportedException("SQL only");

        // The database's own time: blocking here is what a slow query is, and not the code under test.
        [AllowBlocking]
        private static int SleepInSqlite(int ms)
        {
            Thread.Sleep(ms);
            return ms;
        }
    }
}
