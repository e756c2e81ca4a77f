using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NonBlocking.Instrumentation;

[StructLayout(LayoutKind.Auto)]
[CompilerGenerated]
private struct <CompletedValueTask>d__28 : IAsyncStateMachine
{
	public int <>1__state;

	public AsyncValueTaskMethodBuilder <>t__builder;

	private void MoveNext()
	{
		int entryState = <>1__state;
		long start = Probe.Enter(<NonBlocking>Sites.S1, entryState);
		try
		{
			int exitState;
			try
			{
			}
			catch (Exception exception)
			{
				exitState = (<>1__state = -2);
				ref AsyncValueTaskMethodBuilder reference = ref <>t__builder;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, exitState);
				reference.SetException(exception);
				goto end_IL_0015;
			}
			exitState = (<>1__state = -2);
			ref AsyncValueTaskMethodBuilder reference2 = ref <>t__builder;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, exitState);
			reference2.SetResult();
			end_IL_0015:;
		}
		catch
		{
			//try-fault
			Probe.Abandon();
			throw;
		}
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
