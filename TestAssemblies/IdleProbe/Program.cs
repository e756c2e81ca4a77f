using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace IdleProbe
{
    /// <summary>
    /// Run woven, as its own process: one segment, then quiet long enough for the clock's ticker to go idle
    /// (printed), then a 300 ms blocking segment whose report must still carry the right duration, then a segment
    /// that blocks long enough for the ticker to go idle while it runs (its end must see fresh time).
    /// </summary>
    public static class Program
    {
        public static int Main()
        {
            Segment(0).Wait();
            Console.WriteLine("idle=" + IdleAfter(3500));
            Segment(300).Wait();
            Segment(2600).Wait();
            Console.WriteLine("done");
            return 0;
        }

        /// <summary>Not instrumented, so its sleep's end does not wake the clock before we look.</summary>
        [NonBlocking.AllowBlocking("the probe must look at the clock before any probe runs")]
        private static bool IdleAfter(int ms)
        {
            Thread.Sleep(ms);
            var clock = typeof(NonBlocking.AllowBlockingAttribute).Assembly.GetType("NonBlocking.Instrumentation.CoarseClock", true)!;
            return (bool)clock.GetProperty("Idle", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        }

        private static async Task Segment(int ms)
        {
            if (ms > 0) Thread.Sleep(ms);
            await Task.Yield();
        }
    }
}
