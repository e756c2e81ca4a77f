using System.Threading;
using System.Threading.Tasks;

namespace NonBlocking.Bench.Vendor
{
    /// <summary>A cache client whose sync Get has an async twin, as library clients do; Get itself returns at once.</summary>
    public sealed class Store
    {
        private readonly int[] _values = { 1, 2, 3, 5, 8, 13, 21, 34 };

        public int Get(int key) => _values[key & 7];

        public Task<int> GetAsync(int key, CancellationToken cancellationToken = default) => Task.FromResult(_values[key & 7]);

        /// <summary>A cache hit the async way: completes synchronously, at once, allocating nothing.</summary>
        public ValueTask<int> GetValueAsync(int key) => new ValueTask<int>(_values[key & 7]);
    }
}
