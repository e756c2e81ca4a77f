using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[CompilerGenerated]
private sealed class <TryCatchFinally>d__10 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncTaskMethodBuilder<string> <>t__builder;

	private List<string> <log>5__1;

	private object <>s__2;

	private int <>s__3;

	private object <>s__4;

	private int <>s__5;

	private InvalidOperationException <e>5__6;

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
						goto IL_025d;
					}
					<log>5__1 = new List<string>();
					<>s__2 = null;
					<>s__3 = 0;
				}
				<TryCatchFinally>d__10 stateMachine;
				try
				{
					TaskAwaiter awaiter2;
					if (num != 0)
					{
						if (num == 1)
						{
							awaiter2 = <>u__2;
							<>u__2 = default;
							num2 = (<>1__state = (num = -1));
							goto IL_01af;
						}
						<>s__5 = 0;
					}
					try
					{
						YieldAwaitable.YieldAwaiter awaiter3;
						if (num == 0)
						{
							awaiter3 = <>u__1;
							<>u__1 = default;
							num2 = (<>1__state = (num = -1));
							goto IL_00e2;
						}
						<log>5__1.Add("try");
						awaiter3 = Task.Yield().GetAwaiter();
						if (awaiter3.IsCompleted)
						{
							goto IL_00e2;
						}
						num2 = (<>1__state = (num = 0));
						<>u__1 = awaiter3;
						stateMachine = this;
						<>t__builder.AwaitUnsafeOnCompleted(ref awaiter3, ref stateMachine);
						goto end_IL_0068;
						IL_00e2:
						awaiter3.GetResult();
						throw new InvalidOperationException("boom");
						end_IL_0068:;
					}
					catch (InvalidOperationException ex)
					{
						<>s__4 = ex;
						<>s__5 = 1;
						goto IL_0108;
					}
					goto end_IL_004e;
					IL_0108:
					int num3 = <>s__5;
					if (num3 != 1)
					{
						goto IL_01d2;
					}
					<e>5__6 = (InvalidOperationException)<>s__4;
					<log>5__1.Add("catch:" + <e>5__6.Message);
					awaiter2 = Task.Delay(1).GetAwaiter();
					if (awaiter2.IsCompleted)
					{
						goto IL_01af;
					}
					num2 = (<>1__state = (num = 1));
					<>u__2 = awaiter2;
					stateMachine = this;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter2, ref stateMachine);
					goto end_IL_004e;
					IL_01af:
					awaiter2.GetResult();
					<log>5__1.Add("after-await-in-catch");
					<e>5__6 = null;
					goto IL_01d2;
					IL_01d2:
					<>s__4 = null;
					goto IL_01e7;
					end_IL_004e:;
				}
				catch (object obj)
				{
					<>s__2 = obj;
					goto IL_01e7;
				}
				goto end_IL_0020;
				IL_01e7:
				<log>5__1.Add("finally");
				awaiter = Task.Yield().GetAwaiter();
				if (awaiter.IsCompleted)
				{
					goto IL_025d;
				}
				num2 = (<>1__state = (num = 2));
				<>u__1 = awaiter;
				stateMachine = this;
				<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
				goto end_IL_0020;
				IL_025d:
				awaiter.GetResult();
				<log>5__1.Add("after-await-in-finally");
				object obj2 = <>s__2;
				if (obj2 != null)
				{
					if (!(obj2 is Exception source))
					{
						throw obj2;
					}
					ExceptionDispatchInfo.Capture(source).Throw();
				}
				_ = <>s__3;
				<>s__2 = null;
				result = string.Join(",", <log>5__1);
				goto IL_02f0;
				end_IL_0020:;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncTaskMethodBuilder<string> reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_0333;
			}
			goto end_IL_0019;
			IL_02f0:
			num2 = (<>1__state = -2);
			ref AsyncTaskMethodBuilder<string> reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result);
			goto IL_0333;
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
		IL_0333:
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
	}

	void IAsyncStateMachine.SetStateMachine(IAsyncStateMachine stateMachine)
	{
		//ILSpy generated this explicit interface implementation from .override directive in SetStateMachine
		this.SetStateMachine(stateMachine);
	}
}
