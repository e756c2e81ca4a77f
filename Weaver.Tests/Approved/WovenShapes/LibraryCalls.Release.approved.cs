using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <AwaitAll>d__0 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncTaskMethodBuilder<int> <>t__builder;

	public Stream stream;

	public byte[] buffer;

	private int <read>5__2;

	private TaskAwaiter <>u__1;

	private ConfiguredTaskAwaitable<int>.ConfiguredTaskAwaiter <>u__2;

	private ValueTaskAwaiter <>u__3;

	private int <>7__wrap2;

	private ValueTaskAwaiter<int> <>u__4;

	private YieldAwaitable.YieldAwaiter <>u__5;

	private void MoveNext()
	{
		int entryState = <>1__state;
		long start = Probe.Enter(<NonBlocking>Sites.S1, entryState);
		int num2;
		try
		{
			int num = <>1__state;
			int result2;
			try
			{
				TaskAwaiter awaiter5;
				ConfiguredTaskAwaitable<int>.ConfiguredTaskAwaiter awaiter4;
				ValueTaskAwaiter awaiter3;
				ValueTaskAwaiter<int> awaiter2;
				YieldAwaitable.YieldAwaiter awaiter;
				Stream stream2;
				byte[] array2;
				int count2;
				Stream stream3;
				Memory<byte> memory;
				int result;
				Stream stream4;
				ReadOnlyMemory<byte> readOnlyMemory;
				switch (num)
				{
				default:
				{
					Stream stream = this.stream;
					byte[] array = buffer;
					int count = buffer.Length;
					awaiter5 = AsyncCalls.TaskEnd(start: Probe.BlockingStart(<NonBlocking>Sites.B1), task: stream.WriteAsync(array, 0, count), site: <NonBlocking>Sites.B1).GetAwaiter();
					if (awaiter5.IsCompleted)
					{
						goto IL_00c0;
					}
					num2 = (<>1__state = (num = 0));
					<>u__1 = awaiter5;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter5, ref this);
					goto end_IL_0019;
				}
				case 0:
					awaiter5 = <>u__1;
					<>u__1 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_00c0;
				case 1:
					awaiter4 = <>u__2;
					<>u__2 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_015a;
				case 2:
					awaiter3 = <>u__3;
					<>u__3 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_0201;
				case 3:
					awaiter2 = <>u__4;
					<>u__4 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_02a7;
				case 4:
					{
						awaiter = <>u__5;
						<>u__5 = default;
						num2 = (<>1__state = (num = -1));
						break;
					}
					IL_02a7:
					result = awaiter2.GetResult();
					<read>5__2 = <>7__wrap2 + result;
					awaiter = Task.Yield().GetAwaiter();
					if (awaiter.IsCompleted)
					{
						break;
					}
					num2 = (<>1__state = (num = 4));
					<>u__5 = awaiter;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
					goto end_IL_0019;
					IL_00c0:
					awaiter5.GetResult();
					stream2 = this.stream;
					array2 = buffer;
					count2 = buffer.Length;
					awaiter4 = AsyncCalls.TaskResultEnd(start: Probe.BlockingStart(<NonBlocking>Sites.B2), task: stream2.ReadAsync(array2, 0, count2), site: <NonBlocking>Sites.B2).ConfigureAwait(continueOnCapturedContext: false).GetAwaiter();
					if (awaiter4.IsCompleted)
					{
						goto IL_015a;
					}
					num2 = (<>1__state = (num = 1));
					<>u__2 = awaiter4;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter4, ref this);
					goto end_IL_0019;
					IL_0201:
					awaiter3.GetResult();
					<>7__wrap2 = <read>5__2;
					stream3 = this.stream;
					memory = buffer.AsMemory();
					awaiter2 = AsyncCalls.ValueTaskResultEnd(start: Probe.BlockingStart(<NonBlocking>Sites.B3), task: stream3.ReadAsync(memory), site: <NonBlocking>Sites.B3).GetAwaiter();
					if (awaiter2.IsCompleted)
					{
						goto IL_02a7;
					}
					num2 = (<>1__state = (num = 3));
					<>u__4 = awaiter2;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter2, ref this);
					goto end_IL_0019;
					IL_015a:
					result = awaiter4.GetResult();
					<read>5__2 = result;
					stream4 = this.stream;
					readOnlyMemory = buffer.AsMemory();
					awaiter3 = AsyncCalls.ValueTaskEnd(start: Probe.BlockingStart(<NonBlocking>Sites.B4), task: stream4.WriteAsync(readOnlyMemory), site: <NonBlocking>Sites.B4).GetAwaiter();
					if (awaiter3.IsCompleted)
					{
						goto IL_0201;
					}
					num2 = (<>1__state = (num = 2));
					<>u__3 = awaiter3;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter3, ref this);
					goto end_IL_0019;
				}
				awaiter.GetResult();
				result2 = <read>5__2;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncTaskMethodBuilder<int> reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_039d;
			}
			num2 = (<>1__state = -2);
			ref AsyncTaskMethodBuilder<int> reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result2);
			goto IL_039d;
			end_IL_0019:;
		}
		catch
		{
			//try-fault
			Probe.Abandon();
			throw;
		}
		Probe.Exit(start, <NonBlocking>Sites.S1, entryState, num2);
		return;
		IL_039d:
		Probe.Abandon();
	}

	void IAsyncStateMachine.MoveNext()
	{
		//ILSpy generated this explicit interface implementation from .override directive in MoveNext
		this.MoveNext();
	}

	[DebuggerHidden]
	private void SetStateMachine(IAsyncStateMachine stateMachine)
	{
		<>t__builder.SetStateMachine(stateMachine);
	}

	void IAsyncStateMachine.SetStateMachine(IAsyncStateMachine stateMachine)
	{
		//ILSpy generated this explicit interface implementation from .override directive in SetStateMachine
		this.SetStateMachine(stateMachine);
	}
}

// ---- IL of MoveNext ----
.method private final hidebysig newslot virtual
	instance void MoveNext () cil managed
{
	.override method instance void [System.Runtime]System.Runtime.CompilerServices.IAsyncStateMachine::MoveNext()
	// Header size: 12
	// Code size: 931 (0x3a3)
	.maxstack 6
	.locals init (
		[0] int32,
		[1] int32,
		[2] valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter,
		[3] int32,
		[4] valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32>,
		[5] valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1<int32>,
		[6] valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter,
		[7] valuetype [System.Runtime]System.Threading.CancellationToken,
		[8] valuetype [System.Runtime]System.Threading.Tasks.ValueTask,
		[9] valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32>,
		[10] valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>,
		[11] valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter,
		[12] valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable,
		[13] class [System.Runtime]System.Exception,
		[14] int64,
		[15] int64,
		[16] int32,
		[17] int32
	)

	IL_0000: ldarg.0
	IL_0001: ldfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
	IL_0006: dup
	IL_0007: stloc.s 16
	IL_0009: stloc.s 17
	IL_000b: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_0010: ldloc.s 16
	IL_0012: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Enter(class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32)
	IL_0017: stloc.s 15
	.try
	{
		IL_0019: ldarg.0
		IL_001a: ldfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
		IL_001f: stloc.0
		.try
		{
			IL_0020: ldloc.0
			IL_0021: switch (IL_00a1, IL_013a, IL_01e1, IL_0287, IL_02fd)

			IL_003a: ldarg.0
			IL_003b: ldfld class [System.Runtime]System.IO.Stream AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'stream'
			IL_0040: ldarg.0
			IL_0041: ldfld uint8[] AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::buffer
			IL_0046: ldc.i4.0
			IL_0047: ldarg.0
			IL_0048: ldfld uint8[] AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::buffer
			IL_004d: ldlen
			IL_004e: conv.i4
			IL_004f: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B1
			IL_0054: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0059: stloc.s 14
			IL_005b: callvirt instance class [System.Runtime]System.Threading.Tasks.Task [System.Runtime]System.IO.Stream::WriteAsync(uint8[], int32, int32)
			IL_0060: ldloc.s 14
			IL_0062: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B1
			IL_0067: call class [System.Runtime]System.Threading.Tasks.Task [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncCalls::TaskEnd(class [System.Runtime]System.Threading.Tasks.Task, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_006c: callvirt instance valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter [System.Runtime]System.Threading.Tasks.Task::GetAwaiter()
			IL_0071: stloc.2
			IL_0072: ldloca.s 2
			IL_0074: call instance bool [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter::get_IsCompleted()
			IL_0079: brtrue.s IL_00c0

			IL_007b: ldarg.0
			IL_007c: ldc.i4.0
			IL_007d: dup
			IL_007e: stloc.0
			IL_007f: dup
			IL_0080: stloc.s 17
			IL_0082: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
			IL_0087: ldarg.0
			IL_0088: ldloc.2
			IL_0089: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__1'
			IL_008e: ldarg.0
			IL_008f: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
			IL_0094: ldloca.s 2
			IL_0096: ldarg.0
			IL_0097: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter, valuetype AsyncShapes.LibraryCalls/'<AwaitAll>d__0'>(!!0&, !!1&)
			IL_009c: leave IL_0384

			IL_00a1: ldarg.0
			IL_00a2: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__1'
			IL_00a7: stloc.2
			IL_00a8: ldarg.0
			IL_00a9: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__1'
			IL_00ae: initobj [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter
			IL_00b4: ldarg.0
			IL_00b5: ldc.i4.m1
			IL_00b6: dup
			IL_00b7: stloc.0
			IL_00b8: dup
			IL_00b9: stloc.s 17
			IL_00bb: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'

			IL_00c0: ldloca.s 2
			IL_00c2: call instance void [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter::GetResult()
			IL_00c7: ldarg.0
			IL_00c8: ldfld class [System.Runtime]System.IO.Stream AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'stream'
			IL_00cd: ldarg.0
			IL_00ce: ldfld uint8[] AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::buffer
			IL_00d3: ldc.i4.0
			IL_00d4: ldarg.0
			IL_00d5: ldfld uint8[] AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::buffer
			IL_00da: ldlen
			IL_00db: conv.i4
			IL_00dc: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00e1: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00e6: stloc.s 14
			IL_00e8: callvirt instance class [System.Runtime]System.Threading.Tasks.Task`1<int32> [System.Runtime]System.IO.Stream::ReadAsync(uint8[], int32, int32)
			IL_00ed: ldloc.s 14
			IL_00ef: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00f4: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncCalls::TaskResultEnd<int32>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00f9: ldc.i4.0
			IL_00fa: callvirt instance valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1<!0> class [System.Runtime]System.Threading.Tasks.Task`1<int32>::ConfigureAwait(bool)
			IL_00ff: stloc.s 5
			IL_0101: ldloca.s 5
			IL_0103: call instance valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<!0> valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1<int32>::GetAwaiter()
			IL_0108: stloc.s 4
			IL_010a: ldloca.s 4
			IL_010c: call instance bool valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32>::get_IsCompleted()
			IL_0111: brtrue.s IL_015a

			IL_0113: ldarg.0
			IL_0114: ldc.i4.1
			IL_0115: dup
			IL_0116: stloc.0
			IL_0117: dup
			IL_0118: stloc.s 17
			IL_011a: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
			IL_011f: ldarg.0
			IL_0120: ldloc.s 4
			IL_0122: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__2'
			IL_0127: ldarg.0
			IL_0128: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
			IL_012d: ldloca.s 4
			IL_012f: ldarg.0
			IL_0130: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32>, valuetype AsyncShapes.LibraryCalls/'<AwaitAll>d__0'>(!!0&, !!1&)
			IL_0135: leave IL_0384

			IL_013a: ldarg.0
			IL_013b: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__2'
			IL_0140: stloc.s 4
			IL_0142: ldarg.0
			IL_0143: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__2'
			IL_0148: initobj valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32>
			IL_014e: ldarg.0
			IL_014f: ldc.i4.m1
			IL_0150: dup
			IL_0151: stloc.0
			IL_0152: dup
			IL_0153: stloc.s 17
			IL_0155: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'

			IL_015a: ldloca.s 4
			IL_015c: call instance !0 valuetype [System.Runtime]System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1/ConfiguredTaskAwaiter<int32>::GetResult()
			IL_0161: stloc.3
			IL_0162: ldarg.0
			IL_0163: ldloc.3
			IL_0164: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<read>5__2'
			IL_0169: ldarg.0
			IL_016a: ldfld class [System.Runtime]System.IO.Stream AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'stream'
			IL_016f: ldarg.0
			IL_0170: ldfld uint8[] AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::buffer
			IL_0175: call valuetype [System.Runtime]System.Memory`1<!!0> [System.Memory]System.MemoryExtensions::AsMemory<uint8>(!!0[])
			IL_017a: call valuetype [System.Runtime]System.ReadOnlyMemory`1<!0> valuetype [System.Runtime]System.Memory`1<uint8>::op_Implicit(valuetype [System.Runtime]System.Memory`1<!0>)
			IL_017f: ldloca.s 7
			IL_0181: initobj [System.Runtime]System.Threading.CancellationToken
			IL_0187: ldloc.s 7
			IL_0189: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B3
			IL_018e: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0193: stloc.s 14
			IL_0195: callvirt instance valuetype [System.Runtime]System.Threading.Tasks.ValueTask [System.Runtime]System.IO.Stream::WriteAsync(valuetype [System.Runtime]System.ReadOnlyMemory`1<uint8>, valuetype [System.Runtime]System.Threading.CancellationToken)
			IL_019a: ldloc.s 14
			IL_019c: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B3
			IL_01a1: call valuetype [System.Runtime]System.Threading.Tasks.ValueTask [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncCalls::ValueTaskEnd(valuetype [System.Runtime]System.Threading.Tasks.ValueTask, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_01a6: stloc.s 8
			IL_01a8: ldloca.s 8
			IL_01aa: call instance valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter [System.Runtime]System.Threading.Tasks.ValueTask::GetAwaiter()
			IL_01af: stloc.s 6
			IL_01b1: ldloca.s 6
			IL_01b3: call instance bool [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter::get_IsCompleted()
			IL_01b8: brtrue.s IL_0201

			IL_01ba: ldarg.0
			IL_01bb: ldc.i4.2
			IL_01bc: dup
			IL_01bd: stloc.0
			IL_01be: dup
			IL_01bf: stloc.s 17
			IL_01c1: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
			IL_01c6: ldarg.0
			IL_01c7: ldloc.s 6
			IL_01c9: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__3'
			IL_01ce: ldarg.0
			IL_01cf: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
			IL_01d4: ldloca.s 6
			IL_01d6: ldarg.0
			IL_01d7: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter, valuetype AsyncShapes.LibraryCalls/'<AwaitAll>d__0'>(!!0&, !!1&)
			IL_01dc: leave IL_0384

			IL_01e1: ldarg.0
			IL_01e2: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__3'
			IL_01e7: stloc.s 6
			IL_01e9: ldarg.0
			IL_01ea: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__3'
			IL_01ef: initobj [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter
			IL_01f5: ldarg.0
			IL_01f6: ldc.i4.m1
			IL_01f7: dup
			IL_01f8: stloc.0
			IL_01f9: dup
			IL_01fa: stloc.s 17
			IL_01fc: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'

			IL_0201: ldloca.s 6
			IL_0203: call instance void [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter::GetResult()
			IL_0208: ldarg.0
			IL_0209: ldarg.0
			IL_020a: ldfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<read>5__2'
			IL_020f: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>7__wrap2'
			IL_0214: ldarg.0
			IL_0215: ldfld class [System.Runtime]System.IO.Stream AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'stream'
			IL_021a: ldarg.0
			IL_021b: ldfld uint8[] AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::buffer
			IL_0220: call valuetype [System.Runtime]System.Memory`1<!!0> [System.Memory]System.MemoryExtensions::AsMemory<uint8>(!!0[])
			IL_0225: ldloca.s 7
			IL_0227: initobj [System.Runtime]System.Threading.CancellationToken
			IL_022d: ldloc.s 7
			IL_022f: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B4
			IL_0234: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0239: stloc.s 14
			IL_023b: callvirt instance valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32> [System.Runtime]System.IO.Stream::ReadAsync(valuetype [System.Runtime]System.Memory`1<uint8>, valuetype [System.Runtime]System.Threading.CancellationToken)
			IL_0240: ldloc.s 14
			IL_0242: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B4
			IL_0247: call valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<!!0> [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncCalls::ValueTaskResultEnd<int32>(valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<!!0>, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_024c: stloc.s 10
			IL_024e: ldloca.s 10
			IL_0250: call instance valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<!0> valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>::GetAwaiter()
			IL_0255: stloc.s 9
			IL_0257: ldloca.s 9
			IL_0259: call instance bool valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32>::get_IsCompleted()
			IL_025e: brtrue.s IL_02a7

			IL_0260: ldarg.0
			IL_0261: ldc.i4.3
			IL_0262: dup
			IL_0263: stloc.0
			IL_0264: dup
			IL_0265: stloc.s 17
			IL_0267: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
			IL_026c: ldarg.0
			IL_026d: ldloc.s 9
			IL_026f: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__4'
			IL_0274: ldarg.0
			IL_0275: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
			IL_027a: ldloca.s 9
			IL_027c: ldarg.0
			IL_027d: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32>, valuetype AsyncShapes.LibraryCalls/'<AwaitAll>d__0'>(!!0&, !!1&)
			IL_0282: leave IL_0384

			IL_0287: ldarg.0
			IL_0288: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__4'
			IL_028d: stloc.s 9
			IL_028f: ldarg.0
			IL_0290: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__4'
			IL_0295: initobj valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32>
			IL_029b: ldarg.0
			IL_029c: ldc.i4.m1
			IL_029d: dup
			IL_029e: stloc.0
			IL_029f: dup
			IL_02a0: stloc.s 17
			IL_02a2: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'

			IL_02a7: ldloca.s 9
			IL_02a9: call instance !0 valuetype [System.Runtime]System.Runtime.CompilerServices.ValueTaskAwaiter`1<int32>::GetResult()
			IL_02ae: stloc.3
			IL_02af: ldarg.0
			IL_02b0: ldarg.0
			IL_02b1: ldfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>7__wrap2'
			IL_02b6: ldloc.3
			IL_02b7: add
			IL_02b8: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<read>5__2'
			IL_02bd: call valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable [System.Runtime]System.Threading.Tasks.Task::Yield()
			IL_02c2: stloc.s 12
			IL_02c4: ldloca.s 12
			IL_02c6: call instance valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable::GetAwaiter()
			IL_02cb: stloc.s 11
			IL_02cd: ldloca.s 11
			IL_02cf: call instance bool [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter::get_IsCompleted()
			IL_02d4: brtrue.s IL_031d

			IL_02d6: ldarg.0
			IL_02d7: ldc.i4.4
			IL_02d8: dup
			IL_02d9: stloc.0
			IL_02da: dup
			IL_02db: stloc.s 17
			IL_02dd: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
			IL_02e2: ldarg.0
			IL_02e3: ldloc.s 11
			IL_02e5: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__5'
			IL_02ea: ldarg.0
			IL_02eb: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
			IL_02f0: ldloca.s 11
			IL_02f2: ldarg.0
			IL_02f3: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter, valuetype AsyncShapes.LibraryCalls/'<AwaitAll>d__0'>(!!0&, !!1&)
			IL_02f8: leave IL_0384

			IL_02fd: ldarg.0
			IL_02fe: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__5'
			IL_0303: stloc.s 11
			IL_0305: ldarg.0
			IL_0306: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>u__5'
			IL_030b: initobj [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter
			IL_0311: ldarg.0
			IL_0312: ldc.i4.m1
			IL_0313: dup
			IL_0314: stloc.0
			IL_0315: dup
			IL_0316: stloc.s 17
			IL_0318: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'

			IL_031d: ldloca.s 11
			IL_031f: call instance void [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter::GetResult()
			IL_0324: ldarg.0
			IL_0325: ldfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<read>5__2'
			IL_032a: stloc.1
			IL_032b: leave.s IL_035b
		} // end .try
		catch [System.Runtime]System.Exception
		{
			IL_032d: stloc.s 13
			IL_032f: ldarg.0
			IL_0330: ldc.i4.s -2
			IL_0332: dup
			IL_0333: stloc.s 17
			IL_0335: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
			IL_033a: ldarg.0
			IL_033b: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
			IL_0340: ldloc.s 13
			IL_0342: ldloc.s 15
			IL_0344: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
			IL_0349: ldloc.s 16
			IL_034b: ldloc.s 17
			IL_034d: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
			IL_0352: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::SetException(class [System.Runtime]System.Exception)
			IL_0357: leave.s IL_039d

			IL_0359: leave.s IL_0384
		} // end handler

		IL_035b: ldarg.0
		IL_035c: ldc.i4.s -2
		IL_035e: dup
		IL_035f: stloc.s 17
		IL_0361: stfld int32 AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>1__state'
		IL_0366: ldarg.0
		IL_0367: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.LibraryCalls/'<AwaitAll>d__0'::'<>t__builder'
		IL_036c: ldloc.1
		IL_036d: ldloc.s 15
		IL_036f: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
		IL_0374: ldloc.s 16
		IL_0376: ldloc.s 17
		IL_0378: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
		IL_037d: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::SetResult(!0)
		IL_0382: leave.s IL_039d

		IL_0384: leave.s IL_038c
	} // end .try
	fault
	{
		IL_0386: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
		IL_038b: endfinally
	} // end handler

	IL_038c: ldloc.s 15
	IL_038e: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_0393: ldloc.s 16
	IL_0395: ldloc.s 17
	IL_0397: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Exit(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
	IL_039c: ret

	IL_039d: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
	IL_03a2: ret
} // end of method '<AwaitAll>d__0'::MoveNext
