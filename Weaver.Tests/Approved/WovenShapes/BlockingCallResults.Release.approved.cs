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
					goto IL_0218;
				case 2:
					{
						awaiter = <>u__3;
						<>u__3 = default;
						num2 = (<>1__state = (num = -1));
						break;
					}
					IL_0218:
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
					<i>5__2 = CompletedWaits.TaskResult(Task.FromResult(7), <NonBlocking>Sites.B1);
					<s>5__3 = CompletedWaits.TaskResult(Task.FromResult("seven"), <NonBlocking>Sites.B2);
					<d>5__4 = CompletedWaits.TaskResult(Task.FromResult(7.5m), <NonBlocking>Sites.B3);
					<pair>5__5 = CompletedWaits.TaskResult(Task.FromResult((7L, "t")), <NonBlocking>Sites.B4);
					<array>5__6 = CompletedWaits.TaskResult(Task.FromResult(new int[1] { 7 }), <NonBlocking>Sites.B5);
					<maybe>5__7 = CompletedWaits.TaskResult(Task.FromResult<int?>(null), <NonBlocking>Sites.B6);
					<day>5__8 = CompletedWaits.TaskResult(Task.FromResult(DayOfWeek.Sunday), <NonBlocking>Sites.B7);
					manualResetEventSlim = new ManualResetEventSlim(initialState: true);
					<waited>5__9 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B8), result: manualResetEventSlim.Wait(0), site: <NonBlocking>Sites.B8);
					valueTask = new ValueTask<int>(8);
					<fromValueTask>5__10 = Probe.BlockingResult(start: Probe.BlockingStart(<NonBlocking>Sites.B9), result: valueTask.Result, site: <NonBlocking>Sites.B9);
					awaiter2 = ResultOfAsync(Task.FromResult("g")).GetAwaiter();
					if (awaiter2.IsCompleted)
					{
						goto IL_0218;
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
				goto IL_04d9;
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
			goto IL_04d9;
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
		IL_04d9:
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
	// Code size: 1247 (0x4df)
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
			IL_0021: switch (IL_0070, IL_01f8, IL_0296)

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
			IL_006b: leave IL_04c0

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
			IL_00a2: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<int32>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00a7: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<i>5__2'
			IL_00ac: ldarg.0
			IL_00ad: ldstr "seven"
			IL_00b2: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<string>(!!0)
			IL_00b7: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00bc: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<string>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00c1: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
			IL_00c6: ldarg.0
			IL_00c7: ldc.i4.s 75
			IL_00c9: ldc.i4.0
			IL_00ca: ldc.i4.0
			IL_00cb: ldc.i4.0
			IL_00cc: ldc.i4.1
			IL_00cd: newobj instance void [System.Runtime]System.Decimal::.ctor(int32, int32, int32, bool, uint8)
			IL_00d2: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.Decimal>(!!0)
			IL_00d7: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B3
			IL_00dc: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<valuetype [System.Runtime]System.Decimal>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00e1: stfld valuetype [System.Runtime]System.Decimal AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<d>5__4'
			IL_00e6: ldarg.0
			IL_00e7: ldc.i4.7
			IL_00e8: conv.i8
			IL_00e9: ldstr "t"
			IL_00ee: newobj instance void valuetype [System.Runtime]System.ValueTuple`2<int64, string>::.ctor(!0, !1)
			IL_00f3: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>(!!0)
			IL_00f8: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B4
			IL_00fd: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0102: stfld valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
			IL_0107: ldarg.0
			IL_0108: ldc.i4.1
			IL_0109: newarr [System.Runtime]System.Int32
			IL_010e: dup
			IL_010f: ldc.i4.0
			IL_0110: ldc.i4.7
			IL_0111: stelem.i4
			IL_0112: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<int32[]>(!!0)
			IL_0117: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B5
			IL_011c: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<int32[]>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0121: stfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
			IL_0126: ldarg.0
			IL_0127: ldloca.s 5
			IL_0129: initobj valuetype [System.Runtime]System.Nullable`1<int32>
			IL_012f: ldloc.s 5
			IL_0131: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.Nullable`1<int32>>(!!0)
			IL_0136: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B6
			IL_013b: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<valuetype [System.Runtime]System.Nullable`1<int32>>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0140: stfld valuetype [System.Runtime]System.Nullable`1<int32> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<maybe>5__7'
			IL_0145: ldarg.0
			IL_0146: ldc.i4.0
			IL_0147: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<valuetype [System.Runtime]System.DayOfWeek>(!!0)
			IL_014c: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B7
			IL_0151: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.CompletedWaits::TaskResult<valuetype [System.Runtime]System.DayOfWeek>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0156: stfld valuetype [System.Runtime]System.DayOfWeek AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<day>5__8'
			IL_015b: ldarg.0
			IL_015c: ldc.i4.1
			IL_015d: newobj instance void [System.Threading]System.Threading.ManualResetEventSlim::.ctor(bool)
			IL_0162: ldc.i4.0
			IL_0163: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B8
			IL_0168: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_016d: stloc.s 13
			IL_016f: call instance bool [System.Threading]System.Threading.ManualResetEventSlim::Wait(int32)
			IL_0174: ldloc.s 13
			IL_0176: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B8
			IL_017b: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<bool>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0180: stfld bool AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<waited>5__9'
			IL_0185: ldarg.0
			IL_0186: ldc.i4.8
			IL_0187: newobj instance void valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>::.ctor(!0)
			IL_018c: stloc.s 6
			IL_018e: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B9
			IL_0193: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0198: stloc.s 13
			IL_019a: ldloca.s 6
			IL_019c: call instance !0 valuetype [System.Runtime]System.Threading.Tasks.ValueTask`1<int32>::get_Result()
			IL_01a1: ldloc.s 13
			IL_01a3: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B9
			IL_01a8: call !!0 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingResult<int32>(!!0, int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_01ad: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<fromValueTask>5__10'
			IL_01b2: ldstr "g"
			IL_01b7: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<string>(!!0)
			IL_01bc: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> AsyncShapes.Scenarios::ResultOfAsync<string>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>)
			IL_01c1: callvirt instance valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<!0> class [System.Runtime]System.Threading.Tasks.Task`1<string>::GetAwaiter()
			IL_01c6: stloc.s 8
			IL_01c8: ldloca.s 8
			IL_01ca: call instance bool valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>::get_IsCompleted()
			IL_01cf: brtrue.s IL_0218

			IL_01d1: ldarg.0
			IL_01d2: ldc.i4.1
			IL_01d3: dup
			IL_01d4: stloc.0
			IL_01d5: dup
			IL_01d6: stloc.s 16
			IL_01d8: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_01dd: ldarg.0
			IL_01de: ldloc.s 8
			IL_01e0: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__2'
			IL_01e5: ldarg.0
			IL_01e6: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_01eb: ldloca.s 8
			IL_01ed: ldarg.0
			IL_01ee: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>, valuetype AsyncShapes.Scenarios/'<BlockingCallResults>d__21'>(!!0&, !!1&)
			IL_01f3: leave IL_04c0

			IL_01f8: ldarg.0
			IL_01f9: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__2'
			IL_01fe: stloc.s 8
			IL_0200: ldarg.0
			IL_0201: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__2'
			IL_0206: initobj valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>
			IL_020c: ldarg.0
			IL_020d: ldc.i4.m1
			IL_020e: dup
			IL_020f: stloc.0
			IL_0210: dup
			IL_0211: stloc.s 16
			IL_0213: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'

			IL_0218: ldloca.s 8
			IL_021a: call instance !0 valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<string>::GetResult()
			IL_021f: stloc.s 7
			IL_0221: ldarg.0
			IL_0222: ldloc.s 7
			IL_0224: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
			IL_0229: ldarg.0
			IL_022a: newobj instance void class [System.Collections]System.Collections.Generic.List`1<string>::.ctor()
			IL_022f: dup
			IL_0230: ldstr "l"
			IL_0235: callvirt instance void class [System.Collections]System.Collections.Generic.List`1<string>::Add(!0)
			IL_023a: call class [System.Runtime]System.Threading.Tasks.Task`1<!!0> [System.Runtime]System.Threading.Tasks.Task::FromResult<class [System.Collections]System.Collections.Generic.List`1<string>>(!!0)
			IL_023f: call !!0 AsyncShapes.Scenarios::ResultOf<class [System.Collections]System.Collections.Generic.List`1<string>>(class [System.Runtime]System.Threading.Tasks.Task`1<!!0>)
			IL_0244: stfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
			IL_0249: ldc.i4.s 9
			IL_024b: ldstr "b"
			IL_0250: newobj instance void valuetype [System.Runtime]System.ValueTuple`2<int32, string>::.ctor(!0, !1)
			IL_0255: newobj instance void class AsyncShapes.Box`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::.ctor(!0)
			IL_025a: call instance class [System.Runtime]System.Threading.Tasks.Task`1<!0> class AsyncShapes.Box`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::ResultAsync()
			IL_025f: callvirt instance valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<!0> class [System.Runtime]System.Threading.Tasks.Task`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::GetAwaiter()
			IL_0264: stloc.s 9
			IL_0266: ldloca.s 9
			IL_0268: call instance bool valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::get_IsCompleted()
			IL_026d: brtrue.s IL_02b6

			IL_026f: ldarg.0
			IL_0270: ldc.i4.2
			IL_0271: dup
			IL_0272: stloc.0
			IL_0273: dup
			IL_0274: stloc.s 16
			IL_0276: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_027b: ldarg.0
			IL_027c: ldloc.s 9
			IL_027e: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__3'
			IL_0283: ldarg.0
			IL_0284: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_0289: ldloca.s 9
			IL_028b: ldarg.0
			IL_028c: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>, valuetype AsyncShapes.Scenarios/'<BlockingCallResults>d__21'>(!!0&, !!1&)
			IL_0291: leave IL_04c0

			IL_0296: ldarg.0
			IL_0297: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__3'
			IL_029c: stloc.s 9
			IL_029e: ldarg.0
			IL_029f: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>u__3'
			IL_02a4: initobj valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>
			IL_02aa: ldarg.0
			IL_02ab: ldc.i4.m1
			IL_02ac: dup
			IL_02ad: stloc.0
			IL_02ae: dup
			IL_02af: stloc.s 16
			IL_02b1: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'

			IL_02b6: ldloca.s 9
			IL_02b8: call instance !0 valuetype [System.Runtime]System.Runtime.CompilerServices.TaskAwaiter`1<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>::GetResult()
			IL_02bd: stloc.2
			IL_02be: ldc.i4.s 11
			IL_02c0: ldc.i4.s 12
			IL_02c2: newobj instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::.ctor(int32, int32)
			IL_02c7: stloc.s 10
			IL_02c9: ldloca.s 10
			IL_02cb: ldarg.0
			IL_02cc: ldfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<i>5__2'
			IL_02d1: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<int32>(!!0)
			IL_02d6: ldloca.s 10
			IL_02d8: ldstr ","
			IL_02dd: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_02e2: ldloca.s 10
			IL_02e4: ldarg.0
			IL_02e5: ldfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
			IL_02ea: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_02ef: ldloca.s 10
			IL_02f1: ldstr ","
			IL_02f6: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_02fb: ldloca.s 10
			IL_02fd: ldarg.0
			IL_02fe: ldfld valuetype [System.Runtime]System.Decimal AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<d>5__4'
			IL_0303: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.Decimal>(!!0)
			IL_0308: ldloca.s 10
			IL_030a: ldstr ","
			IL_030f: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0314: ldloca.s 10
			IL_0316: ldarg.0
			IL_0317: ldfld valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
			IL_031c: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.ValueTuple`2<int64, string>>(!!0)
			IL_0321: ldloca.s 10
			IL_0323: ldstr ","
			IL_0328: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_032d: ldloca.s 10
			IL_032f: ldarg.0
			IL_0330: ldfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
			IL_0335: ldc.i4.0
			IL_0336: ldelem.i4
			IL_0337: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<int32>(!!0)
			IL_033c: ldloca.s 10
			IL_033e: ldstr ","
			IL_0343: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0348: ldloca.s 10
			IL_034a: ldarg.0
			IL_034b: ldflda valuetype [System.Runtime]System.Nullable`1<int32> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<maybe>5__7'
			IL_0350: dup
			IL_0351: call instance bool valuetype [System.Runtime]System.Nullable`1<int32>::get_HasValue()
			IL_0356: brtrue.s IL_035c

			IL_0358: pop
			IL_0359: ldnull
			IL_035a: br.s IL_036a

			IL_035c: call instance !0 valuetype [System.Runtime]System.Nullable`1<int32>::GetValueOrDefault()
			IL_0361: stloc.s 11
			IL_0363: ldloca.s 11
			IL_0365: call instance string [System.Runtime]System.Int32::ToString()

			IL_036a: dup
			IL_036b: brtrue.s IL_0373

			IL_036d: pop
			IL_036e: ldstr "null"

			IL_0373: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_0378: ldloca.s 10
			IL_037a: ldstr ","
			IL_037f: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0384: ldloca.s 10
			IL_0386: ldarg.0
			IL_0387: ldfld valuetype [System.Runtime]System.DayOfWeek AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<day>5__8'
			IL_038c: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.DayOfWeek>(!!0)
			IL_0391: ldloca.s 10
			IL_0393: ldstr ","
			IL_0398: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_039d: ldloca.s 10
			IL_039f: ldarg.0
			IL_03a0: ldfld bool AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<waited>5__9'
			IL_03a5: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<bool>(!!0)
			IL_03aa: ldloca.s 10
			IL_03ac: ldstr ","
			IL_03b1: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_03b6: ldloca.s 10
			IL_03b8: ldarg.0
			IL_03b9: ldfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<fromValueTask>5__10'
			IL_03be: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<int32>(!!0)
			IL_03c3: ldloca.s 10
			IL_03c5: ldstr ","
			IL_03ca: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_03cf: ldloca.s 10
			IL_03d1: ldarg.0
			IL_03d2: ldfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
			IL_03d7: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_03dc: ldloca.s 10
			IL_03de: ldstr ","
			IL_03e3: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_03e8: ldloca.s 10
			IL_03ea: ldarg.0
			IL_03eb: ldfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
			IL_03f0: ldc.i4.0
			IL_03f1: callvirt instance !0 class [System.Collections]System.Collections.Generic.List`1<string>::get_Item(int32)
			IL_03f6: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted(string)
			IL_03fb: ldloca.s 10
			IL_03fd: ldstr ","
			IL_0402: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendLiteral(string)
			IL_0407: ldloca.s 10
			IL_0409: ldloc.2
			IL_040a: call instance void [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::AppendFormatted<valuetype [System.Runtime]System.ValueTuple`2<int32, string>>(!!0)
			IL_040f: ldloca.s 10
			IL_0411: call instance string [System.Runtime]System.Runtime.CompilerServices.DefaultInterpolatedStringHandler::ToStringAndClear()
			IL_0416: stloc.1
			IL_0417: leave.s IL_046f
		} // end .try
		catch [System.Runtime]System.Exception
		{
			IL_0419: stloc.s 12
			IL_041b: ldarg.0
			IL_041c: ldc.i4.s -2
			IL_041e: dup
			IL_041f: stloc.s 16
			IL_0421: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
			IL_0426: ldarg.0
			IL_0427: ldnull
			IL_0428: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
			IL_042d: ldarg.0
			IL_042e: ldflda valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
			IL_0433: initobj valuetype [System.Runtime]System.ValueTuple`2<int64, string>
			IL_0439: ldarg.0
			IL_043a: ldnull
			IL_043b: stfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
			IL_0440: ldarg.0
			IL_0441: ldnull
			IL_0442: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
			IL_0447: ldarg.0
			IL_0448: ldnull
			IL_0449: stfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
			IL_044e: ldarg.0
			IL_044f: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
			IL_0454: ldloc.s 12
			IL_0456: ldloc.s 14
			IL_0458: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
			IL_045d: ldloc.s 15
			IL_045f: ldloc.s 16
			IL_0461: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
			IL_0466: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::SetException(class [System.Runtime]System.Exception)
			IL_046b: leave.s IL_04d9

			IL_046d: leave.s IL_04c0
		} // end handler

		IL_046f: ldarg.0
		IL_0470: ldc.i4.s -2
		IL_0472: dup
		IL_0473: stloc.s 16
		IL_0475: stfld int32 AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>1__state'
		IL_047a: ldarg.0
		IL_047b: ldnull
		IL_047c: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<s>5__3'
		IL_0481: ldarg.0
		IL_0482: ldflda valuetype [System.Runtime]System.ValueTuple`2<int64, string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<pair>5__5'
		IL_0487: initobj valuetype [System.Runtime]System.ValueTuple`2<int64, string>
		IL_048d: ldarg.0
		IL_048e: ldnull
		IL_048f: stfld int32[] AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<array>5__6'
		IL_0494: ldarg.0
		IL_0495: ldnull
		IL_0496: stfld string AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<generic>5__11'
		IL_049b: ldarg.0
		IL_049c: ldnull
		IL_049d: stfld class [System.Collections]System.Collections.Generic.List`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<list>5__12'
		IL_04a2: ldarg.0
		IL_04a3: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string> AsyncShapes.Scenarios/'<BlockingCallResults>d__21'::'<>t__builder'
		IL_04a8: ldloc.1
		IL_04a9: ldloc.s 14
		IL_04ab: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
		IL_04b0: ldloc.s 15
		IL_04b2: ldloc.s 16
		IL_04b4: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
		IL_04b9: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<string>::SetResult(!0)
		IL_04be: leave.s IL_04d9

		IL_04c0: leave.s IL_04c8
	} // end .try
	fault
	{
		IL_04c2: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
		IL_04c7: endfinally
	} // end handler

	IL_04c8: ldloc.s 14
	IL_04ca: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_04cf: ldloc.s 15
	IL_04d1: ldloc.s 16
	IL_04d3: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Exit(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
	IL_04d8: ret

	IL_04d9: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
	IL_04de: ret
} // end of method '<BlockingCallResults>d__21'::MoveNext
