using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <BlockingCallResults>d__21 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncTaskMethodBuilder<string> <>t__builder;

	private int <i>5__2;

	private string <s>5__3;

	private decimal <d>5__4;

	private (long, string) <pair>5__5;

	private int[] <array>5__6;

	private int? <maybe>5__7;

	private DayOfWeek <day>5__8;

	private bool <waited>5__9;

	private int <fromValueTask>5__10;

	private string <generic>5__11;

	private List<string> <list>5__12;

	private YieldAwaitable.YieldAwaiter <>u__1;

	private TaskAwaiter<string> <>u__2;

	private TaskAwaiter<(int, string)> <>u__3;

	private void MoveNext()
	{
		int entryState = <>1__state;
		long start = Probe.Enter(<NonBlocking>Sites.S1, entryState);
		int num2;
		try
		{
			int num = <>1__state;
			string result3;
			try
			{
				YieldAwaitable.YieldAwaiter awaiter3;
				TaskAwaiter<string> awaiter2;
				TaskAwaiter<(int, string)> awaiter;
				string result;
				Task<int> task;
				Task<string> task2;
				Task<decimal> task3;
				Task<(long, string)> task4;
				Task<int[]> task5;
				Task<int?> task6;
				Task<DayOfWeek> task7;
				ManualResetEventSlim manualResetEventSlim;
				ValueTask<int> valueTask;
				switch (num)
				{
				default:
					awaiter3 = Task.Yield().GetAwaiter();
					if (awaiter3.IsCompleted)
					{
						goto IL_008f;
					}
					num2 = (<>1__state = (num = 0));
					<>u__1 = awaiter3;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter3, ref this);
					goto end_IL_0019;
				case 0:
					awaiter3 = <>u__1;
					<>u__1 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_008f;
				case 1:
					awaiter2 = <>u__2;
					<>u__2 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_029d;
				case 2:
					{
						awaiter = <>u__3;
						<>u__3 = default;
						num2 = (<>1__state = (num = -1));
						break;
					}
					IL_029d:
					result = awaiter2.GetResult();
					<generic>5__11 = result;
					<list>5__12 = ResultOf(Task.FromResult(new List<string> { "l" }));
					awaiter = new Box<(int, string)>((9, "b")).ResultAsync().GetAwaiter();
					if (awaiter.IsCompleted)
					{
						break;
					}
					num2 = (<>1__state = (num = 2));
					<>u__3 = awaiter;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
					goto end_IL_0019;
					IL_008f:
					awaiter3.GetResult();
					task = Task.FromResult(7);
					<i>5__2 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B1), result: task.Result, site: <NonBlocking>Sites.B1);
					task2 = Task.FromResult("seven");
					<s>5__3 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B2), result: task2.Result, site: <NonBlocking>Sites.B2);
					task3 = Task.FromResult(7.5m);
					<d>5__4 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B3), result: task3.Result, site: <NonBlocking>Sites.B3);
					task4 = Task.FromResult((7L, "t"));
					<pair>5__5 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B4), result: task4.Result, site: <NonBlocking>Sites.B4);
					task5 = Task.FromResult(new int[1] { 7 });
					<array>5__6 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B5), result: task5.Result, site: <NonBlocking>Sites.B5);
					task6 = Task.FromResult<int?>(null);
					<maybe>5__7 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B6), result: task6.Result, site: <NonBlocking>Sites.B6);
					task7 = Task.FromResult(DayOfWeek.Sunday);
					<day>5__8 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B7), result: task7.Result, site: <NonBlocking>Sites.B7);
					manualResetEventSlim = new ManualResetEventSlim(initialState: true);
					<waited>5__9 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B8), result: manualResetEventSlim.Wait(0), site: <NonBlocking>Sites.B8);
					valueTask = new ValueTask<int>(8);
					<fromValueTask>5__10 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B9), result: valueTask.Result, site: <NonBlocking>Sites.B9);
					awaiter2 = ResultOfAsync(Task.FromResult("g")).GetAwaiter();
					if (awaiter2.IsCompleted)
					{
						goto IL_029d;
					}
					num2 = (<>1__state = (num = 1));
					<>u__2 = awaiter2;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter2, ref this);
					goto end_IL_0019;
				}
				(int, string) result2 = awaiter.GetResult();
				result3 = $"{<i>5__2},{<s>5__3},{<d>5__4},{<pair>5__5},{<array>5__6[0]},{<maybe>5__7?.ToString() ?? "null"},{<day>5__8},{<waited>5__9},{<fromValueTask>5__10},{<generic>5__11},{<list>5__12[0]},{result2}";
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				<s>5__3 = null;
				<pair>5__5 = default;
				<array>5__6 = null;
				<generic>5__11 = null;
				<list>5__12 = null;
				ref AsyncTaskMethodBuilder<string> reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_055e;
			}
			num2 = (<>1__state = -2);
			<s>5__3 = null;
			<pair>5__5 = default;
			<array>5__6 = null;
			<generic>5__11 = null;
			<list>5__12 = null;
			ref AsyncTaskMethodBuilder<string> reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result3);
			goto IL_055e;
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
		IL_055e:
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
	// Code size: 1380 (0x564)
	.maxstack 6
	.locals init (
		[0] int32,
		[1] string,
		[2] valuetype [System.Runtime]System.ValueTuple`2<int32, string>,
		[3] valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter,
		[4] valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable,
		[5] valuetype [System.Runtime]System.Nullable`1<int32>,
		[6] valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>,
		[7] string,
		[8] valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>,
		[9] valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>,
		[10] valuetype [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler,
		[11] int32,
		[12] class [System.Runtime]System.Exception,
		[13] int64,
		[14] int64,
		[15] int32,
		[16] int32
	)

	IL_0000: ldarg.0
	IL_0001: ldfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
	IL_0006: dup
	IL_0007: stloc.s 15
	IL_0009: stloc.s 16
	IL_000b: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_0010: ldloc.s 15
	IL_0012: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Enter(class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32)
	IL_0017: stloc.s 14
	.try
	{
		IL_0019: ldarg.0
		IL_001a: ldfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
		IL_001f: stloc.0
		.try
		{
			IL_0020: ldloc.0
			IL_0021: switch (IL_0070, IL_027d, IL_031b)

			IL_0032: call valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable [System.Runtime]System.Threading.Tasks.Task::Yield()
			IL_0037: stloc.s 4
			IL_0039: ldloca.s 4
			IL_003b: call instance valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable::GetAwaiter()
			IL_0040: stloc.3
			IL_0041: ldloca.s 3
			IL_0043: call instance bool [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter::get_IsCompleted()
			IL_0048: brtrue.s IL_008f

			IL_004a: ldarg.0
			IL_004b: ldc.i4.0
			IL_004c: dup
			IL_004d: stloc.0
			IL_004e: dup
			IL_004f: stloc.s 16
			IL_0051: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_0056: ldarg.0
			IL_0057: ldloc.3
			IL_0058: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__1'
			IL_005d: ldarg.0
			IL_005e: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_0063: ldloca.s 3
			IL_0065: ldarg.0
			IL_0066: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter, valuetype AsyncShapes.Scenarios/'<BlockingCallResults>d__21'>(!!0&, !!1&)
			IL_006b: leave IL_0545

			IL_0070: ldarg.0
			IL_0071: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__1'
			IL_0076: stloc.3
			IL_0077: ldarg.0
			IL_0078: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__1'
			IL_007d: initobj [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter
			IL_0083: ldarg.0
			IL_0084: ldc.i4.m1
			IL_0085: dup
			IL_0086: stloc.0
			IL_0087: dup
			IL_0088: stloc.s 16
			IL_008a: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'

			IL_008f: ldloca.s 3
			IL_0091: call instance void [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter::GetResult()
			IL_0096: ldarg.0
			IL_0097: ldc.i4.7
			IL_0098: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<int32>(!!0)
			IL_009d: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B1
			IL_00a2: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00a7: stloc.s 13
			IL_00a9: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<int32>::get_Result()
			IL_00ae: ldloc.s 13
			IL_00b0: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B1
			IL_00b5: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<int32>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00ba: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<i>5__2'
			IL_00bf: ldarg.0
			IL_00c0: ldstr "seven"
			IL_00c5: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<string>(!!0)
			IL_00ca: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00cf: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00d4: stloc.s 13
			IL_00d6: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<string>::get_Result()
			IL_00db: ldloc.s 13
			IL_00dd: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00e2: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<string>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00e7: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
			IL_00ec: ldarg.0
			IL_00ed: ldc.i4.s 75
			IL_00ef: ldc.i4.0
			IL_00f0: ldc.i4.0
			IL_00f1: ldc.i4.0
			IL_00f2: ldc.i4.1
			IL_00f3: newobj instance void [System.Runtime]System.Decimal::.ctor(int32, int32, int32, bool, uint8)
			IL_00f8: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.Decimal>(!!0)
			IL_00fd: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B3
			IL_0102: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0107: stloc.s 13
			IL_0109: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<valuetype [System.Runtime]System.Decimal>::get_Result()
			IL_010e: ldloc.s 13
			IL_0110: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B3
			IL_0115: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<valuetype [System.Runtime]System.Decimal>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_011a: stfld valuetype [System.Runtime]System.Decimal AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<d>5__4'
			IL_011f: ldarg.0
			IL_0120: ldc.i4.7
			IL_0121: conv.i8
			IL_0122: ldstr "t"
			IL_0127: newobj instance void valuetype [System.Runtime]System.ValueTuple`2<int64, string>::.ctor(!0, !1)
			IL_012c: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>(!!0)
			IL_0131: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B4
			IL_0136: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_013b: stloc.s 13
			IL_013d: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>::get_Result()
			IL_0142: ldloc.s 13
			IL_0144: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B4
			IL_0149: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_014e: stfld valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
			IL_0153: ldarg.0
			IL_0154: ldc.i4.1
			IL_0155: newarr [System.Runtime]System.Int32
			IL_015a: dup
			IL_015b: ldc.i4.0
			IL_015c: ldc.i4.7
			IL_015d: stelem.i4
			IL_015e: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<int32[]>(!!0)
			IL_0163: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B5
			IL_0168: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_016d: stloc.s 13
			IL_016f: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<int32[]>::get_Result()
			IL_0174: ldloc.s 13
			IL_0176: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B5
			IL_017b: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<int32[]>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0180: stfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
			IL_0185: ldarg.0
			IL_0186: ldloca.s 5
			IL_0188: initobj valuetype [System.Runtime]System.Nullable`1<int32>
			IL_018e: ldloc.s 5
			IL_0190: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.Nullable`1<int32>>(!!0)
			IL_0195: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B6
			IL_019a: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_019f: stloc.s 13
			IL_01a1: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<valuetype [System.Runtime]System.Nullable`1<int32>>::get_Result()
			IL_01a6: ldloc.s 13
			IL_01a8: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B6
			IL_01ad: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<valuetype [System.Runtime]System.Nullable`1<int32>>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_01b2: stfld valuetype [System.Runtime]System.Nullable`1<int32> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<maybe>5__7'
			IL_01b7: ldarg.0
			IL_01b8: ldc.i4.0
			IL_01b9: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.DayOfWeek>(!!0)
			IL_01be: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B7
			IL_01c3: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_01c8: stloc.s 13
			IL_01ca: callvirt instance !0 class [System.Runtime]System.Threading.Tasks.Task`1<valuetype [System.Runtime]System.DayOfWeek>::get_Result()
			IL_01cf: ldloc.s 13
			IL_01d1: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B7
			IL_01d6: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<valuetype [System.Runtime]System.DayOfWeek>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_01db: stfld valuetype [System.Runtime]System.DayOfWeek AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<day>5__8'
			IL_01e0: ldarg.0
			IL_01e1: ldc.i4.1
			IL_01e2: newobj instance void [System.Threading]System.Threading.ManualResetEventSlim::.ctor(bool)
			IL_01e7: ldc.i4.0
			IL_01e8: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B8
			IL_01ed: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_01f2: stloc.s 13
			IL_01f4: call instance bool [System.Threading]System.Threading.ManualResetEventSlim::Wait(int32)
			IL_01f9: ldloc.s 13
			IL_01fb: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B8
			IL_0200: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<bool>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0205: stfld bool AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<waited>5__9'
			IL_020a: ldarg.0
			IL_020b: ldc.i4.8
			IL_020c: newobj instance void valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>::.ctor(!0)
			IL_0211: stloc.s 6
			IL_0213: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B9
			IL_0218: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_021d: stloc.s 13
			IL_021f: ldloca.s 6
			IL_0221: call instance !0 valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>::get_Result()
			IL_0226: ldloc.s 13
			IL_0228: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B9
			IL_022d: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<int32>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0232: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<fromValueTask>5__10'
			IL_0237: ldstr "g"
			IL_023c: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<string>(!!0)
			IL_0241: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> AsyncShapes.Scenarios::ResultOfAsync<string>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>)
			IL_0246: callvirt instance valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<!0> class [System.Runtime]System.Threading.Tasks.Task`1<string>::GetAwaiter()
			IL_024b: stloc.s 8
			IL_024d: ldloca.s 8
			IL_024f: call instance bool valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>::get_IsCompleted()
			IL_0254: brtrue.s IL_029d

			IL_0256: ldarg.0
			IL_0257: ldc.i4.1
			IL_0258: dup
			IL_0259: stloc.0
			IL_025a: dup
			IL_025b: stloc.s 16
			IL_025d: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_0262: ldarg.0
			IL_0263: ldloc.s 8
			IL_0265: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__2'
			IL_026a: ldarg.0
			IL_026b: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_0270: ldloca.s 8
			IL_0272: ldarg.0
			IL_0273: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>, valuetype AsyncShapes.Scenarios/'<BlockingCallResults>d__21'>(!!0&, !!1&)
			IL_0278: leave IL_0545

			IL_027d: ldarg.0
			IL_027e: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__2'
			IL_0283: stloc.s 8
			IL_0285: ldarg.0
			IL_0286: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__2'
			IL_028b: initobj valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>
			IL_0291: ldarg.0
			IL_0292: ldc.i4.m1
			IL_0293: dup
			IL_0294: stloc.0
			IL_0295: dup
			IL_0296: stloc.s 16
			IL_0298: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'

			IL_029d: ldloca.s 8
			IL_029f: call instance !0 valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>::GetResult()
			IL_02a4: stloc.s 7
			IL_02a6: ldarg.0
			IL_02a7: ldloc.s 7
			IL_02a9: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
			IL_02ae: ldarg.0
			IL_02af: newobj instance void class [System.Collections]System.Collections.Generic.List`1<string>::.ctor()
			IL_02b4: dup
			IL_02b5: ldstr "l"
			IL_02ba: callvirt instance void class [System.Collections]System.Collections.Generic.List`1<string>::Add(!0)
			IL_02bf: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<class [System.Collections]System.Collections.Generic.List`1<string>>(!!0)
			IL_02c4: call !!0 AsyncShapes.Scenarios::ResultOf<class [System.Collections]System.Collections.Generic.List`1<string>>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>)
			IL_02c9: stfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
			IL_02ce: ldc.i4.s 9
			IL_02d0: ldstr "b"
			IL_02d5: newobj instance void valuetype [System.Runtime]System.ValueTuple`2<int32, string>::.ctor(!0, !1)
			IL_02da: newobj instance void class AsyncShapes.Box`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::.ctor(!0)
			IL_02df: call instance class [System.Runtime]System.Threading.Tasks.Task`1<!0> class AsyncShapes.Box`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::ResultAsync()
			IL_02e4: callvirt instance valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<!0> class [System.Runtime]System.Threading.Tasks.Task`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::GetAwaiter()
			IL_02e9: stloc.s 9
			IL_02eb: ldloca.s 9
			IL_02ed: call instance bool valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::get_IsCompleted()
			IL_02f2: brtrue.s IL_033b

			IL_02f4: ldarg.0
			IL_02f5: ldc.i4.2
			IL_02f6: dup
			IL_02f7: stloc.0
			IL_02f8: dup
			IL_02f9: stloc.s 16
			IL_02fb: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_0300: ldarg.0
			IL_0301: ldloc.s 9
			IL_0303: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__3'
			IL_0308: ldarg.0
			IL_0309: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_030e: ldloca.s 9
			IL_0310: ldarg.0
			IL_0311: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>, valuetype AsyncShapes.Scenarios/'<BlockingCallResults>d__21'>(!!0&, !!1&)
			IL_0316: leave IL_0545

			IL_031b: ldarg.0
			IL_031c: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__3'
			IL_0321: stloc.s 9
			IL_0323: ldarg.0
			IL_0324: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__3'
			IL_0329: initobj valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>
			IL_032f: ldarg.0
			IL_0330: ldc.i4.m1
			IL_0331: dup
			IL_0332: stloc.0
			IL_0333: dup
			IL_0334: stloc.s 16
			IL_0336: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'

			IL_033b: ldloca.s 9
			IL_033d: call instance !0 valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::GetResult()
			IL_0342: stloc.2
			IL_0343: ldc.i4.s 11
			IL_0345: ldc.i4.s 12
			IL_0347: newobj instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::.ctor(int32, int32)
			IL_034c: stloc.s 10
			IL_034e: ldloca.s 10
			IL_0350: ldarg.0
			IL_0351: ldfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<i>5__2'
			IL_0356: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<int32>(!!0)
			IL_035b: ldloca.s 10
			IL_035d: ldstr ","
			IL_0362: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0367: ldloca.s 10
			IL_0369: ldarg.0
			IL_036a: ldfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
			IL_036f: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_0374: ldloca.s 10
			IL_0376: ldstr ","
			IL_037b: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0380: ldloca.s 10
			IL_0382: ldarg.0
			IL_0383: ldfld valuetype [System.Runtime]System.Decimal AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<d>5__4'
			IL_0388: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.Decimal>(!!0)
			IL_038d: ldloca.s 10
			IL_038f: ldstr ","
			IL_0394: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0399: ldloca.s 10
			IL_039b: ldarg.0
			IL_039c: ldfld valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
			IL_03a1: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>(!!0)
			IL_03a6: ldloca.s 10
			IL_03a8: ldstr ","
			IL_03ad: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_03b2: ldloca.s 10
			IL_03b4: ldarg.0
			IL_03b5: ldfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
			IL_03ba: ldc.i4.0
			IL_03bb: ldelem.i4
			IL_03bc: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<int32>(!!0)
			IL_03c1: ldloca.s 10
			IL_03c3: ldstr ","
			IL_03c8: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_03cd: ldloca.s 10
			IL_03cf: ldarg.0
			IL_03d0: ldflda valuetype [System.Runtime]System.Nullable`1<int32> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<maybe>5__7'
			IL_03d5: dup
			IL_03d6: call instance bool valuetype [System.Runtime]System.Nullable`1<int32>::get_HasValue()
			IL_03db: brtrue.s IL_03e1

			IL_03dd: pop
			IL_03de: ldnull
			IL_03df: br.s IL_03ef

			IL_03e1: call instance !0 valuetype [System.Runtime]System.Nullable`1<int32>::GetValueOrDefault()
			IL_03e6: stloc.s 11
			IL_03e8: ldloca.s 11
			IL_03ea: call instance string [System.Runtime]System.Int32::ToString()

			IL_03ef: dup
			IL_03f0: brtrue.s IL_03f8

			IL_03f2: pop
			IL_03f3: ldstr "null"

			IL_03f8: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_03fd: ldloca.s 10
			IL_03ff: ldstr ","
			IL_0404: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0409: ldloca.s 10
			IL_040b: ldarg.0
			IL_040c: ldfld valuetype [System.Runtime]System.DayOfWeek AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<day>5__8'
			IL_0411: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.DayOfWeek>(!!0)
			IL_0416: ldloca.s 10
			IL_0418: ldstr ","
			IL_041d: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0422: ldloca.s 10
			IL_0424: ldarg.0
			IL_0425: ldfld bool AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<waited>5__9'
			IL_042a: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<bool>(!!0)
			IL_042f: ldloca.s 10
			IL_0431: ldstr ","
			IL_0436: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_043b: ldloca.s 10
			IL_043d: ldarg.0
			IL_043e: ldfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<fromValueTask>5__10'
			IL_0443: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<int32>(!!0)
			IL_0448: ldloca.s 10
			IL_044a: ldstr ","
			IL_044f: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0454: ldloca.s 10
			IL_0456: ldarg.0
			IL_0457: ldfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
			IL_045c: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_0461: ldloca.s 10
			IL_0463: ldstr ","
			IL_0468: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_046d: ldloca.s 10
			IL_046f: ldarg.0
			IL_0470: ldfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
			IL_0475: ldc.i4.0
			IL_0476: callvirt instance !0 class [System.Collections]System.Collections.Generic.List`1<string>::get_Item(int32)
			IL_047b: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_0480: ldloca.s 10
			IL_0482: ldstr ","
			IL_0487: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_048c: ldloca.s 10
			IL_048e: ldloc.2
			IL_048f: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>(!!0)
			IL_0494: ldloca.s 10
			IL_0496: call instance string [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::ToStringAndClear()
			IL_049b: stloc.1
			IL_049c: leave.s IL_04f4
		} // end .try
		catch [System.Runtime]System.Exception
		{
			IL_049e: stloc.s 12
			IL_04a0: ldarg.0
			IL_04a1: ldc.i4.s -2
			IL_04a3: dup
			IL_04a4: stloc.s 16
			IL_04a6: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_04ab: ldarg.0
			IL_04ac: ldnull
			IL_04ad: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
			IL_04b2: ldarg.0
			IL_04b3: ldflda valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
			IL_04b8: initobj valuetype [System.Runtime]System.ValueTuple`2<int64, string>
			IL_04be: ldarg.0
			IL_04bf: ldnull
			IL_04c0: stfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
			IL_04c5: ldarg.0
			IL_04c6: ldnull
			IL_04c7: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
			IL_04cc: ldarg.0
			IL_04cd: ldnull
			IL_04ce: stfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
			IL_04d3: ldarg.0
			IL_04d4: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_04d9: ldloc.s 12
			IL_04db: ldloc.s 14
			IL_04dd: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
			IL_04e2: ldloc.s 15
			IL_04e4: ldloc.s 16
			IL_04e6: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
			IL_04eb: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::SetException(class [System.Runtime]System.Exception)
			IL_04f0: leave.s IL_055e

			IL_04f2: leave.s IL_0545
		} // end handler

		IL_04f4: ldarg.0
		IL_04f5: ldc.i4.s -2
		IL_04f7: dup
		IL_04f8: stloc.s 16
		IL_04fa: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
		IL_04ff: ldarg.0
		IL_0500: ldnull
		IL_0501: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
		IL_0506: ldarg.0
		IL_0507: ldflda valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
		IL_050c: initobj valuetype [System.Runtime]System.ValueTuple`2<int64, string>
		IL_0512: ldarg.0
		IL_0513: ldnull
		IL_0514: stfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
		IL_0519: ldarg.0
		IL_051a: ldnull
		IL_051b: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
		IL_0520: ldarg.0
		IL_0521: ldnull
		IL_0522: stfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
		IL_0527: ldarg.0
		IL_0528: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
		IL_052d: ldloc.1
		IL_052e: ldloc.s 14
		IL_0530: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
		IL_0535: ldloc.s 15
		IL_0537: ldloc.s 16
		IL_0539: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
		IL_053e: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::SetResult(!0)
		IL_0543: leave.s IL_055e

		IL_0545: leave.s IL_054d
	} // end .try
	fault
	{
		IL_0547: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
		IL_054c: endfinally
	} // end handler

	IL_054d: ldloc.s 14
	IL_054f: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_0554: ldloc.s 15
	IL_0556: ldloc.s 16
	IL_0558: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Exit(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
	IL_055d: ret

	IL_055e: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
	IL_0563: ret
} // end of method '<BlockingCallResults>d__21'::MoveNext
