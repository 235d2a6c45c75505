using System.Security.Cryptography;
using System.Text;

namespace StsTools.Emulator.Auth;

/// <summary>Checks an HMAC SigV4 signature against the caller's secret key.</summary>
public static class SigV4Verifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static bool Verify(SigV4Authorization auth, string amzDate, string canonicalRequest, string secretAccessKey)
    {
        var stringToSign = CanonicalRequest.StringToSign(Algorithm, amzDate, auth.Scope, canonicalRequest);
        var key = SigningKey(secretAccessKey, auth.ScopeDate, auth.ScopeRegion, auth.ScopeService);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromHexString(auth.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, Encoding.UTF8.GetBytes("aws4_request"));
    }
}
