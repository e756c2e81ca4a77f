using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// The instructions of a method that can run under a flag context: a branch on a known flag
    /// (<c>if (async) … else …</c>, the ternary, <c>if (!async) return s.Read(…);</c>) follows one side only, and a
    /// branch on an undecided mode value follows its async side (<see cref="ModeSwitches"/>), and a test of whether
    /// <c>this</c> is exactly its class, in a class with no subclass, its holding side (<see cref="ExactTypeTests"/>).
    /// </summary>
    internal static class LiveCode
    {
        /// <summary>The live instructions, or null when the context decides no branch (everything can run).</summary>
        public static HashSet<Instruction>? Of(MethodDefinition method, FlagContext context, FlagReader flags)
        {
            if (!method.HasBody || method.Body.Instructions.Count == 0) return null;
            if (!context.KnowsFlags && !ModeSwitches.Any(method) && !ExactTypeTests.Any(method)) return null;
            var body = method.Body;
            var live = new HashSet<Instruction>();
            var pending = new Stack<Instruction>();
            bool pruned = false;

            void Reach(Instruction? ins)
            {
                if (ins != null && live.Add(ins)) pending.Push(ins);
            }

            Reach(body.Instructions[0]);
            bool more = true;
            while (more)
            {
                while (pending.Count > 0)
                {
                    var ins = pending.Pop();
                    switch (ins.OpCode.FlowControl)
                    {
                        case FlowControl.Branch:
                            Reach(ins.Operand as Instruction);
                            break;
                        case FlowControl.Cond_Branch:
                            if (ins.Operand is Instruction[] cases)
                            {
                                foreach (var target in cases) Reach(target);
                                Reach(ins.Next);
                                break;
                            }
                            bool? taken = Taken(method, context, ins, flags);
                            if (taken != null) pruned = true;
                            if (taken != true) Reach(ins.Next);
                            if (taken != false) Reach(ins.Operand as Instruction);
                            break;
                        case FlowControl.Return:
                        case FlowControl.Throw:
                            break;
                        default:
                            Reach(ConstantBranchTarget(method, ins) ?? ins.Next);
                            break;
                    }
                }
                // A handler runs when its protected block can: reach it once the block's first instruction is live.
                more = false;
                foreach (var handler in body.ExceptionHandlers)
                {
                    if (!live.Contains(handler.TryStart)) continue;
                    foreach (var start in new[] { handler.HandlerStart, handler.FilterStart })
                        if (start != null && !live.Contains(start))
                        {
                            Reach(start);
                            more = true;
                        }
                }
            }
            return pruned ? live : null;
        }

        /// <summary>
        /// Where a constant goes when a Debug build stores it into a temporary and branches on it at once: its <c>a &amp;&amp; b</c>
        /// is <c>a; brfalse L; b; br M; L: ldc.i4.0; M: stloc t; ldloc t; brfalse X</c>, so once <c>a</c> is known false
        /// the constant's branch is known too (a Release build branches on <c>a</c> to X itself). Null for anything else.
        /// </summary>
        public static Instruction? ConstantBranchTarget(MethodDefinition method, Instruction ins)
        {
            if (!(Il.Int32Constant(ins) is int constant)) return null;
            var store = ins.Next;
            var load = store?.Next;
            var branch = load?.Next;
            if (store == null || load == null || branch == null || !Il.IsStloc(store.OpCode.Code) || !Il.IsLdloc(load.OpCode.Code) ||
                Receivers.Local(method, store) != Receivers.Local(method, load) || !(branch.Operand is Instruction target)) return null;
            if (!(BranchConditions.JumpsWhen(branch) is bool onTrue)) return null;
            return (constant != 0) == onTrue ? target : branch.Next;
        }

        /// <summary>Whether a brtrue/brfalse on a known flag, or a comparison of a known int flag with zero, jumps; null when it is not decided.</summary>
        private static bool? Taken(MethodDefinition method, FlagContext context, Instruction branch, FlagReader flags)
        {
            if (BranchConditions.JumpsWhen(branch) is bool onTrue)
            {
                var producer = BranchConditions.Tested(method, branch, out bool negated);
                if (producer != null && flags.Value(method, context, producer) is bool value) return onTrue ^ negated ? value : !value;
            }
            else if (flags.ComparisonJumps(method, context, branch) is bool jumps) return jumps;
            return ModeSwitches.AsyncSideTaken(method, branch);
        }
    }
}
