using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using StsTools.Emulator.Clock;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Oidc;

/// <summary>
/// The OIDC issuers the emulator plays (GitHub Actions, Azure DevOps): an RSA key each, generated at start, that
/// signs their ID tokens and that AssumeRoleWithWebIdentity verifies against — the emulator's stand-in for fetching
/// the issuer's JWKS.
/// </summary>
public sealed class OidcIssuers
{
    private readonly Func<WorldState> _world;
    private readonly EmulatorClock _clock;
    private readonly ConcurrentDictionary<string, (RSA Key, string KeyId)> _keys = new(StringComparer.Ordinal);

    public OidcIssuers(Func<WorldState> world, EmulatorClock clock)
    {
        _world = world;
        _clock = clock;
    }

    public OidcIssuerDocument? FindByName(string name) => _world().Document.OidcIssuers.FirstOrDefault(i => i.Name == name);

    public OidcIssuerDocument? FindByIssuer(string iss) =>
        _world().Document.OidcIssuers.FirstOrDefault(i => SameIssuer(i.Issuer, iss));

    /// <summary>Issuer URLs compare without scheme and trailing slash, as IAM OIDC provider URLs do.</summary>
    public static bool SameIssuer(string a, string b) => Normalize(a) == Normalize(b);

    public static string Normalize(string url) =>
        (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..] : url).TrimEnd('/');

    public (RSA Key, string KeyId) KeyOf(OidcIssuerDocument issuer) =>
        _keys.GetOrAdd(issuer.Issuer, _ => (RSA.Create(2048), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))));

    /// <summary>Signs an ID token. <paramref name="overrides"/> (from the admin API) replace or add claims, e.g. an
    /// expired exp or another sub.</summary>
    public string Mint(OidcIssuerDocument issuer, string audience, string subject, IDictionary<string, JsonElement>? overrides = null)
    {
        var now = _clock.Now.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["jti"] = Guid.NewGuid().ToString(),
            ["sub"] = subject,
            ["aud"] = audience,
        };
        foreach (var (k, v) in issuer.Claims)
        {
            claims[k] = JsonNode.Parse(v.GetRawText());
        }

        claims["iss"] = issuer.Issuer;
        claims["nbf"] = now - 5;
        claims["iat"] = now - 5;
        claims["exp"] = now + Math.Max(1, issuer.LifetimeSeconds);
        if (overrides != null)
        {
            foreach (var (k, v) in overrides)
            {
                claims[k] = JsonNode.Parse(v.GetRawText());
            }
        }

        var (key, kid) = KeyOf(issuer);
        return Jwt.Sign(key, kid, claims);
    }

    /// <summary>The issuer's public key as a JWKS document.</summary>
    public object Jwks(OidcIssuerDocument issuer)
    {
        var (key, kid) = KeyOf(issuer);
        var p = key.ExportParameters(false);
        return new { keys = new[] { new { kty = "RSA", alg = "RS256", use = "sig", kid, n = Jwt.Base64Url(p.Modulus!), e = Jwt.Base64Url(p.Exponent!) } } };
    }
}
