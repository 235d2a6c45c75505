using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>
    /// IAM Roles Anywhere CreateSession over HTTP (FACTS §5): POST /sessions, ARNs in the query string, signed by an
    /// <see cref="IX509RequestSigner"/>, 201 with a credentialSet, rest-json errors. No AWS SDK for .NET has this call.
    /// Transient failures (connection, throttling, 5xx) are retried twice, each attempt signed afresh.
    /// </summary>
    public sealed class CreateSessionClient
    {
        private static readonly HttpClient s_http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        private const int Attempts = 3;

        private readonly HttpClient _http;
        private readonly Func<DateTime> _utcNow;

        public CreateSessionClient(HttpClient? http = null, Func<DateTime>? utcNow = null)
        {
            _http = http ?? s_http;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>Where the call goes: -EndpointUrl, AWS_ENDPOINT_URL_ROLESANYWHERE, AWS_ENDPOINT_URL, else rolesanywhere.&lt;region&gt;.</summary>
        public static ServiceEndpoint Endpoint(string region, string? endpointUrl) =>
            EndpointResolver.Resolve(X509SigV4.Service, region, endpointUrl);

        public static Uri SessionsUrl(ServiceEndpoint endpoint)
        {
            var root = endpoint.Url.AbsoluteUri;
            var q = root.IndexOf('?');
            if (q >= 0)
            {
                root = root.Substring(0, q);
            }

            return new Uri(new Uri(root.EndsWith("/", StringComparison.Ordinal) ? root : root + "/"), "sessions");
        }

        public async Task<TemporaryCredentials> CreateSessionAsync(IX509RequestSigner signer, CreateSessionRequest request, ServiceEndpoint endpoint,
            Action<string>? verbose, CancellationToken cancel)
        {
            var url = SessionsUrl(endpoint);
            var query = new[]
            {
                new KeyValuePair<string, string>("profileArn", request.Arns.ProfileArn),
                new KeyValuePair<string, string>("roleArn", request.Arns.RoleArn),
                new KeyValuePair<string, string>("trustAnchorArn", request.Arns.TrustAnchorArn),
            };
            var body = request.Body();
            for (var attempt = 1; ; attempt++)
            {
                var signed = X509SigV4.SignPost(signer, url, query, body, request.Arns.Region, _utcNow());
                verbose?.Invoke($"CreateSession: POST {url} (region {request.Arns.Region}, {signer.Algorithm}, attempt {attempt}).");
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(ToHttp(signed), cancel).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (attempt < Attempts)
                {
                    verbose?.Invoke($"CreateSession: {url.Host} did not answer ({e.Message}); retrying.");
                    await Task.Delay(200 * attempt, cancel).ConfigureAwait(false);
                    continue;
                }
                catch (HttpRequestException e)
                {
                    throw new StsToolsException("RolesAnywhereEndpointUnreachable", ErrorKind.ConnectionError,
                        $"The Roles Anywhere endpoint {endpoint.Url} did not answer: {e.Message}", e)
                    { Target = endpoint.Url.ToString(), Remedy = "Check the network path to the endpoint, or give -EndpointUrl." };
                }
                catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
                {
                    throw new StsToolsException("RolesAnywhereTimeout", ErrorKind.OperationTimeout,
                        $"The Roles Anywhere endpoint {endpoint.Url} did not answer within {_http.Timeout.TotalSeconds:0} s.", e) { Target = endpoint.Url.ToString() };
                }

                using (response)
                {
                    var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status == 201 || status == 200)
                    {
                        verbose?.Invoke($"CreateSession: {endpoint.Url} answered {status}.");
                        return ParseCredentials(text, request, endpoint);
                    }

                    if ((status == 429 || status >= 500) && attempt < Attempts)
                    {
                        verbose?.Invoke($"CreateSession: {endpoint.Url} answered {status}; retrying.");
                        await Task.Delay(200 * attempt, cancel).ConfigureAwait(false);
                        continue;
                    }

                    throw AwsError(response, text, endpoint);
                }
            }
        }

        private static HttpRequestMessage ToHttp(SignedRequest signed)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, signed.Url) { Content = new ByteArrayContent(signed.Body) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var header in signed.Headers)
            {
                switch (header.Key)
                {
                    case "content-type":
                        break;
                    case "host":
                        message.Headers.Host = header.Value;
                        break;
                    default:
                        message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                        break;
                }
            }

            return message;
        }

        internal static TemporaryCredentials ParseCredentials(string json, CreateSessionRequest request, ServiceEndpoint endpoint)
        {
            try
            {
                using (var document = JsonDocument.Parse(json))
                {
                    var root = document.RootElement;
                    var set = root.GetProperty("credentialSet")[0];
                    var c = set.GetProperty("credentials");
                    var expiration = DateTime.Parse(c.GetProperty("expiration").GetString()!, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    var credentials = new TemporaryCredentials(c.GetProperty("accessKeyId").GetString()!, c.GetProperty("secretAccessKey").GetString()!,
                        c.GetProperty("sessionToken").GetString(), DateTime.SpecifyKind(expiration, DateTimeKind.Utc))
                    {
                        Source = CredentialSource.RolesAnywhere,
                        Region = request.Arns.Region,
                        IssuedBy = endpoint.IssuedBy,
                        IssuedByEndpoint = endpoint.Url.ToString(),
                        SubjectArn = String(root, "subjectArn"),
                        SourceIdentity = String(set, "sourceIdentity"),
                        PackedPolicySize = set.TryGetProperty("packedPolicySize", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : (int?)null,
                    };
                    credentials.TokenVersion = TokenVersionHint.FromToken(credentials.SessionToken);
                    if (set.TryGetProperty("assumedRoleUser", out var user))
                    {
                        credentials.Arn = String(user, "arn");
                        var parts = credentials.Arn?.Split(':');
                        credentials.AccountId = parts != null && parts.Length > 4 && parts[4].Length == 12 ? parts[4] : null;
                        credentials.SessionName = credentials.Arn?.Substring(credentials.Arn.LastIndexOf('/') + 1);
                    }

                    return credentials;
                }
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is IndexOutOfRangeException || e is FormatException || e is ArgumentNullException)
            {
                throw new StsToolsException("RolesAnywhereUnexpectedResponse", ErrorKind.InvalidData,
                    $"The Roles Anywhere endpoint {endpoint.Url} answered CreateSession with a body that has no credentialSet.", e) { Target = endpoint.Url.ToString() };
            }
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>rest-json error: code from X-Amzn-ErrorType, else the body's __type or code; message from the body.</summary>
        internal static StsToolsException AwsError(HttpResponseMessage response, string body, ServiceEndpoint endpoint)
        {
            string? code = response.Headers.TryGetValues("X-Amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
            string? message = null;
            try
            {
                using (var document = JsonDocument.Parse(body))
                {
                    var root = document.RootElement;
                    code ??= String(root, "__type") ?? String(root, "code") ?? String(root, "Code");
                    message = String(root, "message") ?? String(root, "Message");
                }
            }
            catch (JsonException)
            {
            }

            // "AccessDeniedException:http://internal.amazon.com/…" and "com.amazonaws…#AccessDeniedException" both occur.
            code = code?.Split(':')[0];
            code = code?.Substring(code.LastIndexOf('#') + 1);
            var status = (int)response.StatusCode;
            if (string.IsNullOrEmpty(code))
            {
                code = status == 403 ? "AccessDeniedException" : status == 404 ? "ResourceNotFoundException" : "HttpStatus" + status.ToString(CultureInfo.InvariantCulture);
            }

            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            var known = AwsErrorCatalog.Find(code);
            var error = new StsToolsException(AwsErrorCatalog.ErrorIdFor(code), known?.Kind ?? Kind(response.StatusCode),
                $"Roles Anywhere CreateSession failed ({endpoint.Url}): {message ?? response.ReasonPhrase}")
            {
                AwsErrorCode = code,
                RequestId = requestId,
                HttpStatus = status,
                Target = endpoint.Url.ToString(),
                Cause = known?.Cause,
                Remedy = known?.Remedy,
            };
            // What these codes mean for CreateSession in particular (the catalog's text is about IAM callers).
            switch (code)
            {
                case "AccessDeniedException":
                    error.Cause = "the certificate does not chain to the trust anchor, the trust anchor or profile is disabled, the profile does not list the role, or the role's trust policy does not allow rolesanywhere.amazonaws.com (sts:AssumeRole, sts:TagSession, sts:SetSourceIdentity).";
                    error.Remedy = "Check the trust anchor's CA, the profile's role list and the role's trust policy.";
                    break;
                case "ResourceNotFoundException":
                    error.Cause = "the trust anchor or profile ARN does not exist in this region and account.";
                    error.Remedy = "Copy the ARNs from the Roles Anywhere console (or aws rolesanywhere list-trust-anchors / list-profiles).";
                    break;
                case "ValidationException":
                    error.Cause = "a parameter was refused (duration longer than the role or profile allows, session name).";
                    break;
            }

            return error;
        }

        private static ErrorKind Kind(HttpStatusCode status)
        {
            switch ((int)status)
            {
                case 400: return ErrorKind.InvalidArgument;
                case 401:
                case 403: return ErrorKind.PermissionDenied;
                case 404: return ErrorKind.ObjectNotFound;
                case 429: return ErrorKind.LimitsExceeded;
                default: return (int)status >= 500 ? ErrorKind.ResourceUnavailable : ErrorKind.NotSpecified;
            }
        }
    }
}
