using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <TryCatchFinally>d__10 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncTaskMethodBuilder<string> <>t__builder;

	private List<string> <log>5__2;

	private object <>7__wrap2;

	private int <>7__wrap3;

	private YieldAwaitable.YieldAwaiter <>u__1;

	private TaskAwaiter <>u__2;

	private void MoveNext()
	{
		int entryState = <>1__state;
		long start = Probe.Enter(<NonBlocking>Sites.S1, entryState);
		int num2;
		try
		{
			int num = <>1__state;
			string result;
			try
			{
				YieldAwaitable.YieldAwaiter awaiter;
				if ((uint)num > 1u)
				{
					if (num == 2)
					{
						awaiter = <>u__1;
						<>u__1 = default;
						num2 = (<>1__state = (num = -1));
						goto IL_01f7;
					}
					<log>5__2 = new List<string>();
					<>7__wrap2 = null;
					<>7__wrap3 = 0;
				}
				object obj;
				try
				{
					TaskAwaiter awaiter2;
					int num3;
					if (num != 0)
					{
						if (num == 1)
						{
							awaiter2 = <>u__2;
							<>u__2 = default;
							num2 = (<>1__state = (num = -1));
							goto IL_0164;
						}
						num3 = 0;
					}
					try
					{
						if (num == 0)
						{
							awaiter = <>u__1;
							<>u__1 = default;
							num2 = (<>1__state = (num = -1));
							goto IL_00c5;
						}
						<log>5__2.Add("try");
						awaiter = Task.Yield().GetAwaiter();
						if (awaiter.IsCompleted)
						{
							goto IL_00c5;
						}
						num2 = (<>1__state = (num = 0));
						<>u__1 = awaiter;
						<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
						goto end_IL_0052;
						IL_00c5:
						awaiter.GetResult();
						throw new InvalidOperationException("boom");
						end_IL_0052:;
					}
					catch (InvalidOperationException ex)
					{
						obj = ex;
						num3 = 1;
						goto IL_00dc;
					}
					goto end_IL_0045;
					IL_00dc:
					if (num3 != 1)
					{
						goto IL_0187;
					}
					InvalidOperationException ex2 = (InvalidOperationException)obj;
					<log>5__2.Add("catch:" + ex2.Message);
					awaiter2 = Task.Delay(1).GetAwaiter();
					if (awaiter2.IsCompleted)
					{
						goto IL_0164;
					}
					num2 = (<>1__state = (num = 1));
					<>u__2 = awaiter2;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter2, ref this);
					goto end_IL_0045;
					IL_0164:
					awaiter2.GetResult();
					<log>5__2.Add("after-await-in-catch");
					goto IL_0187;
					end_IL_0045:;
				}
				catch (object obj2)
				{
					<>7__wrap2 = obj2;
					goto IL_0187;
				}
				goto end_IL_0020;
				IL_0187:
				<log>5__2.Add("finally");
				awaiter = Task.Yield().GetAwaiter();
				if (awaiter.IsCompleted)
				{
					goto IL_01f7;
				}
				num2 = (<>1__state = (num = 2));
				<>u__1 = awaiter;
				<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
				goto end_IL_0020;
				IL_01f7:
				awaiter.GetResult();
				<log>5__2.Add("after-await-in-finally");
				obj = <>7__wrap2;
				if (obj != null)
				{
					ExceptionDispatchInfo.Capture((obj as Exception) ?? throw obj).Throw();
				}
				<>7__wrap2 = null;
				result = string.Join(",", <log>5__2);
				goto IL_0275;
				end_IL_0020:;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncTaskMethodBuilder<string> reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_02b7;
			}
			goto end_IL_0019;
			IL_0275:
			num2 = (<>1__state = -2);
			ref AsyncTaskMethodBuilder<string> reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result);
			goto IL_02b7;
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
		IL_02b7:
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
