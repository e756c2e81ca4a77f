using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NonBlocking.Weaver.Find;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// An async lambda with no await, handed straight to <c>Task.Run</c> or <c>TaskFactory.StartNew</c>: a sync body its
    /// caller offloaded to a pool thread, written async only to return a task (FusionCache's eager refresh,
    /// <c>Task.Run(async () => MaybeExecuteEagerRefreshWithSyncFactory(…))</c>). What it blocks on is the offload NB0002
    /// suggests, as a sync lambda's is: it is no root of the build-time analysis. Its run-time probe stays.
    /// </summary>
    internal static class OffloadedLambdas
    {
        public static List<AsyncMachine> Without(List<AsyncMachine> roots, ModuleDefinition module)
        {
            // Roslyn names a lambda <Outer>b__N_M (a local function <Outer>g__Name|N_M, which a method group can hand on).
            var candidates = new HashSet<MethodDefinition>(roots
                .Where(m => m.Kickoff != null && DisplayName.IsCompilerGenerated(m.Kickoff.Name) &&
                            m.Kickoff.Name.Contains(">b__") && !Awaits(m.MoveNext))
                .Select(m => m.Kickoff!));
            if (candidates.Count == 0) return roots;
            var offloaded = new HashSet<MethodDefinition>(candidates);
            foreach (var type in module.GetTypes())
                foreach (var method in type.Methods)
                {
                    if (!method.HasBody) continue;
                    var instructions = method.Body.Instructions;
                    for (int i = 0; i < instructions.Count; i++)
                    {
                        if (!(instructions[i].Operand is MethodReference target)) continue;
                        var code = instructions[i].OpCode.Code;
                        if (code != Code.Ldftn && code != Code.Call && code != Code.Callvirt && code != Code.Ldvirtftn && code != Code.Newobj) continue;
                        var lambda = target.Resolve();
                        if (lambda == null || !candidates.Contains(lambda)) continue;
                        if (code != Code.Ldftn || !HandedToRun(instructions, i)) offloaded.Remove(lambda);
                    }
                }
            return offloaded.Count == 0 ? roots : roots.Where(m => m.Kickoff == null || !offloaded.Contains(m.Kickoff)).ToList();
        }

        /// <summary>Whether a MoveNext suspends anywhere: every await that does not complete at once goes through the builder.</summary>
        private static bool Awaits(MethodDefinition moveNext) =>
            moveNext.Body.Instructions.Any(i => i.Operand is MethodReference m && (m.Name == "AwaitUnsafeOnCompleted" || m.Name == "AwaitOnCompleted"));

        /// <summary>
        /// <c>ldftn lambda; newobj Func&lt;Task&gt;</c>, the delegate cached (<c>dup; stsfld</c>) or not, then only the
        /// remaining arguments (loads, parameterless getters such as <c>CancellationToken.None</c>) before the call that
        /// takes it first: <c>Task.Run</c> or <c>TaskFactory.StartNew</c>.
        /// </summary>
        private static bool HandedToRun(Mono.Collections.Generic.Collection<Instruction> instructions, int ldftn)
        {
            int i = ldftn + 1;
            if (i >= instructions.Count || instructions[i].OpCode.Code != Code.Newobj) return false;
            i++;
            if (i + 1 < instructions.Count && instructions[i].OpCode.Code == Code.Dup && instructions[i + 1].OpCode.Code == Code.Stsfld) i += 2;
            int pushed = 0;
            for (; i < instructions.Count; i++)
            {
                var ins = instructions[i];
                if (Il.IsPlainLoad(ins.OpCode.Code)) { pushed++; continue; }
                if (ins.OpCode.Code == Code.Ldfld && pushed > 0) continue;
                if (ins.OpCode.Code == Code.Initobj && pushed > 0) { pushed--; continue; } // default(CancellationToken)
                if (!(ins.Operand is MethodReference called) || (ins.OpCode.Code != Code.Call && ins.OpCode.Code != Code.Callvirt)) return false;
                if (called.Name.StartsWith("get_", System.StringComparison.Ordinal) && !called.HasParameters && called.ReturnType.MetadataType != MetadataType.Void)
                {
                    if (!called.HasThis) pushed++;
                    else if (pushed == 0) return false;
                    continue;
                }
                return IsRun(called) && called.Parameters.Count == pushed + 1;
            }
            return false;
        }

        private static bool IsRun(MethodReference called) =>
            called.DeclaringType.Namespace == "System.Threading.Tasks" &&
            (called.Name == "Run" && called.DeclaringType.Name == "Task" || called.Name == "StartNew" && called.DeclaringType.Name.StartsWith("TaskFactory", System.StringComparison.Ordinal)) &&
            called.Parameters.Count > 0 && called.Parameters[0].ParameterType.Name.StartsWith("Func`", System.StringComparison.Ordinal);
    }
}
