using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <FireAndForget>d__30 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncVoidMethodBuilder <>t__builder;

	public TaskCompletionSource<string> done;

	private YieldAwaitable.YieldAwaiter <>u__1;

	private void MoveNext()
	{
		int entryState = <>1__state;
		long start = Probe.Enter(<NonBlocking>Sites.S1, entryState);
		int num2;
		try
		{
			int num = <>1__state;
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
				done.SetResult("async-void-ran");
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				ref AsyncVoidMethodBuilder reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_0105;
			}
			num2 = (<>1__state = -2);
			ref AsyncVoidMethodBuilder reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult();
			goto IL_0105;
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
		IL_0105:
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
