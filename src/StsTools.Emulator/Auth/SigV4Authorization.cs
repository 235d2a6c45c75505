using System.Globalization;
using System.Text.RegularExpressions;

namespace StsTools.Emulator.Auth;

/// <summary>
/// The parts of a SigV4 (or Roles Anywhere's X.509 SigV4) Authorization header:
/// <c>&lt;algorithm&gt; Credential=&lt;id&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
/// Parsed before dispatch because the credential scope names the service.
/// </summary>
public sealed partial record SigV4Authorization(
    string Algorithm,
    string CredentialId,
    string ScopeDate,
    string ScopeRegion,
    string ScopeService,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public string Scope => $"{ScopeDate}/{ScopeRegion}/{ScopeService}/aws4_request";

    /// <summary>Null when the request carries no Authorization header; throws <see cref="FormatException"/> when
    /// it carries one that is not shaped like SigV4 (AWS: IncompleteSignature).</summary>
    public static SigV4Authorization? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var m = Shape().Match(header.Trim());
        if (!m.Success)
        {
            throw new FormatException("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters, and an AWS4 algorithm.");
        }

        // The credential id of the X.509 variant is a certificate serial; of HMAC SigV4 an access key id. Split from
        // the right: the id itself never holds '/', but be strict about the scope's four parts.
        var credential = m.Groups["cred"].Value.Split('/');
        if (credential.Length != 5 || credential[4] != "aws4_request" || credential[1].Length != 8)
        {
            throw new FormatException($"Credential should be scoped to a valid region and date, and end in aws4_request: '{m.Groups["cred"].Value}'.");
        }

        return new SigV4Authorization(
            m.Groups["alg"].Value,
            credential[0],
            credential[1],
            credential[2],
            credential[3],
            m.Groups["sh"].Value.Split(';'),
            m.Groups["sig"].Value);
    }

    /// <summary>Reads X-Amz-Date (yyyyMMddTHHmmssZ), falling back to the Date header (RFC 1123).</summary>
    public static DateTimeOffset? ParseRequestTime(string? amzDate, string? date)
    {
        if (!string.IsNullOrEmpty(amzDate))
        {
            return DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
        }

        return !string.IsNullOrEmpty(date) && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;
    }

    [GeneratedRegex(@"^(?<alg>AWS4-[A-Z0-9-]+)\s+Credential=(?<cred>[^,\s]+)\s*,\s*SignedHeaders=(?<sh>[^,\s]+)\s*,\s*Signature=(?<sig>[0-9a-fA-F]+)$")]
    private static partial Regex Shape();
}
