using System.Threading;
using System.Threading.Tasks;
using NonBlocking;

[assembly: AllowBlocking("the whole assembly is allowed to block")]

namespace OptedOutAssembly
{
    public static class OptedOut
    {
        public static async Task<int> SleepAsync(int ms)
        {
            Thread.Sleep(ms);
            await Task.Yield();
            return ms;
        }
    }
}
