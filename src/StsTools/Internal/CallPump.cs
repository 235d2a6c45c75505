using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace StsTools.Internal
{
    /// <summary>
    /// Runs a cmdlet's calls concurrently (at most <c>throttle</c> at once) while everything PowerShell must see —
    /// output, errors, verbose, progress, prompts — happens on the pipeline thread, the only one allowed to write.
    /// Calls post actions; the cmdlet drains them between inputs and at the end, so results come out as they finish.
    /// </summary>
    internal sealed class CallPump : IDisposable
    {
        private readonly BlockingCollection<Action> _events = new BlockingCollection<Action>();
        private readonly SemaphoreSlim _slots;
        private int _running;
        private int _started;
        private int _finished;

        public CallPump(int throttle) => _slots = new SemaphoreSlim(Math.Max(1, throttle));

        public int Started => Volatile.Read(ref _started);

        public int Finished => Volatile.Read(ref _finished);

        /// <summary>Called on the pipeline thread after each call finishes (progress).</summary>
        public Action? OnFinished { get; set; }

        /// <summary>
        /// Starts a call. Its synchronous part (building and signing the request) runs here, on the pipeline thread,
        /// up to its first real wait; the rest continues on the thread pool. Starting inline instead of through
        /// Task.Run saves a thread hop per call, which is most of the cmdlet's cost over the bare SDK (tests/benchmarks).
        /// Safe because a call never blocks synchronously on the pipeline thread: prompts go through <see cref="Ask{T}"/>,
        /// which the call awaits.
        /// </summary>
        /// <remarks><paramref name="work"/> returns what to do on the pipeline thread when it is done (write its result
        /// or error): posted together with the call's end, so a call wakes the pipeline thread once, as a bare SDK
        /// call wakes its caller once.</remarks>
        public void Run(Func<CancellationToken, Task<Action?>> work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _started);
            _ = RunAsync(work, cancellationToken);
        }

        private async Task RunAsync(Func<CancellationToken, Task<Action?>> work, CancellationToken cancellationToken)
        {
            Action? last = null;
            try
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    last = await work(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C while waiting for a slot: the call never started. The work reports its own failures.
            }
            catch (ObjectDisposedException)
            {
                // Disposed after Ctrl+C while a call was still unwinding.
            }
            finally
            {
                Interlocked.Increment(ref _finished);
                var onFinished = OnFinished;

                // The call counts as running until this lands on the pipeline thread: DrainAll then sees the last
                // event and the zero together, instead of waiting out a TryTake timeout after the last result.
                Post(() =>
                {
                    try
                    {
                        last?.Invoke();
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _running);
                        onFinished?.Invoke();
                    }
                });
            }
        }

        /// <summary>From any thread: run <paramref name="action"/> on the pipeline thread.</summary>
        public void Post(Action action)
        {
            try
            {
                _events.Add(action);
            }
            catch (InvalidOperationException)
            {
                // Disposed after Ctrl+C: nobody is listening any more.
            }
        }

        /// <summary>Pipeline thread: run what is waiting, without blocking.</summary>
        public void DrainAvailable()
        {
            while (_events.TryTake(out var action))
            {
                action();
            }
        }

        /// <summary>Pipeline thread: run everything until every call has finished (or Ctrl+C).</summary>
        public void DrainAll(CancellationToken cancellationToken)
        {
            while (Volatile.Read(ref _running) > 0 || _events.Count > 0)
            {
                if (_events.TryTake(out var action, 100, cancellationToken))
                {
                    action();
                }
            }
        }

        /// <summary>From a call's thread: ask something on the pipeline thread and wait for the answer.</summary>
        public Task<T> Ask<T>(Func<T> question, CancellationToken cancellationToken)
        {
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => answer.TrySetCanceled());
            Post(() =>
            {
                try
                {
                    answer.TrySetResult(question());
                }
                catch (Exception e)
                {
                    answer.TrySetException(e);
                }
            });
            return answer.Task;
        }

        public void Dispose()
        {
            _events.CompleteAdding();
            _slots.Dispose();
        }
    }
}
