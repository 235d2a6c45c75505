using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SecurityToken;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// Runs one STS call on the first endpoint of the plan that answers: the SDK retries inside each endpoint; a
    /// transient failure (<see cref="TransientFailure"/>) moves to the next; anything else is AWS's answer and is
    /// reported at once. With every endpoint down the caller gets one error that lists what each one did.
    /// </summary>
    public static class FailoverInvoker
    {
        public static async Task<StsCallResult<T>> InvokeAsync<T>(
            StsEndpointOptions options,
            AWSCredentials? credentials,
            string operation,
            Func<IAmazonSecurityTokenService, CancellationToken, Task<T>> call,
            CancellationToken cancellationToken)
        {
            var plan = options.Plan();
            var failures = new List<string>();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < plan.Count; i++)
            {
                var endpoint = plan[i];
                var hasNext = i + 1 < plan.Count;
                cancellationToken.ThrowIfCancellationRequested();
                // Only an endpoint with a next one to fall back to has a budget of its own.
                using var budget = hasNext ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
                budget?.CancelAfter(options.Timeouts.FailoverBudget);

                if (StsDiagnostics.IsOn)
                {
                    StsDiagnostics.Write($"STS {operation}: using {(endpoint.IsGlobal ? "the global" : "the regional")} endpoint {endpoint.Url} ({endpoint.IssuedBy}, signed for {endpoint.SigningRegion}){(endpoint.IsCustom ? ", custom URL" : "")}");
                }

                if (StsDiagnostics.IsOn)
                {
                    StsDiagnostics.StartCall(operation); // numbers the attempts in the messages
                }

                try
                {
                    using var lease = StsClientCache.Rent(endpoint, credentials, options.Timeouts);
                    var result = await call(lease.Client, budget?.Token ?? cancellationToken).ConfigureAwait(false);
                    if (StsDiagnostics.IsOn)
                    {
                        StsDiagnostics.Write($"STS {operation}: served by {endpoint.Url} ({endpoint.IssuedBy}) in {watch.ElapsedMilliseconds} ms");
                    }

                    return new StsCallResult<T>(result, endpoint);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientFailure.IsTransient(e, out var reason))
                {
                    if (e is OperationCanceledException)
                    {
                        reason = $"no answer within {options.Timeouts.FailoverBudget.TotalSeconds:0.#} s";
                    }

                    failures.Add($"{endpoint.Url} ({endpoint.IssuedBy}): {reason}");
                    if (hasNext)
                    {
                        StsDiagnostics.Write($"STS {operation}: failing over from {endpoint.IssuedBy} ({reason}) to {plan[i + 1].IssuedBy} {plan[i + 1].Url}");
                    }
                }
                catch (AmazonServiceException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw AwsErrorMapper.FromService(e, operation, endpoint.Url.ToString());
                }
            }

            var text = new StringBuilder();
            text.Append(plan.Count == 1 ? $"STS {operation}: the endpoint did not answer: " : $"STS {operation}: none of the {plan.Count} endpoints answered: ");
            text.Append(string.Join("; ", failures)).Append('.');
            throw new StsToolsException(plan.Count == 1 ? "StsEndpointUnavailable" : "StsEndpointsUnavailable", ErrorKind.ConnectionError, text.ToString())
            {
                Cause = "The STS endpoint is unreachable, timing out, failing (5xx) or throttling.",
                Remedy = plan.Count == 1
                    ? "Check the network path to the endpoint (proxy, VPC endpoint, -EndpointUrl), or give -FallbackRegion to try other regions."
                    : "Check the network path to STS (proxy, VPC endpoints, -EndpointUrl) and try again later.",
                Target = plan[0].Url.ToString(),
            };
        }
    }

    /// <summary>An STS answer and the endpoint that gave it (for IssuedBy and the token version).</summary>
    public sealed class StsCallResult<T>
    {
        public StsCallResult(T response, ServiceEndpoint servedBy)
        {
            Response = response;
            ServedBy = servedBy;
        }

        public T Response { get; }

        public ServiceEndpoint ServedBy { get; }
    }
}
