using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// Sits under the SDK's HTTP client and reports every attempt the SDK makes (its retries included) with the URL
    /// and the outcome, which the SDK itself does not expose. Only URL, status and timing: no header or body.
    /// </summary>
    internal sealed class AttemptLoggingHandler : DelegatingHandler
    {
        public AttemptLoggingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = StsDiagnostics.CurrentCall;
            var attempt = call?.Next() ?? 1;
            var what = call == null ? "STS" : call.Label;
            if (StsDiagnostics.IsOn)
            {
                StsDiagnostics.Write(attempt == 1
                    ? $"{what}: {request.Method} {request.RequestUri}"
                    : $"{what}: retry {attempt - 1} ({request.Method} {request.RequestUri})");
            }

            var watch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (StsDiagnostics.IsOn)
                {
                    StsDiagnostics.Write($"{what}: HTTP {(int)response.StatusCode} from {request.RequestUri?.GetLeftPart(UriPartial.Authority)} in {watch.ElapsedMilliseconds} ms");
                }

                return response;
            }
            catch (Exception e) when (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                StsDiagnostics.Write($"{what}: no answer from {request.RequestUri?.GetLeftPart(UriPartial.Authority)} after {watch.ElapsedMilliseconds} ms ({Describe(e)})");
                throw;
            }
            catch (OperationCanceledException)
            {
                StsDiagnostics.Write($"{what}: gave up waiting for {request.RequestUri?.GetLeftPart(UriPartial.Authority)} after {watch.ElapsedMilliseconds} ms");
                throw;
            }
        }

        private static string Describe(Exception e)
        {
            var inner = e;
            while (inner.InnerException != null)
            {
                inner = inner.InnerException;
            }

            return e is TaskCanceledException ? "timed out" : inner.GetType().Name + ": " + inner.Message;
        }
    }
}
