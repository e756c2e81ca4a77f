using System.CommandLine;

namespace NonBlocking.Tool
{
    /// <summary>
    /// <c>nonblocking weave</c>, <c>nonblocking analyze</c> and <c>nonblocking report</c>. Exit codes: 0 done (warnings allowed),
    /// 1 an NB error (bad input, a failed weave, or analysis findings at <c>--level error</c>), 2 bad usage.
    /// </summary>
    public static class Program
    {
        public const int Ok = 0, Failed = 1, Usage = 2;

        public static int Main(string[] args)
        {
            var root = new RootCommand("NonBlocking: make a .NET assembly report when its async code blocks its thread.")
            {
                WeaveCommand.Create(),
                AnalyzeCommand.Create(),
                Report.ReportCommand.Create(),
            };
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) System.Console.Error.WriteLine("nonblocking: " + error.Message);
                System.Console.Error.WriteLine("Run 'nonblocking --help' for usage.");
                return Usage;
            }
            return parsed.Invoke();
        }
    }
}
