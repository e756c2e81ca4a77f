using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[CompilerGenerated]
private sealed class <AddAsync>d__26 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncTaskMethodBuilder<int> <>t__builder;

	public int a;

	public int b;

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
					goto IL_0097;
				}
				if (a >= 0)
				{
					goto IL_009f;
				}
				awaiter = Task.Yield().GetAwaiter();
				if (awaiter.IsCompleted)
				{
					goto IL_0097;
				}
				num2 = (<>1__state = (num = 0));
				<>u__1 = awaiter;
				<AddAsync>d__26 stateMachine = this;
				<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
				goto end_IL_0019;
				IL_0097:
				awaiter.GetResult();
				goto IL_009f;
				IL_009f:
				result = a + b;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncTaskMethodBuilder<int> reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_0121;
			}
			num2 = (<>1__state = -2);
			ref AsyncTaskMethodBuilder<int> reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result);
			goto IL_0121;
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
		IL_0121:
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
