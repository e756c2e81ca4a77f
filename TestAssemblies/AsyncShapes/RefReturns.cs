using System.Threading;
using System.Threading.Tasks;

namespace AsyncShapes
{
    /// <summary>
    /// A blocking API that returns by reference (catalogued by the test that weaves it): its result cannot pass through
    /// the end probe as a value, so the probe must leave the reference alone.
    /// </summary>
    public static class RefReturns
    {
        private static readonly int[] Cells = new int[4];

        public static ref int CellSync(int index)
        {
            Thread.Sleep(1);
            return ref Cells[index];
        }

        public static async Task<int> BumpAsync(int index)
        {
            await Task.Yield();
            CellSync(index) += 1;
            return CellSync(index);
        }
    }
}
