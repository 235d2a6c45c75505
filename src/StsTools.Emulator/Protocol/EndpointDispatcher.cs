using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using StsTools.Emulator.Admin;
using StsTools.Emulator.Auth;
using StsTools.Emulator.Clock;
using StsTools.Emulator.Faults;
using StsTools.Emulator.Handlers;
using StsTools.Emulator.Logging;
using StsTools.Emulator.Oidc;
using StsTools.Emulator.RolesAnywhere;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Protocol;

/// <summary>
/// The one request handler of the port: admin API under /_emulator/, OIDC issuers under /_oidc/, and AWS endpoints
/// under /aws-global/ and /&lt;region&gt;/. For AWS endpoints it reads the request, decides the service, applies
/// the endpoint's faults, lets the service's handler answer, turns errors into the service's error format, and
/// logs the outcome.
/// </summary>
public sealed class EndpointDispatcher
{
    private const int MaxBodyBytes = 1 << 20;

    private readonly EmulatorState _state;
    private readonly AdminApi _admin;
    private readonly OidcEndpoints _oidc;
    private readonly Dictionary<string, Func<EmulatorRequest, Task>> _handlers;

    public EndpointDispatcher(EmulatorState state)
    {
        _state = state;
        _admin = new AdminApi(state);
        _oidc = new OidcEndpoints(state);
        var sts = new StsHandler(state);
        var iam = new IamHandler(state);
        var ec2 = new Ec2Handler(state);
        var account = new AccountHandler(state);
        var rolesAnywhere = new RolesAnywhereHandler(state);
        _handlers = new Dictionary<string, Func<EmulatorRequest, Task>>
        {
            [ServiceDetector.Sts] = sts.HandleAsync,
            [ServiceDetector.Iam] = iam.HandleAsync,
            [ServiceDetector.Ec2] = ec2.HandleAsync,
            [ServiceDetector.Account] = account.HandleAsync,
            [ServiceDetector.RolesAnywhere] = rolesAnywhere.HandleAsync,
        };
    }

    public async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToString();
        var q = rawTarget.IndexOf('?');
        var rawPath = q < 0 ? rawTarget : rawTarget[..q];
        var rawQuery = q < 0 ? "" : rawTarget[(q + 1)..];

        if (rawPath.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            await _admin.HandleAsync(context);
            return;
        }

        if (rawPath.StartsWith("/_oidc/", StringComparison.Ordinal))
        {
            await _oidc.HandleAsync(context);
            return;
        }

        var segments = rawPath.TrimStart('/').Split('/', 2);
        var endpoint = Uri.UnescapeDataString(segments[0]);
        if (!Regions.LooksLikeRegion(endpoint))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync(
                "StsTools emulator: address an endpoint as /aws-global/ (global STS) or /<region>/ (e.g. /us-east-1/); the admin API is under /_emulator/.\n");
            return;
        }

        await HandleAwsAsync(context, endpoint, segments.Length > 1 ? segments[1] : "", rawPath, rawQuery);
    }

    private async Task HandleAwsAsync(HttpContext context, string endpoint, string subPath, string rawPath, string rawQuery)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString();
        var body = await ReadBodyAsync(context);
        var parameters = Parameters(context, rawQuery, body);

        SigV4Authorization? auth = null;
        string? malformedAuth = null;
        try
        {
            auth = SigV4Authorization.Parse(context.Request.Headers.Authorization.ToString());
        }
        catch (FormatException e)
        {
            malformedAuth = e.Message;
        }

        var (service, operation) = ServiceDetector.Detect(context.Request.Method, subPath, auth, parameters);
        var fault = _state.Faults.Decide(endpoint, service);
        var log = new RequestLogEntry
        {
            Time = EmulatorClock.WallNow,
            Endpoint = endpoint,
            Service = service,
            Operation = operation,
            Method = context.Request.Method,
            AccessKeyId = auth?.CredentialId,
            RequestId = requestId,
            Fault = fault.Describe(),
            Outcome = "pending",
        };
        _state.Log.Add(log);

        var request = new EmulatorRequest
        {
            Http = context,
            Endpoint = endpoint,
            SubPath = subPath,
            RawPath = rawPath,
            RawQuery = rawQuery,
            Body = body,
            Parameters = parameters,
            Authorization = auth,
            Service = service,
            Operation = operation,
            RequestId = requestId,
            Log = log,
            Fault = fault,
        };

        var protocol = ServiceDetector.ProtocolOf(service);
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        // The Date header is how SDKs learn the server's clock (and correct for skew): say the endpoint's time.
        context.Response.Headers.Date = EmulatorClock.WallNow.AddSeconds(fault.SkewSeconds).ToString("r");
        try
        {
            if (!await ApplyConnectionFaultsAsync(context, fault, log))
            {
                return;
            }

            if (fault.Throttle)
            {
                throw protocol.Throttling();
            }

            if (fault.ErrorCode != null)
            {
                throw new AwsErrorException(fault.ErrorCode, fault.ErrorMessage ?? $"Injected {fault.ErrorCode} (emulator fault).",
                    fault.ErrorCodeStatus, isSenderFault: fault.ErrorCodeStatus < 500);
            }

            if (fault.ErrorStatus > 0)
            {
                throw protocol.ServerError(fault.ErrorStatus);
            }

            if (malformedAuth != null)
            {
                throw new AuthException(AuthProblem.IncompleteSignature, malformedAuth);
            }

            if (!_handlers.TryGetValue(service, out var handler))
            {
                throw new AwsErrorException("InvalidAction", $"The emulator does not know the operation '{operation}' (no Action, no SigV4 scope, no known path).");
            }

            if (request.IsGlobalEndpoint && service is not (ServiceDetector.Sts or ServiceDetector.Iam))
            {
                throw new AwsErrorException("UnknownEndpoint", $"Only STS (and IAM) are served at /{Regions.Global}/; {service} is regional.", 404);
            }

            await handler(request);
            log.Outcome = "OK";
        }
        catch (AuthException e)
        {
            var error = protocol.MapAuth(e);
            log.SignatureVerified = false;
            log.Outcome = error.Code;
            await protocol.WriteErrorAsync(context, requestId, error);
        }
        catch (ExplicitDenyException e)
        {
            var error = protocol.Denied(e);
            log.Outcome = error.Code;
            await protocol.WriteErrorAsync(context, requestId, error);
        }
        catch (AwsErrorException e)
        {
            log.Outcome = e.Code;
            await protocol.WriteErrorAsync(context, requestId, e);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            log.Outcome = "client gave up";
        }
        finally
        {
            log.Status = context.Response.StatusCode;
            log.DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    /// <summary>Down, black hole, latency and reset. False when the request ends here without an answer.</summary>
    private static async Task<bool> ApplyConnectionFaultsAsync(HttpContext context, FaultDecision fault, RequestLogEntry log)
    {
        if (fault.Down)
        {
            log.Outcome = "fault: down (connection refused)";
            context.Abort();
            return false;
        }

        if (fault.Blackhole)
        {
            log.Outcome = "fault: blackhole";
            try
            {
                // Asynchronous wait: no thread is held while the client waits; bounded so nothing hangs forever.
                await Task.Delay(TimeSpan.FromSeconds(fault.BlackholeMaxSeconds), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                log.Outcome = "fault: blackhole (client gave up)";
            }

            context.Abort();
            return false;
        }

        if (fault.LatencyMs > 0)
        {
            await Task.Delay(fault.LatencyMs, context.RequestAborted);
        }

        if (fault.Reset)
        {
            log.Outcome = "fault: connection reset";
            context.Abort();
            return false;
        }

        return true;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBodyBytes)
            {
                throw new BadHttpRequestException("Request body too large", 413);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Query-protocol parameters: the query string, then the form body (which wins).</summary>
    private static IReadOnlyDictionary<string, string> Parameters(HttpContext context, string rawQuery, byte[] body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in QueryHelpers.ParseQuery(rawQuery))
        {
            result[k] = v.ToString();
        }

        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (k, v) in QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body)))
            {
                result[k] = v.ToString();
            }
        }

        return result;
    }
}
