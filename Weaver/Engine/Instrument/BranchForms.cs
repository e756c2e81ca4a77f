using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Instrument
{
    /// <summary>
    /// Branch encodings around an insertion. Probes lengthen a body, so a short branch (one signed byte of offset) may
    /// no longer reach its target: <see cref="Widen"/> gives every branch the long form first, and <see cref="Narrow"/>
    /// gives the short form back where it fits. Cecil's SimplifyMacros/OptimizeMacros do this for every macro opcode
    /// and recompute all offsets after each branch they shorten, which took a fifth of the time spent instrumenting;
    /// the other macros (ldloc.0, ldc.i4.s, …) keep their places and sizes, so only branches need the round trip.
    /// </summary>
    internal static class BranchForms
    {
        public static void Widen(MethodBody body)
        {
            foreach (var ins in body.Instructions)
                if (ins.OpCode.OperandType == OperandType.ShortInlineBrTarget) ins.OpCode = Long(ins.OpCode.Code);
        }

        /// <summary>
        /// One pass over offsets computed with every branch long. Shortening a branch only brings other branches
        /// closer to their targets (or leaves them as far), so a branch that fits here still fits once others shrink.
        /// </summary>
        public static void Narrow(MethodBody body)
        {
            var instructions = body.Instructions;
            int offset = 0;
            foreach (var ins in instructions)
            {
                ins.Offset = offset;
                offset += ins.GetSize();
            }
            foreach (var ins in instructions)
            {
                if (ins.OpCode.OperandType != OperandType.InlineBrTarget) continue;
                // Counted from the end of the instruction, 2 bytes long once short; a target after it moves 3 bytes closer.
                int target = ((Instruction)ins.Operand).Offset;
                int distance = (target > ins.Offset ? target - 3 : target) - (ins.Offset + 2);
                if (distance >= sbyte.MinValue && distance <= sbyte.MaxValue) ins.OpCode = Short(ins.OpCode.Code);
            }
        }

        private static OpCode Long(Code code)
        {
            switch (code)
            {
                case Code.Br_S: return OpCodes.Br;
                case Code.Brfalse_S: return OpCodes.Brfalse;
                case Code.Brtrue_S: return OpCodes.Brtrue;
                case Code.Beq_S: return OpCodes.Beq;
                case Code.Bge_S: return OpCodes.Bge;
                case Code.Bgt_S: return OpCodes.Bgt;
                case Code.Ble_S: return OpCodes.Ble;
                case Code.Blt_S: return OpCodes.Blt;
                case Code.Bne_Un_S: return OpCodes.Bne_Un;
                case Code.Bge_Un_S: return OpCodes.Bge_Un;
                case Code.Bgt_Un_S: return OpCodes.Bgt_Un;
                case Code.Ble_Un_S: return OpCodes.Ble_Un;
                case Code.Blt_Un_S: return OpCodes.Blt_Un;
                case Code.Leave_S: return OpCodes.Leave;
                default: throw new System.ArgumentOutOfRangeException(nameof(code), code, "a short branch");
            }
        }

        private static OpCode Short(Code code)
        {
            switch (code)
            {
                case Code.Br: return OpCodes.Br_S;
                case Code.Brfalse: return OpCodes.Brfalse_S;
                case Code.Brtrue: return OpCodes.Brtrue_S;
                case Code.Beq: return OpCodes.Beq_S;
                case Code.Bge: return OpCodes.Bge_S;
                case Code.Bgt: return OpCodes.Bgt_S;
                case Code.Ble: return OpCodes.Ble_S;
                case Code.Blt: return OpCodes.Blt_S;
                case Code.Bne_Un: return OpCodes.Bne_Un_S;
                case Code.Bge_Un: return OpCodes.Bge_Un_S;
                case Code.Bgt_Un: return OpCodes.Bgt_Un_S;
                case Code.Ble_Un: return OpCodes.Ble_Un_S;
                case Code.Blt_Un: return OpCodes.Blt_Un_S;
                case Code.Leave: return OpCodes.Leave_S;
                default: throw new System.ArgumentOutOfRangeException(nameof(code), code, "a long branch");
            }
        }
    }
}
