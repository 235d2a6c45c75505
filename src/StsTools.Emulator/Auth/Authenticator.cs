using StsTools.Emulator.Clock;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Auth;

/// <summary>
/// Turns a SigV4-signed request into a <see cref="Caller"/>, or an <see cref="AuthException"/> saying why not:
/// credential scope, clock-skew window, the key (long-term or an issued session whose token must match and be
/// live), the signature, and whether the credentials are good at this endpoint (opt-in regions refuse v1 tokens and
/// accounts that have not enabled them).
/// </summary>
public sealed class Authenticator
{
    private readonly Func<WorldState> _world;
    private readonly TokenStore _tokens;
    private readonly EmulatorClock _clock;

    public Authenticator(Func<WorldState> world, TokenStore tokens, EmulatorClock clock)
    {
        _world = world;
        _tokens = tokens;
        _clock = clock;
    }

    public Caller Authenticate(EmulatorRequest request)
    {
        var auth = request.Authorization ?? throw new AuthException(AuthProblem.MissingAuthentication);
        var world = _world();
        var headers = request.Http.Request.Headers;
        request.Log.AccessKeyId = auth.CredentialId;

        if (auth.Algorithm != SigV4Verifier.Algorithm)
        {
            throw new AuthException(AuthProblem.IncompleteSignature, $"Unsupported AWS 'algorithm': '{auth.Algorithm}'.");
        }

        if (!auth.SignedHeaders.Contains("host"))
        {
            throw new AuthException(AuthProblem.SignatureMismatch);
        }

        CheckScope(request, auth);
        var amzDate = headers["X-Amz-Date"].ToString();
        var requestTime = SigV4Authorization.ParseRequestTime(amzDate, headers.Date.ToString())
            ?? throw new AuthException(AuthProblem.IncompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (string.IsNullOrEmpty(amzDate))
        {
            amzDate = requestTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        }

        if (requestTime.ToString("yyyyMMdd") != auth.ScopeDate)
        {
            throw new AuthException(AuthProblem.SignatureMismatch);
        }

        CheckTime(requestTime, request.Fault.SkewSeconds, world.Document.SignatureSkewSeconds);

        var token = headers["X-Amz-Security-Token"].ToString();
        string secret;
        Caller caller;
        IssuedSession? session = null;
        var longTerm = world.FindAccessKey(auth.CredentialId);
        if (longTerm != null)
        {
            if (!longTerm.Key.Active || token.Length > 0)
            {
                throw new AuthException(AuthProblem.InvalidToken);
            }

            secret = longTerm.Key.SecretAccessKey;
            caller = WorldState.CallerFor(longTerm);
        }
        else
        {
            session = _tokens.Find(auth.CredentialId);
            if (session == null || token.Length == 0 || !string.Equals(session.SessionToken, token, StringComparison.Ordinal))
            {
                throw new AuthException(AuthProblem.InvalidToken);
            }

            request.Log.PresentedTokenVersion = session.TokenVersion;
            secret = session.SecretAccessKey;
            caller = session.Identity with { Session = session };
        }

        var canonical = CanonicalRequest.Build(request.Http.Request.Method, request.RawPath, request.RawQuery,
            name => headers[name], auth.SignedHeaders, request.Body);
        if (!SigV4Verifier.Verify(auth, amzDate, canonical, secret))
        {
            throw new AuthException(AuthProblem.SignatureMismatch);
        }

        request.Log.SignatureVerified = true;
        request.Log.Caller = caller.Arn;

        if (session != null && session.Expiration <= _clock.Now)
        {
            throw new AuthException(AuthProblem.ExpiredToken);
        }

        // FACTS §1: credentials do not exist in a region the account has not enabled, and v1 tokens (global endpoint,
        // v1 setting) are good only in the regions every account has.
        if (!request.IsGlobalEndpoint && Regions.IsOptIn(request.Region))
        {
            if (!world.IsRegionEnabled(caller.AccountId, request.Region) || session?.TokenVersion == 1)
            {
                throw new AuthException(AuthProblem.InvalidToken);
            }
        }

        DenyList.Check(world, caller, request);
        return caller;
    }

    private static void CheckScope(EmulatorRequest request, SigV4Authorization auth)
    {
        // IAM and Account are global services signed for us-east-1 wherever the endpoint is addressed.
        var regionOk = auth.ScopeRegion == request.Region
            || (auth.ScopeRegion == "us-east-1" && request.Service is "iam" or "account");
        if (!regionOk)
        {
            throw new AuthException(AuthProblem.WrongScope,
                $"Credential should be scoped to a valid region. Expected '{request.Region}', got '{auth.ScopeRegion}'.");
        }

        if (auth.ScopeService != request.Service)
        {
            throw new AuthException(AuthProblem.WrongScope,
                $"Credential should be scoped to correct service: '{request.Service}'.");
        }
    }

    /// <summary>AWS's window: a signature more than 15 minutes from the endpoint's clock is refused.</summary>
    private static void CheckTime(DateTimeOffset requestTime, int skewSeconds, int windowSeconds)
    {
        var now = EmulatorClock.WallNow.AddSeconds(skewSeconds);
        var window = TimeSpan.FromSeconds(windowSeconds);
        var minutes = (int)window.TotalMinutes;
        if (requestTime < now - window)
        {
            throw new AuthException(AuthProblem.SignatureTime,
                $"Signature expired: {Basic(requestTime)} is now earlier than {Basic(now - window)} ({Basic(now)} - {minutes} min.)");
        }

        if (requestTime > now + window)
        {
            throw new AuthException(AuthProblem.SignatureTime,
                $"Signature not yet current: {Basic(requestTime)} is still later than {Basic(now + window)} ({Basic(now)} + {minutes} min.)");
        }
    }

    private static string Basic(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
}
