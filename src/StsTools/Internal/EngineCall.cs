using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Aws;

namespace StsTools.Internal
{
    /// <summary>
    /// Runs an engine call that awaits the network from a cmdlet: the pipeline thread waits for it (cmdlets are
    /// synchronous) while answering what the call asks through <see cref="Pump"/> (an MFA prompt: a prompt from the
    /// call's own thread, or a wait on the pipeline thread without the pump, would deadlock), cancels on Ctrl+C, and
    /// hands the engine's diagnostics back so the cmdlet writes them as verbose messages on its own thread
    /// (PowerShell refuses writes from others).
    /// </summary>
    internal sealed class EngineCall
    {
        private readonly ConcurrentQueue<string> _messages = new ConcurrentQueue<string>();
        private readonly CallPump _pump = new CallPump(1);

        internal EngineCall(string? endpointUrl)
        {
            Options = new AwsClientOptions
            {
                EndpointUrl = string.IsNullOrWhiteSpace(endpointUrl) ? null : endpointUrl,
                Transport = new SignedHttpTransport { Log = Log },
            };
        }

        internal AwsClientOptions Options { get; }

        /// <summary>Questions a call asks of the pipeline thread (<see cref="CallPump.Ask{T}"/>) while <see cref="Run{T}"/> waits.</summary>
        internal CallPump Pump => _pump;

        /// <summary>Where engine code reports for -Verbose (written by <see cref="Flush"/> on the pipeline thread).</summary>
        internal Action<string> Log => _messages.Enqueue;

        internal T Run<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancel, Action<string> verbose)
        {
            try
            {
                Task<T>? task = null;
                _pump.Run(ct =>
                {
                    task = Task.Run(() => call(ct), ct);
                    return task.ContinueWith(_ => (Action?)null, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }, cancel);
                _pump.DrainAll(cancel);
                cancel.ThrowIfCancellationRequested();
                return task!.GetAwaiter().GetResult();
            }
            finally
            {
                Flush(verbose);
            }
        }

        internal void Flush(Action<string> verbose)
        {
            while (_messages.TryDequeue(out var message))
            {
                verbose(message);
            }
        }

        /// <summary>Resolves the endpoint once so that a malformed -EndpointUrl fails before anything is sent.</summary>
        internal void CheckEndpoint(string service) => Options.Resolve(service, "us-east-1");
    }
}
