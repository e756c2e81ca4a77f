using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>Async calls that complete synchronously: the path on which the probe must cost no allocation.</summary>
    public static class Hot
    {
        public static async ValueTask<int> AddAsync(int a, int b) => a + b;

        public static async ValueTask<int> ChainAsync(int n)
        {
            int sum = 0;
            for (int i = 0; i < n; i++) sum += await AddAsync(i, 1);
            return sum;
        }

        public static int Loop(int calls)
        {
            int total = 0;
            for (int i = 0; i < calls; i++) total += ChainAsync(3).Result; // completed synchronously: no blocking
            return total;
        }
    }
}
