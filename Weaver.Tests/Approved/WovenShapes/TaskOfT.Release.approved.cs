using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <AddAsync>d__26 : IAsyncStateMachine
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
					goto IL_0088;
				}
				if (a >= 0)
				{
					goto IL_008f;
				}
				awaiter = Task.Yield().GetAwaiter();
				if (awaiter.IsCompleted)
				{
					goto IL_0088;
				}
				num2 = (<>1__state = (num = 0));
				<>u__1 = awaiter;
				<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref this);
				goto end_IL_0019;
				IL_0088:
				awaiter.GetResult();
				goto IL_008f;
				IL_008f:
				result = a + b;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncTaskMethodBuilder<int> reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_010f;
			}
			num2 = (<>1__state = -2);
			ref AsyncTaskMethodBuilder<int> reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result);
			goto IL_010f;
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
		IL_010f:
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
