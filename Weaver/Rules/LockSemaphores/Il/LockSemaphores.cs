using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse
{
    /// <summary>
    /// A <c>SemaphoreSlim</c> used as a lock is one: a private field made with an initial count of 1 that its class only
    /// ever takes with a sync <c>Wait</c> and gives back with <c>Release</c> in the same sync method (never in an async
    /// or iterator body, never with <c>WaitAsync</c>, never handed out). Its holders hold it only while their sync code
    /// runs, as with <c>lock</c>, whose <c>Monitor.Enter</c> the catalog marks runtime-only: so the build analysis does
    /// not warn about its <c>Wait</c> either (Confluent.SchemaRegistry's <c>RuleRegistry</c> guards its dictionaries so),
    /// and the run-time probe stays to time contention. A semaphore waited on asynchronously anywhere, released
    /// elsewhere than where it is taken, or started at another count (a signal) still warns.
    /// </summary>
    internal static class LockSemaphores
    {
        private const string SemaphoreSlim = "System.Threading.SemaphoreSlim";

        private static readonly ConditionalWeakTable<FieldDefinition, object> Verdicts = new ConditionalWeakTable<FieldDefinition, object>();

        public static bool IsLock(MethodDefinition method, Instruction call, MethodReference target)
        {
            if (target.Name != "Wait" || target.DeclaringType.FullName != SemaphoreSlim || !target.HasThis) return false;
            if (!(Receivers.Producer(method.Body, call, target.Parameters.Count) is Instruction load) ||
                (load.OpCode.Code != Code.Ldfld && load.OpCode.Code != Code.Ldsfld) || !(load.Operand is FieldReference reference)) return false;
            FieldDefinition? field;
            try { field = reference.Resolve(); }
            catch (AssemblyResolutionException) { return false; }
            if (field == null || !field.IsPrivate || field.Module != method.Module || field.FieldType.FullName != SemaphoreSlim) return false;
            return (bool)Verdicts.GetValue(field, f => UsedAsLock(f));
        }

        private static bool UsedAsLock(FieldDefinition field)
        {
            bool made = false;
            foreach (var (method, uses) in PrivateFieldUses.ByMethod(field))
            {
                bool waits = false, releases = false;
                foreach (var ins in uses)
                {
                    switch (ins.OpCode.Code)
                    {
                        case Code.Stfld: case Code.Stsfld:
                            if (!method.IsConstructor || !MadeWithOne(method, ins)) return false;
                            made = true;
                            break;
                        case Code.Ldfld: case Code.Ldsfld:
                            switch (ConsumerOf(method, ins))
                            {
                                case "Wait": waits = true; break;
                                case "Release": releases = true; break;
                                case "Dispose": case "get_CurrentCount": break;
                                default: return false;
                            }
                            break;
                        default:
                            return false; // its address taken, or anything else
                    }
                }
                if ((waits || releases) && IsStateMachineBody(method)) return false;
                if (waits && !releases) return false;
            }
            return made;
        }

        /// <summary>Whether a store puts <c>new SemaphoreSlim(1)</c> or <c>new SemaphoreSlim(1, max)</c> in the field.</summary>
        private static bool MadeWithOne(MethodDefinition method, Instruction store)
        {
            var value = Receivers.Producer(method.Body, store, 0);
            if (value?.OpCode.Code != Code.Newobj || !(value.Operand is MethodReference ctor) || ctor.DeclaringType.FullName != SemaphoreSlim ||
                ctor.Parameters.Count == 0) return false;
            return Receivers.Producer(method.Body, value, ctor.Parameters.Count - 1) is Instruction initial && Il.Int32Constant(initial) == 1;
        }

        /// <summary>The name of the SemaphoreSlim method a load of the field is the receiver of, in the few instructions after it; null otherwise.</summary>
        private static string? ConsumerOf(MethodDefinition method, Instruction load)
        {
            var ins = load.Next;
            for (int step = 0; ins != null && step < 8; step++, ins = ins.Next)
            {
                if (ins.OpCode.FlowControl != FlowControl.Call || !(ins.Operand is MethodReference called)) continue;
                if (called.HasThis && called.DeclaringType.FullName == SemaphoreSlim &&
                    Receivers.Producer(method.Body, ins, called.Parameters.Count) == load)
                    return called.Name;
            }
            return null;
        }

        /// <summary>An async method's or iterator's body: whatever it holds, it may hold across an await or a yield.</summary>
        private static bool IsStateMachineBody(MethodDefinition method)
        {
            if (method.Name != "MoveNext") return false;
            foreach (var attribute in method.DeclaringType.CustomAttributes)
                if (attribute.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute") return true;
            return Find.AsyncMachineFinder.IsAsyncStateMachine(method.DeclaringType);
        }
    }
}
