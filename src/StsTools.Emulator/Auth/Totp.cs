using System.Security.Cryptography;

namespace StsTools.Emulator.Auth;

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), as virtual MFA devices compute it.</summary>
public static class Totp
{
    public static string Code(string base32Seed, DateTimeOffset at) => Code(Base32Decode(base32Seed), at.ToUnixTimeSeconds() / 30);

    /// <summary>Accepts the code of the current step and one step either side (clock drift), as AWS does.</summary>
    public static bool Verify(string base32Seed, string code, DateTimeOffset at)
    {
        var key = Base32Decode(base32Seed);
        var step = at.ToUnixTimeSeconds() / 30;
        var ok = false;
        for (var d = -1; d <= 1; d++)
        {
            // Compare all three so the time taken does not depend on which step matched.
            ok |= CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(key, step + d)), System.Text.Encoding.ASCII.GetBytes(code));
        }

        return ok;
    }

    private static string Code(byte[] key, long step)
    {
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            counter[i] = (byte)(step & 0xff);
            step >>= 8;
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Trim().TrimEnd('=').Replace(" ", "").ToUpperInvariant();
        var output = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var v = alphabet.IndexOf(c);
            if (v < 0)
            {
                throw new FormatException("Not a base32 TOTP seed.");
            }

            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return output.ToArray();
    }
}
