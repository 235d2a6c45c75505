using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace StsTools.Emulator.Tests.Infrastructure;

/// <summary>
/// A Roles Anywhere CreateSession signer written here from FACTS §5 with .NET crypto, independent of the emulator
/// and of the module: X-Amz-X509 (+ chain), SigV4 canonical request, AWS4-X509-RSA-SHA256 (PKCS#1 v1.5) or
/// AWS4-X509-ECDSA-SHA256 (DER signature), the serial in decimal as the credential.
/// </summary>
public sealed class RolesAnywhereTestSigner
{
    private static readonly HttpClient s_http = new();

    public required X509Certificate2 Certificate { get; init; }
    public required AsymmetricAlgorithm Key { get; init; }
    public IReadOnlyList<X509Certificate2> Chain { get; init; } = Array.Empty<X509Certificate2>();
    /// <summary>Replaces the decimal serial in Credential (negative or hex serial tests).</summary>
    public string? CredentialOverride { get; init; }
    /// <summary>Changes the signature after signing (wrong-signature tests).</summary>
    public bool CorruptSignature { get; init; }

    public static RolesAnywhereTestSigner FromPki(string name, params string[] chain)
    {
        var dir = DefaultWorld.PkiDirectory;
        var cert = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir, name + ".pem")));
        var keyPem = File.ReadAllText(Path.Combine(dir, name + ".key"));
        AsymmetricAlgorithm key = cert.GetKeyAlgorithm() == "1.2.840.10045.2.1" ? ECDsa.Create() : RSA.Create();
        key.ImportFromPem(keyPem);
        return new RolesAnywhereTestSigner
        {
            Certificate = cert,
            Key = key,
            Chain = chain.Select(c => X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir, c + ".pem")))).ToList(),
        };
    }

    public static string DecimalSerial(X509Certificate2 cert) => new BigInteger(cert.GetSerialNumber(), isUnsigned: true).ToString();

    public (int Status, string Body, string? ErrorType) CreateSession(string endpointUrl, string region, string roleArn = DefaultWorld.RolesAnywhereRoleArn,
        string profileArn = DefaultWorld.ProfileArn, string trustAnchorArn = DefaultWorld.TrustAnchorArn, int durationSeconds = 3600)
    {
        var url = new Uri(new Uri(endpointUrl), "sessions");
        var query = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["profileArn"] = profileArn,
            ["roleArn"] = roleArn,
            ["trustAnchorArn"] = trustAnchorArn,
        };
        var canonicalQuery = string.Join("&", query.Select(p => SignedClient.Encode(p.Key) + "=" + SignedClient.Encode(p.Value)));
        var body = JsonSerializer.Serialize(new { durationSeconds });
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/json",
            ["host"] = url.Authority,
            ["x-amz-date"] = amzDate,
            ["x-amz-x509"] = Convert.ToBase64String(Certificate.RawData),
        };
        if (Chain.Count > 0)
        {
            headers["x-amz-x509-chain"] = string.Join(",", Chain.Select(c => Convert.ToBase64String(c.RawData)));
        }

        var algorithm = Key is ECDsa ? "AWS4-X509-ECDSA-SHA256" : "AWS4-X509-RSA-SHA256";
        var signedHeaders = string.Join(";", headers.Keys);
        var canonical = $"POST\n{url.AbsolutePath}\n{canonicalQuery}\n{string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n"))}\n{signedHeaders}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var scope = $"{amzDate[..8]}/{region}/rolesanywhere/aws4_request";
        var stringToSign = Encoding.UTF8.GetBytes($"{algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}");
        var signature = Key is ECDsa ec
            ? ec.SignData(stringToSign, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            : ((RSA)Key).SignData(stringToSign, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (CorruptSignature)
        {
            signature[^1] ^= 0x01;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, url + "?" + canonicalQuery) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (k, v) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            request.Headers.TryAddWithoutValidation(k, v);
        }

        var credential = CredentialOverride ?? DecimalSerial(Certificate);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{algorithm} Credential={credential}/{scope}, SignedHeaders={signedHeaders}, Signature={Hex(signature)}");
        using var response = s_http.Send(request);
        var errorType = response.Headers.TryGetValues("X-Amzn-ErrorType", out var values) ? values.First() : null;
        return ((int)response.StatusCode, response.Content.ReadAsStringAsync().Result, errorType);
    }

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);
}
