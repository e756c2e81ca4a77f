using BenchmarkDotNet.Attributes;
using NonBlocking.Instrumentation;

namespace NonBlocking.Bench.Micro
{
    /// <summary>The raw probe pairs woven code runs, per pair, against a loop that does the same work without them.</summary>
    [MemoryDiagnoser]
    public class ProbeBenchmarks
    {
        private const int Pairs = 1000;
        private static readonly WovenModule Module = WovenModule.Register("NonBlocking.Bench.Micro", 100, false);
        private static readonly AsyncSite Segment = new AsyncSite(Module, "Bench.Segment()", "");
        private static readonly BlockingSite Call = new BlockingSite(Module, "Task.Result", "Bench.Call()", "", 0, "await");
        private int _state = System.Environment.ProcessorCount > 0 ? 0 : 1;

        [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
        public int Empty_loop()
        {
            int sum = 0;
            for (int i = 0; i < Pairs; i++) sum += _state;
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Pairs)]
        public int Enter_exit_pair()
        {
            int sum = 0;
            for (int i = 0; i < Pairs; i++)
            {
                long start = Probe.Enter(Segment, _state);
                sum += _state;
                Probe.Exit(start, Segment, _state, -1);
            }
            return sum;
        }

        [Benchmark(OperationsPerInvoke = Pairs)]
        public int Blocking_start_end_pair()
        {
            int sum = 0;
            for (int i = 0; i < Pairs; i++)
            {
                long start = Probe.BlockingStart(Call);
                sum += _state;
                Probe.BlockingEnd(start, Call);
            }
            return sum;
        }
    }
}
