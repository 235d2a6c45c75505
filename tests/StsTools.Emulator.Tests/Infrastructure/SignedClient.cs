using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace StsTools.Emulator.Tests.Infrastructure;

/// <summary>
/// A minimal SigV4 client written here, independent of the emulator's code, for requests the AWS CLI would refuse
/// to send (botocore checks some limits itself) and for precise control (wrong keys, skewed timestamps, tampering).
/// Fidelity with real clients is what the CLI and boto3 tests show; this one exercises the edges.
/// </summary>
public sealed class SignedClient
{
    private static readonly HttpClient s_http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public required string EndpointUrl { get; init; }
    public required string Region { get; init; }
    public string Service { get; init; } = "sts";
    public string? AccessKeyId { get; init; }
    public string? SecretAccessKey { get; init; }
    public string? SessionToken { get; init; }
    /// <summary>Signs with this time instead of now (clock-skew tests).</summary>
    public DateTimeOffset? SigningTime { get; init; }

    public static SignedClient Alice(string endpointUrl, string region, string service = "sts") => new()
    {
        EndpointUrl = endpointUrl,
        Region = region,
        Service = service,
        AccessKeyId = DefaultWorld.AliceAccessKeyId,
        SecretAccessKey = DefaultWorld.AliceSecretAccessKey,
    };

    public SignedClient WithCredentials(StsCredentials c) => new()
    {
        EndpointUrl = EndpointUrl,
        Region = Region,
        Service = Service,
        AccessKeyId = c.AccessKeyId,
        SecretAccessKey = c.SecretAccessKey,
        SessionToken = c.SessionToken,
    };

    /// <summary>A query-protocol call (STS 2011-06-15, IAM 2010-05-08, EC2 2016-11-15) as a form POST.</summary>
    public QueryResponse Query(string action, IEnumerable<KeyValuePair<string, string>>? parameters = null, string? version = null)
    {
        version ??= Service switch { "iam" => "2010-05-08", "ec2" => "2016-11-15", _ => "2011-06-15" };
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        if (parameters != null)
        {
            form.AddRange(parameters);
        }

        var body = string.Join("&", form.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        using var response = Send("POST", "", body, "application/x-www-form-urlencoded; charset=utf-8");
        return new QueryResponse((int)response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    public HttpResponseMessage Send(string method, string relativePath, string body, string contentType, IDictionary<string, string>? extraHeaders = null)
    {
        var uri = new Uri(new Uri(EndpointUrl), relativePath);
        var request = new HttpRequestMessage(new HttpMethod(method), uri)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var now = SigningTime ?? DateTimeOffset.UtcNow;
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'");
        var date = amzDate[..8];
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
            ["x-amz-date"] = amzDate,
            ["content-type"] = contentType,
        };
        if (SessionToken != null)
        {
            headers["x-amz-security-token"] = SessionToken;
        }

        if (extraHeaders != null)
        {
            foreach (var (k, v) in extraHeaders)
            {
                headers[k.ToLowerInvariant()] = v;
            }
        }

        foreach (var (k, v) in headers)
        {
            if (k is "host" or "content-type")
            {
                continue;
            }

            request.Headers.TryAddWithoutValidation(k, v);
        }

        if (AccessKeyId != null)
        {
            var signedHeaders = string.Join(";", headers.Keys);
            var canonical = string.Join("\n",
                method,
                string.Join("/", uri.AbsolutePath.Split('/').Select(Encode)),
                string.Join("&", QueryPairs(uri.Query).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)),
                string.Concat(headers.Select(h => h.Key + ":" + h.Value.Trim() + "\n")),
                signedHeaders,
                Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
            var scope = $"{date}/{Region}/{Service}/aws4_request";
            var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
            var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + SecretAccessKey), date), Region), Service), "aws4_request");
            var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential={AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        }

        return s_http.Send(request);
    }

    public static string Encode(string s)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
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

    private static IEnumerable<KeyValuePair<string, string>> QueryPairs(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var i = p.IndexOf('=');
            return new KeyValuePair<string, string>(
                Encode(Uri.UnescapeDataString(i < 0 ? p : p[..i])), Encode(i < 0 ? "" : Uri.UnescapeDataString(p[(i + 1)..])));
        });

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

/// <summary>A query-protocol answer: status, body, and the error code/message or result elements.</summary>
public sealed record QueryResponse(int Status, string Body)
{
    public XDocument Xml => XDocument.Parse(Body);

    public string? ErrorCode => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;

    public string? ErrorMessage => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;

    public string? Value(string localName) => Xml.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    public bool Ok => Status == 200;

    public StsCredentials Credentials => !Ok ? throw new InvalidOperationException("No credentials in " + this) : new(Value("AccessKeyId")!, Value("SecretAccessKey")!, Value("SessionToken")!, DateTimeOffset.Parse(Value("Expiration")!));

    public override string ToString() => $"{Status}: {Body}";
}

public sealed record StsCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration);
