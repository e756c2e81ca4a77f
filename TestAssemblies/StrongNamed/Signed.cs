using System.Threading.Tasks;

namespace StrongNamed
{
    public static class Signed
    {
        public static async Task<int> AddLaterAsync(int a, int b)
        {
            await Task.Yield();
            return a + b;
        }
    }
}
