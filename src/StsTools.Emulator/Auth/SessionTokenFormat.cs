using System.Security.Cryptography;
using System.Text;

namespace StsTools.Emulator.Auth;

/// <summary>
/// Shapes session tokens and temporary keys like AWS's (FACTS §1): v2 tokens start with <c>IQoJb3JpZ2lu</c>
/// (<c>\x21\x0a\x09origin_ec</c>, then the issuing region) and run to about 750+ characters; v1 tokens start
/// with <c>FwoGZXIvYXdz</c> (<c>\x17\x0a\x06er/aws</c>) and run to about 360. The rest is random: the token is a
/// handle the emulator looks up, not a container of claims.
/// </summary>
public static class SessionTokenFormat
{
    private static readonly byte[] s_v2Prefix = { 0x21, 0x0a, 0x09, (byte)'o', (byte)'r', (byte)'i', (byte)'g', (byte)'i', (byte)'n', (byte)'_', (byte)'e', (byte)'c' };
    private static readonly byte[] s_v1Prefix = { 0x17, 0x0a, 0x06, (byte)'e', (byte)'r', (byte)'/', (byte)'a', (byte)'w', (byte)'s' };

    public static string NewToken(int version, string issuingRegion)
    {
        using var bytes = new MemoryStream();
        if (version >= 2)
        {
            bytes.Write(s_v2Prefix);
            var region = Encoding.ASCII.GetBytes(issuingRegion);
            bytes.WriteByte(0x10);
            bytes.WriteByte(0x1a);
            bytes.WriteByte((byte)region.Length);
            bytes.Write(region);
            bytes.Write(RandomNumberGenerator.GetBytes(580 - (int)bytes.Length));
        }
        else
        {
            bytes.Write(s_v1Prefix);
            bytes.Write(RandomNumberGenerator.GetBytes(270 - (int)bytes.Length));
        }

        return Convert.ToBase64String(bytes.ToArray());
    }

    public static string NewTemporaryAccessKeyId() => "ASIA" + RandomUpperAlphanumeric(16);

    public static string NewSecretAccessKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', 'x').Replace('/', 'Y')[..40];

    /// <summary>A stable IAM unique id (AIDA…, AROA…) derived from the ARN, so restarts keep the same ids.</summary>
    public static string StableId(string prefix, string arn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(arn));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder(prefix);
        for (var i = 0; i < 17; i++)
        {
            sb.Append(alphabet[hash[i] % 32]);
        }

        return sb.ToString();
    }

    private static string RandomUpperAlphanumeric(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
