extern alias plain;
extern alias woven;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace NonBlocking.Bench.Micro
{
    /// <summary>
    /// Cases (a)–(f), each unwoven (the baseline of its category) and woven, in one run. Times are per call of
    /// the measured method: each benchmark loops <see cref="Calls"/> times inside the workload assembly.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class CaseBenchmarks
    {
        public const int Calls = 1000;
        public const int YieldCalls = 100;
        public const int QueryCalls = 100;

        private readonly plain::NonBlocking.Bench.Workload.Cases _plain = new plain::NonBlocking.Bench.Workload.Cases();
        private readonly woven::NonBlocking.Bench.Workload.Cases _woven = new woven::NonBlocking.Bench.Workload.Cases();

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("a: async Task, completes synchronously")]
        public Task A_Unwoven() => _plain.LoopCompletesSync(Calls);

        [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("a: async Task, completes synchronously")]
        public Task A_Woven() => _woven.LoopCompletesSync(Calls);

        private readonly SingleThreadPump _pump = new SingleThreadPump();
        private static bool _warmed;

        /// <summary>
        /// Runs both copies of (b), interleaved, before anything is measured. Code the two copies share there — the
        /// pump, the task continuation machinery — is compiled at tier 1 with a profile of whatever ran first; run
        /// one copy alone first and the other meets a guarded devirtualization that guesses wrong (3–5 ns on
        /// whichever copy was measured second). The other cases share no code between the copies.
        /// </summary>
        [GlobalSetup(Targets = new[] { nameof(B_Unwoven), nameof(B_Woven) })]
        public void WarmBothCopiesOfB()
        {
            if (_warmed) return;
            _warmed = true;
            var until = System.Diagnostics.Stopwatch.StartNew();
            while (until.ElapsedMilliseconds < 2000)
            {
                B_Unwoven();
                B_Woven();
            }
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = YieldCalls), BenchmarkCategory("b: async Task, awaits Task.Yield() once (single-thread pump)")]
        public void B_Unwoven() => _pump.Run(() => _plain.LoopYieldOnce(YieldCalls));

        [Benchmark(OperationsPerInvoke = YieldCalls), BenchmarkCategory("b: async Task, awaits Task.Yield() once (single-thread pump)")]
        public void B_Woven() => _pump.Run(() => _woven.LoopYieldOnce(YieldCalls));

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("c: async ValueTask<int>, completes synchronously")]
        public Task<int> C_Unwoven() => _plain.LoopValueSync(Calls);

        [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("c: async ValueTask<int>, completes synchronously")]
        public Task<int> C_Woven() => _woven.LoopValueSync(Calls);

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("d: Task.Result on a completed task (catalogued)")]
        public int D_Unwoven() => _plain.LoopResultOfCompleted(Calls);

        [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("d: Task.Result on a completed task (catalogued)")]
        public int D_Woven() => _woven.LoopResultOfCompleted(Calls);

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("e: a library's sync call with an async twin (counterpart rule)")]
        public int E_Unwoven() => _plain.LoopLibraryGet(Calls);

        [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("e: a library's sync call with an async twin (counterpart rule)")]
        public int E_Woven() => _woven.LoopLibraryGet(Calls);

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("f: await of a library's async call that completes synchronously")]
        public Task<int> F_Unwoven() => _plain.LoopLibraryGetAsync(Calls);

        [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("f: await of a library's async call that completes synchronously")]
        public Task<int> F_Woven() => _woven.LoopLibraryGetAsync(Calls);

        private string? _database;

        /// <summary>(g)'s SQLite file and query, made once; both copies run the same command.</summary>
        [GlobalSetup(Targets = new[] { nameof(G_Unwoven), nameof(G_Woven) })]
        public void OpenDatabase()
        {
            if (_database != null) return;
            _database = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nonblocking-bench-" + System.Environment.ProcessId + ".db");
            System.IO.File.Delete(_database);
            plain::NonBlocking.Bench.Workload.Cases.CreateDatabase(_database);
            var query = plain::NonBlocking.Bench.Workload.Cases.OpenQuery(_database);
            _plain.UseQuery(query);
            _woven.UseQuery(query);
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = QueryCalls), BenchmarkCategory("g: a SQLite query on a file, with an async twin (catalogued)")]
        public long G_Unwoven() => _plain.LoopQuery(QueryCalls);

        [Benchmark(OperationsPerInvoke = QueryCalls), BenchmarkCategory("g: a SQLite query on a file, with an async twin (catalogued)")]
        public long G_Woven() => _woven.LoopQuery(QueryCalls);
    }
}
