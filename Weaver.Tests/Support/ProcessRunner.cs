using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;

namespace NonBlocking.Tests.Support
{
    /// <summary>Runs a child process (dotnet build, a sample app) with a clean environment and a time limit.</summary>
    internal static class ProcessRunner
    {
        public sealed record Result(int ExitCode, string StdOut, string StdErr)
        {
            public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
        }

        public static Result Run(string file, IEnumerable<string> args, string workingDirectory,
            IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
        {
            var start = new ProcessStartInfo(file)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in args) start.ArgumentList.Add(a);
            // The test host may carry MSBuild variables from the outer `dotnet test`; a nested build must not see them.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("NONBLOCKING_", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(key);
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            // The SDK's default, which this machine's environment (and many CI images) turns off: with the compiler
            // server the end-to-end tests' ~60 nested builds share one warm compiler instead of each starting csc
            // (about 3–4 s of wall time per compile here), and the analyzer runs where it runs for most users.
            start.Environment["UseSharedCompilation"] = "true";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            if (environment != null)
                foreach (var (k, v) in environment)
                    if (v == null) start.Environment.Remove(k); else start.Environment[k] = v;

            using var process = new Process { StartInfo = start };
            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (stdout) stdout.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) stderr.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(5)).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{file} {string.Join(" ", args)} did not finish in time\n{stdout}\n{stderr}");
            }
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
        }
    }
}
