using System;
using System.Security.Cryptography;

namespace StsTools.Testing.Emulator;

/// <summary>RFC 6238 TOTP codes (SHA-1, 30 s, 6 digits), computed independently of the emulator for tests. Use the
/// emulator's clock (<see cref="EmulatorProcess.Now"/>) when a test moved it.</summary>
public static class Totp
{
    public static string Code(string base32Seed, DateTimeOffset at)
    {
        var key = Base32(base32Seed);
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--, step >>= 8)
        {
            counter[i] = (byte)(step & 0xff);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var o = hash[^1] & 0x0f;
        var value = ((hash[o] & 0x7f) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (value % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string seed)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new System.Collections.Generic.List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in seed.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return bytes.ToArray();
    }
}
