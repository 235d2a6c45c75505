using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StsTools.Emulator.Oidc;

/// <summary>Compact RS256 JSON Web Tokens: what the OIDC issuers sign and AssumeRoleWithWebIdentity reads.</summary>
public static class Jwt
{
    public static string Sign(RSA key, string keyId, JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = keyId };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    /// <summary>Splits and decodes a token without trusting it; null when it is not a JWT at all.</summary>
    public static ParsedJwt? Parse(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var header = JsonDocument.Parse(FromBase64Url(parts[0])).RootElement.Clone();
            var payload = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement.Clone();
            if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new ParsedJwt(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url") };
        return Convert.FromBase64String(s);
    }
}

public sealed record ParsedJwt(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    public string? Claim(string name) =>
        Payload.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()) : null;

    /// <summary>The aud claim: a string or an array of strings.</summary>
    public IReadOnlyList<string> Audiences =>
        !Payload.TryGetProperty("aud", out var v) ? Array.Empty<string>()
        : v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(a => a.GetString() ?? "").ToList()
        : new[] { v.GetString() ?? "" };

    public long? NumericClaim(string name) =>
        Payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
