using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Aws
{
    /// <summary>
    /// Sends one signed AWS call with HttpClient: SigV4 by the SDK's public signer, a short per-attempt timeout, retries
    /// with jittered backoff on connection failures, timeouts, 5xx and throttling (never on an authentication or
    /// validation error), and AWS errors turned into <see cref="StsToolsException"/> (id Aws&lt;Code&gt;). Every
    /// attempt is reported through <see cref="Log"/> (endpoint, status, time), never a secret.
    /// </summary>
    public sealed class SignedHttpTransport
    {
        // One handler for the process: connections are pooled, and nothing here keeps cookies.
        private static readonly HttpClient s_http = new HttpClient(new HttpClientHandler { UseCookies = false })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

        private static readonly HashSet<string> s_throttlingCodes = new HashSet<string>(StringComparer.Ordinal)
        {
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled",
            "SlowDown", "PriorRequestNotComplete",
        };

        private readonly Random _jitter = new Random();

        /// <summary>Per attempt.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        public int MaxAttempts { get; set; } = 3;

        /// <summary>First backoff; doubled after each retry, with up to 50% jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>Diagnostics (verbose): one line per attempt. May be called from any thread.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>A query-protocol call (IAM, EC2, STS): form POST of Action, Version and the parameters.</summary>
        public Task<AwsResponse> QueryAsync(ServiceEndpoint endpoint, TemporaryCredentials credentials, AwsProtocol protocol,
            string action, string version, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken cancel,
            bool inOptInRegion = false)
        {
            var form = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("Action", action),
                new KeyValuePair<string, string>("Version", version),
            };
            if (parameters != null)
            {
                form.AddRange(parameters);
            }

            var body = string.Join("&", form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            return SendAsync(endpoint, credentials, protocol, action, string.Empty, Encoding.UTF8.GetBytes(body),
                "application/x-www-form-urlencoded; charset=utf-8", cancel, inOptInRegion);
        }

        /// <summary>A rest-json call (Account): POST of a JSON body to a path under the endpoint.</summary>
        public Task<AwsResponse> JsonAsync(ServiceEndpoint endpoint, TemporaryCredentials credentials, string operation, string path,
            string json, CancellationToken cancel) =>
            SendAsync(endpoint, credentials, AwsProtocol.RestJson, operation, path, Encoding.UTF8.GetBytes(json), "application/json", cancel, false);

        private async Task<AwsResponse> SendAsync(ServiceEndpoint endpoint, TemporaryCredentials credentials, AwsProtocol protocol,
            string operation, string relativePath, byte[] body, string contentType, CancellationToken cancel, bool inOptInRegion)
        {
            var url = new Uri(endpoint.Url, relativePath);
            var what = $"{endpoint.Service} {operation} at {url} (signed for {endpoint.SigningRegion})";
            for (var attempt = 1; ; attempt++)
            {
                cancel.ThrowIfCancellationRequested();
                var started = Stopwatch.StartNew();
                string? retryReason;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
                {
                    timeout.CancelAfter(Timeout);
                    try
                    {
                        using (var request = BuildRequest(endpoint, credentials, url, body, contentType))
                        using (var response = await s_http.SendAsync(request, timeout.Token).ConfigureAwait(false))
                        {
                            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                            var status = (int)response.StatusCode;
                            Log?.Invoke($"{what}: HTTP {status} in {started.ElapsedMilliseconds} ms (attempt {attempt})");
                            if (response.IsSuccessStatusCode)
                            {
                                var id = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                                return new AwsResponse(response.StatusCode, text, id, url.ToString());
                            }

                            var (code, message, requestId) = AwsErrorParser.Parse(protocol, text, response);
                            var retryable = status >= 500 || status == 429 || (code != null && s_throttlingCodes.Contains(code));
                            if (!retryable || attempt >= MaxAttempts)
                            {
                                throw AwsErrorCatalog.ToException(code, message, status, requestId, $"{endpoint.Service}:{operation}", inOptInRegion);
                            }

                            retryReason = $"{code ?? "HTTP " + status}";
                        }
                    }
                    catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                    {
                        Log?.Invoke($"{what}: no answer within {Timeout.TotalSeconds:0.#} s (attempt {attempt})");
                        if (attempt >= MaxAttempts)
                        {
                            throw new StsToolsException("AwsEndpointTimeout", ErrorKind.OperationTimeout,
                                $"{endpoint.Service}:{operation} got no answer from {url} within {Timeout.TotalSeconds:0.#} s ({attempt} attempts).")
                            {
                                Cause = "The endpoint is unreachable or too slow (network, proxy, firewall, or a wrong -EndpointUrl).",
                                Remedy = "Check the network path to the endpoint, or give another one with -EndpointUrl.",
                                Target = url.ToString(),
                            };
                        }

                        retryReason = "timeout";
                    }
                    catch (HttpRequestException e)
                    {
                        Log?.Invoke($"{what}: connection failed: {e.Message} (attempt {attempt})");
                        if (attempt >= MaxAttempts)
                        {
                            throw new StsToolsException("AwsEndpointUnreachable", ErrorKind.ConnectionError,
                                $"{endpoint.Service}:{operation} could not reach {url}: {e.Message}", e)
                            {
                                Cause = "No network path to the endpoint (offline, DNS, proxy, firewall, or a wrong -EndpointUrl).",
                                Remedy = "Check the network, or give the right endpoint with -EndpointUrl.",
                                Target = url.ToString(),
                            };
                        }

                        retryReason = "connection failure";
                    }
                }

                var delay = TimeSpan.FromMilliseconds(BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (1 + NextJitter()));
                Log?.Invoke($"{what}: retrying after {retryReason} in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, cancel).ConfigureAwait(false);
            }
        }

        private double NextJitter()
        {
            lock (_jitter)
            {
                return _jitter.NextDouble() * 0.5;
            }
        }

        private static HttpRequestMessage BuildRequest(ServiceEndpoint endpoint, TemporaryCredentials credentials, Uri url, byte[] body, string contentType)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var signed = RequestSigner.Sign(HttpMethod.Post, url, new Dictionary<string, string> { ["Content-Type"] = contentType }, body,
                endpoint.Service, endpoint.SigningRegion, credentials);
            foreach (var header in signed)
            {
                if (!string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase))
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return request;
        }
    }
}
