using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
        private readonly object _gate = new object();
        private readonly Queue<Func<CancellationToken, Task<Action?>>> _waiting = new Queue<Func<CancellationToken, Task<Action?>>>();
        private readonly int _throttle;
        private int _active; // calls in flight (guarded by _gate)
        private int _running;
        private int _started;
        private int _finished;

        public CallPump(int throttle) => _throttle = Math.Max(1, throttle);

        public int Started => Volatile.Read(ref _started);

        public int Finished => Volatile.Read(ref _finished);

        /// <summary>Called on the pipeline thread after each call finishes (progress).</summary>
        public Action? OnFinished { get; set; }

        /// <summary>
        /// Starts a call now when fewer than <c>throttle</c> are in flight, else queues it (first in, first out). A started
        /// call's synchronous part (building and signing the request) runs here, on the pipeline thread, up to its first
        /// real wait; the rest continues on the thread pool, and the thread that finishes a call starts the next queued
        /// one itself. No Task.Run, no semaphore continuation: a thread hop less per call, which is most of what the
        /// cmdlet cost over the bare SDK and what 200 piped roles spent waking threads (tests/benchmarks). Safe because a
        /// call never blocks synchronously on the pipeline thread: prompts go through <see cref="Ask{T}"/>, which the
        /// call awaits.
        /// </summary>
        /// <remarks><paramref name="work"/> returns what to do on the pipeline thread when it is done (write its result
        /// or error): posted together with the call's end, so a call wakes the pipeline thread once, as a bare SDK
        /// call wakes its caller once.</remarks>
        public void Run(Func<CancellationToken, Task<Action?>> work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _started);
            lock (_gate)
            {
                if (_active >= _throttle)
                {
                    _waiting.Enqueue(work);
                    return;
                }

                _active++;
            }

            _ = RunCallsAsync(work, cancellationToken);
        }

        /// <summary>One slot: runs its call, then each queued call in turn, until the queue is empty.</summary>
        private async Task RunCallsAsync(Func<CancellationToken, Task<Action?>>? work, CancellationToken cancellationToken)
        {
            while (work != null)
            {
                Action? last = null;
                try
                {
                    // After Ctrl+C the queued calls are not started, only counted as done.
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        last = await work(cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: the call reports nothing. The work reports its own failures.
                }
                catch (Exception e)
                {
                    // A failure the work did not report itself: rethrown on the pipeline thread, never lost, and
                    // this slot still goes on with the queue.
                    var failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                    last = failure.Throw;
                }
                finally
                {
                    Finish(last);
                }

                lock (_gate)
                {
                    if (_waiting.Count > 0)
                    {
                        work = _waiting.Dequeue();
                    }
                    else
                    {
                        _active--;
                        work = null;
                    }
                }
            }
        }

        private void Finish(Action? last)
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
        }
    }
}
