using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NonBlocking.Weaver.Analyse.Flags
{
    /// <summary>
    /// Which "async" instructions (awaits, or calls that start an operation, as <see cref="ModeSwitches"/> counts them)
    /// one side of a branch reaches that the other does not, without walking the code both sides share. Walking all each
    /// side reaches, for every branch, was quadratic in the method: 1,000 <c>if (flag) await …; else …;</c> in one method
    /// took 7 s, 2,000 took 29 s. Over the body's basic blocks, indexed once: the two sides are walked together, in the
    /// order of the blocks' strongly connected components (each after every block that reaches it), up to the first block
    /// both reach, J (where an if and its else join). Everything J reaches, both sides reach; so a side's own async code
    /// is in its region (what it reaches without entering J) and not in the other's, nor reachable from J — which the
    /// components' numbering rules out for a block J cannot reach back to; an async block past J it cannot tell about
    /// (rare: a side that jumps over the join into code J also runs), and a side that can come back to the branch (a loop
    /// around it; the rule's walk stops at the branch), get no answer here: the caller walks both sides as before.
    /// </summary>
    internal sealed class SideReach
    {
        private static readonly ConditionalWeakTable<MethodBody, SideReach> Indexes = new ConditionalWeakTable<MethodBody, SideReach>();

        private readonly int _size;
        private readonly Dictionary<Instruction, int> _blockOf = new Dictionary<Instruction, int>();
        private readonly int[][] _successors = Array.Empty<int[]>();
        private readonly bool[] _async = Array.Empty<bool>();
        // Tarjan's numbering: a component is numbered after every component it reaches.
        private readonly int[] _componentOf = Array.Empty<int>();

        private SideReach(MethodBody body, Func<Instruction, bool> isAsync)
        {
            var instructions = body.Instructions;
            _size = instructions.Count;
            if (_size == 0) return;

            // Blocks: a leader starts each; whatever ends in a branch, return or throw ends one.
            var leaders = Il.BlockStarts(body);
            var lasts = new List<Instruction>();
            var asyncBlocks = new List<bool>();
            int block = -1;
            foreach (var ins in instructions)
            {
                if (block < 0 || leaders.Contains(ins))
                {
                    block++;
                    lasts.Add(ins);
                    asyncBlocks.Add(false);
                }
                _blockOf[ins] = block;
                lasts[block] = ins;
                if (isAsync(ins)) asyncBlocks[block] = true;
            }
            int blocks = lasts.Count;
            _async = asyncBlocks.ToArray();
            _successors = new int[blocks][];
            for (int b = 0; b < blocks; b++)
            {
                var list = new List<int>();
                foreach (var next in Il.Successors(lasts[b]))
                    if (_blockOf.TryGetValue(next, out int target)) list.Add(target);
                _successors[b] = list.ToArray();
            }
            _componentOf = StronglyConnected(_successors);
        }

        /// <summary>
        /// For a conditional branch: whether the code reached from where it jumps has an async instruction the code
        /// reached from where it falls through lacks, and the other way round; false when this cannot tell (then the caller
        /// walks both sides itself).
        /// </summary>
        public static bool TryCompare(MethodDefinition method, Instruction branch, Instruction jumped, Instruction? fallen,
            Func<Instruction, bool> isAsync, out bool jumpedAsync, out bool fallenAsync)
        {
            jumpedAsync = fallenAsync = false;
            var body = method.Body;
            var index = Indexes.GetValue(body, b => new SideReach(b, isAsync));
            if (index._size != body.Instructions.Count) index = new SideReach(body, isAsync);
            return index.Compare(branch, jumped, fallen, ref jumpedAsync, ref fallenAsync);
        }

        private bool Compare(Instruction branch, Instruction jumped, Instruction? fallen, ref bool jumpedAsync, ref bool fallenAsync)
        {
            if (fallen == null || !_blockOf.TryGetValue(branch, out int from) || !_blockOf.TryGetValue(jumped, out int a) ||
                !_blockOf.TryGetValue(fallen, out int b)) return false;
            int own = _componentOf[from];
            if (_componentOf[a] == own || _componentOf[b] == own) return false;
            int join = Join(a, b);
            var regionA = Region(a, join);
            var regionB = Region(b, join);
            bool? OwnAsync(HashSet<int> mine, HashSet<int> other)
            {
                bool unsure = false;
                foreach (int x in mine)
                {
                    if (!_async[x] || other.Contains(x)) continue;
                    if (join < 0 || _componentOf[x] > _componentOf[join]) return true;
                    // In J's component, J reaches it; in a later one, J may: not told here.
                    if (_componentOf[x] < _componentOf[join]) unsure = true;
                }
                return unsure ? null : (bool?)false;
            }
            if (!(OwnAsync(regionA, regionB) is bool onA) || !(OwnAsync(regionB, regionA) is bool onB)) return false;
            jumpedAsync = onA;
            fallenAsync = onB;
            return true;
        }

        /// <summary>
        /// The first block both <paramref name="a"/> and <paramref name="b"/> reach, taking blocks in the components' order
        /// (a block after all that reach it, in the same component or not); -1 when the two never meet.
        /// </summary>
        private int Join(int a, int b)
        {
            int count = _successors.Length;
            var marks = new Dictionary<int, int> { [a] = 1 };
            marks[b] = marks.TryGetValue(b, out int m) ? m | 2 : 2;
            // Largest component first; the block number tells apart blocks of one component.
            long Key(int block) => (long)_componentOf[block] * count + block;
            var pending = new SortedSet<long> { Key(a), Key(b) };
            while (pending.Count > 0)
            {
                long top = pending.Max;
                pending.Remove(top);
                int block = (int)(top % count);
                int mark = marks[block];
                if (mark == 3) return block;
                foreach (int next in _successors[block])
                {
                    int had = marks.TryGetValue(next, out int seen) ? seen : 0;
                    if ((had | mark) == had) continue;
                    marks[next] = had | mark;
                    pending.Add(Key(next));
                }
            }
            return -1;
        }

        /// <summary>The blocks reachable from <paramref name="start"/> without entering <paramref name="join"/> (-1: none).</summary>
        private HashSet<int> Region(int start, int join)
        {
            var seen = new HashSet<int>();
            if (start == join) return seen;
            var pending = new Stack<int>();
            seen.Add(start);
            pending.Push(start);
            while (pending.Count > 0)
                foreach (int next in _successors[pending.Pop()])
                    if (next != join && seen.Add(next)) pending.Push(next);
            return seen;
        }

        /// <summary>Tarjan's strongly connected components, without recursion (a body may have tens of thousands of blocks).</summary>
        private static int[] StronglyConnected(int[][] successors)
        {
            int count = successors.Length, next = 0, components = 0;
            var order = new int[count];
            var low = new int[count];
            var componentOf = new int[count];
            for (int i = 0; i < count; i++) { order[i] = -1; componentOf[i] = -1; }
            var stack = new Stack<int>();
            var onStack = new bool[count];
            var calls = new Stack<(int Node, int Edge)>();
            for (int root = 0; root < count; root++)
            {
                if (order[root] >= 0) continue;
                calls.Push((root, 0));
                order[root] = low[root] = next++;
                stack.Push(root);
                onStack[root] = true;
                while (calls.Count > 0)
                {
                    var (node, edge) = calls.Pop();
                    if (edge < successors[node].Length)
                    {
                        calls.Push((node, edge + 1));
                        int child = successors[node][edge];
                        if (order[child] < 0)
                        {
                            order[child] = low[child] = next++;
                            stack.Push(child);
                            onStack[child] = true;
                            calls.Push((child, 0));
                        }
                        else if (onStack[child]) low[node] = Math.Min(low[node], order[child]);
                        continue;
                    }
                    if (low[node] == order[node])
                    {
                        int member;
                        do
                        {
                            member = stack.Pop();
                            onStack[member] = false;
                            componentOf[member] = components;
                        } while (member != node);
                        components++;
                    }
                    if (calls.Count > 0)
                    {
                        int parent = calls.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[node]);
                    }
                }
            }
            return componentOf;
        }
    }
}
