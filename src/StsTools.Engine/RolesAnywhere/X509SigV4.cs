using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>
    /// SigV4 with a certificate's key (FACTS §5): the canonical request and string to sign are built here, once, for
    /// every key source. The SDK's AWS4Signer cannot be reused: it signs with an HMAC of a secret key, and its
    /// algorithm name, credential and header set are fixed to that.
    /// </summary>
    public static class X509SigV4
    {
        public const string Service = "rolesanywhere";

        /// <summary>Signs a POST of <paramref name="body"/> (JSON) to <paramref name="url"/> with <paramref name="query"/>.</summary>
        public static SignedRequest SignPost(IX509RequestSigner signer, Uri url, IEnumerable<KeyValuePair<string, string>> query, byte[] body, string region, DateTime utcNow)
        {
            var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var date = amzDate.Substring(0, 8);
            var canonicalQuery = string.Join("&", query
                .Select(p => new KeyValuePair<string, string>(UriEncode(p.Key), UriEncode(p.Value)))
                .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));

            var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["content-type"] = "application/json",
                ["host"] = url.IsDefaultPort ? url.Host : url.Host + ":" + url.Port.ToString(CultureInfo.InvariantCulture),
                ["x-amz-date"] = amzDate,
                ["x-amz-x509"] = Convert.ToBase64String(signer.Certificate.RawData),
            };
            if (signer.Intermediates.Count > 0)
            {
                headers["x-amz-x509-chain"] = string.Join(",", signer.Intermediates.Select(c => Convert.ToBase64String(c.RawData)));
            }

            var signedHeaders = string.Join(";", headers.Keys);
            var canonical = new StringBuilder()
                .Append("POST\n")
                .Append(CanonicalUri(url.AbsolutePath)).Append('\n')
                .Append(canonicalQuery).Append('\n');
            foreach (var h in headers)
            {
                canonical.Append(h.Key).Append(':').Append(CanonicalValue(h.Value)).Append('\n');
            }

            canonical.Append('\n').Append(signedHeaders).Append('\n').Append(HexSha256(body));
            var canonicalRequest = canonical.ToString();

            var scope = $"{date}/{region}/{Service}/aws4_request";
            var stringToSign = $"{signer.Algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";
            var signature = Hex(signer.Sign(Encoding.UTF8.GetBytes(stringToSign)));
            var authorization = $"{signer.Algorithm} Credential={CertificateSerial.Decimal(signer.Certificate)}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";

            var builder = new UriBuilder(url) { Query = canonicalQuery };
            var sent = headers.ToList();
            sent.Add(new KeyValuePair<string, string>("authorization", authorization));
            return new SignedRequest(builder.Uri, sent, body, canonicalRequest, stringToSign, authorization);
        }

        /// <summary>RFC 3986: everything but unreserved characters percent-encoded, upper-case hex.</summary>
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
                    sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }

        /// <summary>Every path segment (as sent, already escaped) encoded once more, as SigV4 does for all services but S3.</summary>
        private static string CanonicalUri(string absolutePath) =>
            absolutePath.Length == 0 ? "/" : string.Join("/", absolutePath.Split('/').Select(UriEncode));

        private static string CanonicalValue(string value)
        {
            var trimmed = value.Trim();
            var sb = new StringBuilder(trimmed.Length);
            var space = false;
            foreach (var c in trimmed)
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

        private static string HexSha256(byte[] data)
        {
            using (var sha = SHA256.Create())
            {
                return Hex(sha.ComputeHash(data));
            }
        }

        private static string Hex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }
    }
}
