using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace NonBlocking.Bench.Workload
{
    /// <summary>
    /// The measured code. Compiled twice from this one file: Workload.Plain as is, Workload.Woven through the
    /// NonBlocking.Weaver package, so the two differ only by weaving. Each driver loops <c>n</c> times so its own
    /// (woven) cost is spread over the calls it makes.
    /// </summary>
    public sealed class Cases
    {
        private static readonly Task<int> Completed = Task.FromResult(42);
        private static readonly Vendor.Store Store = new Vendor.Store();
        /// <summary>Never set: keeps the awaits in (a) and (c) from being optimised away without taking them.</summary>
        public bool Never { get; set; }
        private int _counter;

        /// <summary>(a) An async Task method that completes synchronously.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public async Task CompletesSync()
        {
            if (Never) await Task.Yield();
            _counter++;
        }

        /// <summary>(b) An async method that really suspends once.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public async Task YieldOnce()
        {
            await Task.Yield();
            _counter++;
        }

        /// <summary>(c) An async ValueTask&lt;int&gt; that completes synchronously.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public async ValueTask<int> ValueSync()
        {
            if (Never) await Task.Yield();
            return ++_counter;
        }

        /// <summary>(d) A catalogued blocking API (Task.Result) that returns at once.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int ResultOfCompleted() => Completed.Result;

        /// <summary>(e) A library's sync API with an async twin (the async-counterpart rule), that returns at once.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int LibraryGet(int key) => Store.Get(key);

        /// <summary>
        /// (f) Awaits of a library's async call that completes synchronously at once (a cache hit): each call is timed as
        /// an async call into another assembly; the loop's own segment is spread over the calls.
        /// </summary>
        public async Task<int> LoopLibraryGetAsync(int n)
        {
            int sum = 0;
            for (int i = 0; i < n; i++) sum += await Store.GetValueAsync(i);
            return sum;
        }

        public async Task LoopCompletesSync(int n)
        {
            for (int i = 0; i < n; i++) await CompletesSync();
        }

        public async Task LoopYieldOnce(int n)
        {
            for (int i = 0; i < n; i++) await YieldOnce();
        }

        public async Task<int> LoopValueSync(int n)
        {
            int sum = 0;
            for (int i = 0; i < n; i++) sum += await ValueSync();
            return sum;
        }

        public int LoopResultOfCompleted(int n)
        {
            int sum = 0;
            for (int i = 0; i < n; i++) sum += ResultOfCompleted();
            return sum;
        }

        public int LoopLibraryGet(int n)
        {
            int sum = 0;
            for (int i = 0; i < n; i++) sum += LibraryGet(i);
            return sum;
        }

        private SqliteCommand? _query;

        /// <summary>
        /// (g)'s query: a connection to a SQLite file database that <see cref="CreateDatabase"/> made, and a command
        /// reading one row by key (prepared once, on its first run). Both copies run the one command, so they differ by
        /// the probe alone, not by a connection's state.
        /// </summary>
        public static SqliteCommand OpenQuery(string path)
        {
            var connection = new SqliteConnection("Data Source=" + path);
            connection.Open();
            var query = connection.CreateCommand();
            query.CommandText = "SELECT v FROM kv WHERE k = $k";
            query.Parameters.AddWithValue("$k", 7L);
            return query;
        }

        public void UseQuery(SqliteCommand query) => _query = query;

        /// <summary>(g) A real I/O call with an async twin: a SQLite query on a file (DbCommand.ExecuteScalar; ExecuteScalarAsync beside it).</summary>
        public long LoopQuery(int n)
        {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += (long)_query!.ExecuteScalar()!;
            return sum;
        }

        /// <summary>(g)'s database: one table of 100 rows in a file.</summary>
        public static void CreateDatabase(string path)
        {
            using var connection = new SqliteConnection("Data Source=" + path);
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE kv (k INTEGER PRIMARY KEY, v INTEGER NOT NULL);" +
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO kv SELECT i, i * 3 FROM n;";
            create.ExecuteNonQuery();
        }
    }
}
