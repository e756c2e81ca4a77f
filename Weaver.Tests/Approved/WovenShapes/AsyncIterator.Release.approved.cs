using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using NonBlocking.Instrumentation;

[CompilerGenerated]
private sealed class <Numbers>d__31 : IAsyncEnumerable<int>, IAsyncEnumerator<int>, IAsyncDisposable, IValueTaskSource<bool>, IValueTaskSource, IAsyncStateMachine
{
	public int <>1__state;

	public AsyncIteratorMethodBuilder <>t__builder;

	public ManualResetValueTaskSourceCore<bool> <>v__promiseOfValueOrEnd;

	private int <>2__current;

	private bool <>w__disposeMode;

	private CancellationTokenSource <>x__combinedTokens;

	private int <>l__initialThreadId;

	private int count;

	public int <>3__count;

	private int <i>5__2;

	private YieldAwaitable.YieldAwaiter <>u__1;

	int IAsyncEnumerator<int>.Current
	{
		[DebuggerHidden]
		get
		{
			return <>2__current;
		}
	}

	[DebuggerHidden]
	public <Numbers>d__31(int <>1__state)
	{
		<>t__builder = AsyncIteratorMethodBuilder.Create();
		this.<>1__state = <>1__state;
		<>l__initialThreadId = Environment.CurrentManagedThreadId;
	}

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
				<Numbers>d__31 stateMachine;
				switch (num)
				{
				default:
					if (!<>w__disposeMode)
					{
						num2 = (<>1__state = (num = -1));
						<i>5__2 = 0;
						goto IL_0111;
					}
					goto end_IL_0020;
				case 0:
					awaiter = <>u__1;
					<>u__1 = default;
					num2 = (<>1__state = (num = -1));
					break;
				case -4:
					{
						num2 = (<>1__state = (num = -1));
						if (!<>w__disposeMode)
						{
							<i>5__2++;
							goto IL_0111;
						}
						goto end_IL_0020;
					}
					IL_0111:
					if (<i>5__2 >= count)
					{
						goto end_IL_0020;
					}
					awaiter = Task.Yield().GetAwaiter();
					if (awaiter.IsCompleted)
					{
						break;
					}
					num2 = (<>1__state = (num = 0));
					<>u__1 = awaiter;
					stateMachine = this;
					<>t__builder.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
					goto end_IL_0019;
				}
				awaiter.GetResult();
				<>2__current = <i>5__2;
				num2 = (<>1__state = (num = -4));
				goto IL_01db;
				end_IL_0020:;
			}
			catch (Exception exception)
			{
				num2 = (<>1__state = -2);
				if (<>x__combinedTokens != null)
				{
					<>x__combinedTokens.Dispose();
					<>x__combinedTokens = null;
				}
				<>2__current = 0;
				<>t__builder.Complete();
				ref ManualResetValueTaskSourceCore<bool> reference = ref <>v__promiseOfValueOrEnd;
				Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
				reference.SetException(exception);
				goto IL_0212;
			}
			num2 = (<>1__state = -2);
			if (<>x__combinedTokens != null)
			{
				<>x__combinedTokens.Dispose();
				<>x__combinedTokens = null;
			}
			<>2__current = 0;
			<>t__builder.Complete();
			ref ManualResetValueTaskSourceCore<bool> reference2 = ref <>v__promiseOfValueOrEnd;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference2.SetResult(result: false);
			goto IL_0212;
			IL_01db:
			ref ManualResetValueTaskSourceCore<bool> reference3 = ref <>v__promiseOfValueOrEnd;
			Probe.ExitBeforeCompletion(start, <NonBlocking>Sites.S1, entryState, num2);
			reference3.SetResult(result: true);
			goto IL_0212;
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
		IL_0212:
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

	[DebuggerHidden]
	IAsyncEnumerator<int> IAsyncEnumerable<int>.GetAsyncEnumerator(CancellationToken cancellationToken = default(CancellationToken))
	{
		<Numbers>d__31 obj;
		if (<>1__state == -2 && <>l__initialThreadId == Environment.CurrentManagedThreadId)
		{
			<>1__state = -3;
			<>t__builder = AsyncIteratorMethodBuilder.Create();
			<>w__disposeMode = false;
			obj = this;
		}
		else
		{
			obj = new <Numbers>d__31(-3);
		}
		obj.count = <>3__count;
		return obj;
	}

	[DebuggerHidden]
	ValueTask<bool> IAsyncEnumerator<int>.MoveNextAsync()
	{
		if (<>1__state == -2)
		{
			return default;
		}
		<>v__promiseOfValueOrEnd.Reset();
		<Numbers>d__31 stateMachine = this;
		<>t__builder.MoveNext(ref stateMachine);
		short version = <>v__promiseOfValueOrEnd.Version;
		if (<>v__promiseOfValueOrEnd.GetStatus(version) == ValueTaskSourceStatus.Succeeded)
		{
			return new ValueTask<bool>(<>v__promiseOfValueOrEnd.GetResult(version));
		}
		return new ValueTask<bool>(this, version);
	}

	[DebuggerHidden]
	bool IValueTaskSource<bool>.GetResult(short token)
	{
		return <>v__promiseOfValueOrEnd.GetResult(token);
	}

	[DebuggerHidden]
	ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token)
	{
		return <>v__promiseOfValueOrEnd.GetStatus(token);
	}

	[DebuggerHidden]
	void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
	{
		<>v__promiseOfValueOrEnd.OnCompleted(continuation, state, token, flags);
	}

	[DebuggerHidden]
	void IValueTaskSource.GetResult(short token)
	{
		<>v__promiseOfValueOrEnd.GetResult(token);
	}

	[DebuggerHidden]
	ValueTaskSourceStatus IValueTaskSource.GetStatus(short token)
	{
		return <>v__promiseOfValueOrEnd.GetStatus(token);
	}

	[DebuggerHidden]
	void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
	{
		<>v__promiseOfValueOrEnd.OnCompleted(continuation, state, token, flags);
	}

	[DebuggerHidden]
	ValueTask IAsyncDisposable.DisposeAsync()
	{
		if (<>1__state >= -1)
		{
			throw new NotSupportedException();
		}
		if (<>1__state == -2)
		{
			return default;
		}
		<>w__disposeMode = true;
		<>v__promiseOfValueOrEnd.Reset();
		<Numbers>d__31 stateMachine = this;
		<>t__builder.MoveNext(ref stateMachine);
		return new ValueTask(this, <>v__promiseOfValueOrEnd.Version);
	}
}
