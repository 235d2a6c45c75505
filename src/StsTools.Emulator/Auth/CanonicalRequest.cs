using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace StsTools.Emulator.Auth;

/// <summary>
/// SigV4's canonical request, rebuilt from what arrived on the wire. The URI is the path the client actually
/// signed — including the emulator's /&lt;region&gt;/ prefix — URI-encoded once more, as the SDKs do for every
/// service but S3.
/// </summary>
public static class CanonicalRequest
{
    public static string Build(string method, string rawPath, string rawQuery, Func<string, StringValues> header,
        IReadOnlyList<string> signedHeaders, byte[] body, bool excludeSignatureFromQuery = false)
    {
        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n');
        sb.Append(CanonicalUri(rawPath)).Append('\n');
        sb.Append(CanonicalQuery(rawQuery, excludeSignatureFromQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            sb.Append(name).Append(':').Append(CanonicalHeaderValue(header(name))).Append('\n');
        }

        sb.Append('\n');
        sb.Append(string.Join(';', signedHeaders)).Append('\n');
        sb.Append(Hex(SHA256.HashData(body)));
        return sb.ToString();
    }

    public static string StringToSign(string algorithm, string amzDate, string scope, string canonicalRequest) =>
        $"{algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        // Each segment as sent (already percent-encoded by the client) is encoded again.
        return string.Join('/', rawPath.Split('/').Select(s => UriEncode(s)));
    }

    public static string CanonicalQuery(string rawQuery, bool excludeSignature)
    {
        var q = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (q.Length == 0)
        {
            return "";
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var part in q.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..]);
            if (excludeSignature && key == "X-Amz-Signature")
            {
                continue;
            }

            pairs.Add((UriEncode(key), UriEncode(value)));
        }

        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Values trimmed, runs of spaces collapsed, repeated headers joined by commas.</summary>
    public static string CanonicalHeaderValue(StringValues values) =>
        string.Join(',', values.Select(v => CollapseSpaces((v ?? "").Trim())));

    /// <summary>RFC 3986 encoding: everything but unreserved characters, upper-case hex.</summary>
    public static string UriEncode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2"));
            }
        }

        return sb.ToString();
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                if (!space)
                {
                    sb.Append(c);
                }

                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }

        return sb.ToString();
    }
}
