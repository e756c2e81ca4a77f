using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <BumpAsync>d__2 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncTaskMethodBuilder<int> <>t__builder;

	public int index;

	private YieldAwaitable.YieldAwaiter <>u__1;

	private void MoveNext()
	{
		int entryState = <>1__state;
		long start = Probe.Enter(<NonBlocking>Sites.S1, entryState);
		int num2;
		try
		{
			int num = <>1__state;
			int result;
			try
			{
				YieldAwaitable.YieldAwaiter awaiter;
				if (num == 0)
				{
					awaiter = <>u__1;
					<>u__1 = default;
					num2 = (<>1__state = (num = -1));
					goto IL_007f;
				}
				awaiter = Task.Yield().GetAwaiter();
				if (awaiter.IsCompleted)
				{
					goto IL_007f;
				}
				num2 = (<>1__state = (num = 0));
				<>u__1 = awaiter;
				<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
				goto end_IL_0019;
				IL_007f:
				awaiter.GetResult();
				long start2 = Probe.BlockingStart(<NonBlocking>Sites.B1);
				ref int reference = ref CellSync(index);
				Probe.BlockingEnd(start2, <NonBlocking>Sites.B1);
				reference++;
				start2 = Probe.BlockingStart(<NonBlocking>Sites.B2);
				ref int reference2 = ref CellSync(index);
				Probe.BlockingEnd(start2, <NonBlocking>Sites.B2);
				result = reference2;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncTaskMethodBuilder<int> reference3 = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference3.SetException(exception);
				goto IL_0145;
			}
			num2 = (<>1__state = -2);
			ref AsyncTaskMethodBuilder<int> reference4 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference4.SetResult(result);
			goto IL_0145;
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
		IL_0145:
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
	// Code size: 331 (0x14b)
	.maxstack 6
	.locals init (
		[0] int32,
		[1] int32,
		[2] valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter,
		[3] valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable,
		[4] class [System.Runtime]System.Exception,
		[5] int64,
		[6] int64,
		[7] int32,
		[8] int32
	)

	IL_0000: ldarg.0
	IL_0001: ldfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>1__state'
	IL_0006: dup
	IL_0007: stloc.s 7
	IL_0009: stloc.s 8
	IL_000b: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_0010: ldloc.s 7
	IL_0012: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Enter(class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32)
	IL_0017: stloc.s 6
	.try
	{
		IL_0019: ldarg.0
		IL_001a: ldfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>1__state'
		IL_001f: stloc.0
		.try
		{
			IL_0020: ldloc.0
			IL_0021: brfalse.s IL_0060

			IL_0023: call valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable [System.Runtime]System.Threading.Tasks.Task::Yield()
			IL_0028: stloc.3
			IL_0029: ldloca.s 3
			IL_002b: call instance valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable::GetAwaiter()
			IL_0030: stloc.2
			IL_0031: ldloca.s 2
			IL_0033: call instance bool [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter::get_IsCompleted()
			IL_0038: brtrue.s IL_007f

			IL_003a: ldarg.0
			IL_003b: ldc.i4.0
			IL_003c: dup
			IL_003d: stloc.0
			IL_003e: dup
			IL_003f: stloc.s 8
			IL_0041: stfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>1__state'
			IL_0046: ldarg.0
			IL_0047: ldloc.2
			IL_0048: stfld valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>u__1'
			IL_004d: ldarg.0
			IL_004e: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>t__builder'
			IL_0053: ldloca.s 2
			IL_0055: ldarg.0
			IL_0056: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::AwaitUnsafeOnCompleted<valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter, valuetype AsyncShapes.RefReturns/'<BumpAsync>d__2'>(!!0&, !!1&)
			IL_005b: leave IL_012c

			IL_0060: ldarg.0
			IL_0061: ldfld valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>u__1'
			IL_0066: stloc.2
			IL_0067: ldarg.0
			IL_0068: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>u__1'
			IL_006d: initobj [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter
			IL_0073: ldarg.0
			IL_0074: ldc.i4.m1
			IL_0075: dup
			IL_0076: stloc.0
			IL_0077: dup
			IL_0078: stloc.s 8
			IL_007a: stfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>1__state'

			IL_007f: ldloca.s 2
			IL_0081: call instance void [System.Runtime]System.Runtime.CompilerServices.YieldAwaitable/YieldAwaiter::GetResult()
			IL_0086: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B1
			IL_008b: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_0090: stloc.s 5
			IL_0092: ldarg.0
			IL_0093: ldfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::index
			IL_0098: call int32& AsyncShapes.RefReturns::CellSync(int32)
			IL_009d: ldloc.s 5
			IL_009f: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B1
			IL_00a4: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingEnd(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00a9: dup
			IL_00aa: ldind.i4
			IL_00ab: ldc.i4.1
			IL_00ac: add
			IL_00ad: stind.i4
			IL_00ae: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00b3: call int64 [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingStart(class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00b8: stloc.s 5
			IL_00ba: ldarg.0
			IL_00bb: ldfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::index
			IL_00c0: call int32& AsyncShapes.RefReturns::CellSync(int32)
			IL_00c5: ldloc.s 5
			IL_00c7: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite '<NonBlocking>Sites'::B2
			IL_00cc: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::BlockingEnd(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.BlockingSite)
			IL_00d1: ldind.i4
			IL_00d2: stloc.1
			IL_00d3: leave.s IL_0103
		} // end .try
		catch [System.Runtime]System.Exception
		{
			IL_00d5: stloc.s 4
			IL_00d7: ldarg.0
			IL_00d8: ldc.i4.s -2
			IL_00da: dup
			IL_00db: stloc.s 8
			IL_00dd: stfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>1__state'
			IL_00e2: ldarg.0
			IL_00e3: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>t__builder'
			IL_00e8: ldloc.s 4
			IL_00ea: ldloc.s 6
			IL_00ec: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
			IL_00f1: ldloc.s 7
			IL_00f3: ldloc.s 8
			IL_00f5: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
			IL_00fa: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::SetException(class [System.Runtime]System.Exception)
			IL_00ff: leave.s IL_0145

			IL_0101: leave.s IL_012c
		} // end handler

		IL_0103: ldarg.0
		IL_0104: ldc.i4.s -2
		IL_0106: dup
		IL_0107: stloc.s 8
		IL_0109: stfld int32 AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>1__state'
		IL_010e: ldarg.0
		IL_010f: ldflda valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32> AsyncShapes.RefReturns/'<BumpAsync>d__2'::'<>t__builder'
		IL_0114: ldloc.1
		IL_0115: ldloc.s 6
		IL_0117: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
		IL_011c: ldloc.s 7
		IL_011e: ldloc.s 8
		IL_0120: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::ExitBeforeCompletion(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
		IL_0125: call instance void valuetype [System.Runtime]System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1<int32>::SetResult(!0)
		IL_012a: leave.s IL_0145

		IL_012c: leave.s IL_0134
	} // end .try
	fault
	{
		IL_012e: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
		IL_0133: endfinally
	} // end handler

	IL_0134: ldloc.s 6
	IL_0136: ldsfld class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite '<NonBlocking>Sites'::S1
	IL_013b: ldloc.s 7
	IL_013d: ldloc.s 8
	IL_013f: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Exit(int64, class [NonBlocking.Runtime]NonBlocking.Instrumentation.AsyncSite, int32, int32)
	IL_0144: ret

	IL_0145: call void [NonBlocking.Runtime]NonBlocking.Instrumentation.Probe::Abandon()
	IL_014a: ret
} // end of method '<BumpAsync>d__2'::MoveNext
