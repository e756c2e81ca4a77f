using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using NonBlocking;

namespace Accuracy
{
    public static class Program
    {
        /// <summary>Not woven ([AllowBlocking]): it waits for the scenario, which is what is measured.</summary>
        [AllowBlocking]
        public static int Main(string[] args)
        {
            var scenarios = typeof(Program).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
                .Select(m => (Method: m, Label: m.GetCustomAttribute<ScenarioAttribute>()))
                .Where(s => s.Label != null).ToList();
            if (args.Length == 1 && args[0] == "--labels")
            {
                Console.WriteLine(JsonSerializer.Serialize(scenarios.Select(s => new
                {
                    name = s.Label!.Name,
                    needs = s.Label.Needs,
                    env = s.Label.Env,
                    expect = s.Method.GetCustomAttributes<ExpectAttribute>().Select(e => new
                    {
                        method = e.Method, kind = e.Kind, from = e.From, to = e.To,
                        minMs = e.MinMs >= 0 ? e.MinMs : Math.Max(0, e.Ms - 20),
                        maxMs = e.MaxMs >= 0 ? e.MaxMs : e.Ms + 250,
                        minSelfMs = e.SelfMs >= 0 ? Math.Max(0, e.SelfMs - 20) : -1,
                        maxSelfMs = e.SelfMs >= 0 ? e.SelfMs + 250 : -1,
                        calls = e.Calls, count = e.Count,
                    }),
                })));
                return 0;
            }
            var chosen = scenarios.Where(s => args.Length == 1 && s.Label!.Name == args[0]).ToList();
            if (chosen.Count != 1)
            {
                Console.Error.WriteLine("usage: AccuracyScenarios <scenario> | --labels");
                return 2;
            }
            ((Task)chosen[0].Method.Invoke(null, null)!).GetAwaiter().GetResult();
            Console.WriteLine("scenario done: " + args[0]);
            return 0;
        }
    }
}
