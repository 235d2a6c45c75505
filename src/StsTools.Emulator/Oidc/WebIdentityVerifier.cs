using System.Globalization;
using System.Security.Cryptography;
using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.Oidc;

/// <summary>What a verified web-identity token says, for the trust policy and the response.</summary>
public sealed record VerifiedWebIdentity(
    string ProviderArn,
    string ProviderName,
    string Subject,
    string Audience,
    Dictionary<string, List<string>> ConditionKeys);

/// <summary>
/// Checks a web-identity token as STS does: an OIDC provider for its issuer in the role's account, an audience
/// among the provider's client ids, an RS256 signature by the issuer's key, and exp/nbf against the world clock.
/// </summary>
public sealed class WebIdentityVerifier
{
    private readonly EmulatorState _state;

    public WebIdentityVerifier(EmulatorState state) => _state = state;

    public VerifiedWebIdentity Verify(string token, string roleAccountId)
    {
        var jwt = Jwt.Parse(token) ?? throw Invalid("The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.");
        var iss = jwt.Claim("iss") ?? throw Invalid("The web identity token that was passed does not contain an issuer (iss) claim.");
        var account = _state.World.FindAccount(roleAccountId);
        var provider = account?.OidcProviders.FirstOrDefault(p => OidcIssuers.SameIssuer(p.Url, iss))
            ?? throw Invalid($"No OpenIDConnect provider found in your account for {iss}");

        var issuer = _state.Oidc.FindByIssuer(iss)
            ?? throw new AwsErrorException("IDPCommunicationError", "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
        var (key, kid) = _state.Oidc.KeyOf(issuer);
        var alg = jwt.Header.TryGetProperty("alg", out var a) ? a.GetString() : null;
        var tokenKid = jwt.Header.TryGetProperty("kid", out var k) ? k.GetString() : null;
        if (alg != "RS256" || (tokenKid != null && tokenKid != kid)
            || !key.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw Invalid("The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.");
        }

        var audience = jwt.Audiences.FirstOrDefault(provider.ClientIds.Contains);
        if (audience == null)
        {
            throw Invalid("Incorrect token audience");
        }

        var now = _state.Clock.Now.ToUnixTimeSeconds();
        var exp = jwt.NumericClaim("exp") ?? throw Invalid("The web identity token that was passed does not contain an expiration (exp) claim.");
        if (exp <= now)
        {
            throw new AwsErrorException("ExpiredTokenException",
                $"Token expired: current date/time {Stamp(now)} must be before the expiration date/time {Stamp(exp)}");
        }

        if (jwt.NumericClaim("nbf") is { } nbf && nbf > now + 300)
        {
            throw Invalid("The web identity token is not valid yet (nbf).");
        }

        var subject = jwt.Claim("sub") ?? throw Invalid("The web identity token that was passed does not contain a subject (sub) claim.");
        var host = OidcIssuers.Normalize(provider.Url);
        var keys = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            [host + ":aud"] = new() { audience },
            [host + ":sub"] = new() { subject },
            [host + ":iss"] = new() { iss },
        };
        if (jwt.Claim("amr") is { } amr)
        {
            keys[host + ":amr"] = new() { amr };
        }

        var accountId = account!.Id;
        return new VerifiedWebIdentity($"arn:aws:iam::{accountId}:oidc-provider/{host}", iss, subject, audience, keys);
    }

    private static AwsErrorException Invalid(string message) => new("InvalidIdentityToken", message);

    private static string Stamp(long unix) =>
        DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
