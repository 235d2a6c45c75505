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

        public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _running);
            Interlocked.Increment(ref _started);
            Task.Run(async () =>
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await work(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }, cancellationToken).ContinueWith(_ =>
            {
                Interlocked.Increment(ref _finished);
                var onFinished = OnFinished;

                // The call counts as running until this lands on the pipeline thread: DrainAll then sees the last
                // event and the zero together, instead of waiting out a TryTake timeout after the last result.
                Post(() =>
                {
                    Interlocked.Decrement(ref _running);
                    onFinished?.Invoke();
                });
            }, TaskScheduler.Default);
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
