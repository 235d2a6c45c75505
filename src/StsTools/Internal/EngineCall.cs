using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Aws;

namespace StsTools.Internal
{
    /// <summary>
    /// Runs an engine call that awaits the network from a cmdlet: blocks the pipeline thread (cmdlets are synchronous),
    /// cancels on Ctrl+C, and hands the engine's diagnostics back so the cmdlet writes them as verbose messages on its
    /// own thread (PowerShell refuses writes from others).
    /// </summary>
    internal sealed class EngineCall
    {
        private readonly ConcurrentQueue<string> _messages = new ConcurrentQueue<string>();

        internal EngineCall(string? endpointUrl)
        {
            Options = new AwsClientOptions
            {
                EndpointUrl = string.IsNullOrWhiteSpace(endpointUrl) ? null : endpointUrl,
                Transport = new SignedHttpTransport { Log = _messages.Enqueue },
            };
        }

        internal AwsClientOptions Options { get; }

        internal T Run<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancel, Action<string> verbose)
        {
            try
            {
                return Task.Run(() => call(cancel), cancel).GetAwaiter().GetResult();
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
