using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace IdleProbe
{
    /// <summary>
    /// Run woven, as its own process: one segment, then quiet long enough for the clock's ticker to go idle
    /// (printed), then a 300 ms blocking segment whose report must still carry the right duration.
    /// </summary>
    public static class Program
    {
        public static int Main()
        {
            Segment(0).Wait();
            Thread.Sleep(3500);
            var clock = typeof(NonBlocking.AllowBlockingAttribute).Assembly.GetType("NonBlocking.Instrumentation.CoarseClock", true)!;
            Console.WriteLine("idle=" + clock.GetField("_idle", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null));
            Segment(300).Wait();
            Console.WriteLine("done");
            return 0;
        }

        private static async Task Segment(int ms)
        {
            if (ms > 0) Thread.Sleep(ms);
            await Task.Yield();
        }
    }
}
