// The C# port of the asyncio debug-mode script this project grew from (see DESIGN.md, "Why").
// Foo blocks inside an async method; Bar is a plain blocking helper called from async Main;
// Baz offloads its blocking work correctly and must not be reported.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace SeedDemo
{
    public static class Program
    {
        public static async Task Main()
        {
            Console.WriteLine("SeedDemo: start");
            await Foo();
            Bar();
            await Baz();
            Console.WriteLine("SeedDemo: done");
        }

        private static async Task Foo()
        {
            Thread.Sleep(1000);
        }

        private static void Bar()
        {
            Thread.Sleep(1000);
        }

        private static async Task Baz()
        {
            await Task.Run(() => Thread.Sleep(1000));
        }
    }
}
