using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using StsTools.Engine.Aws;

namespace StsTools.Engine.Tests.Aws;

/// <summary>
/// The signer the IAM/Account/EC2 clients and the STS probe use (AWSSDK.Core's public AWSSigV4Signer behind
/// <see cref="RequestSigner"/>), against AWS's published SigV4 test suite.
/// </summary>
public sealed class RequestSignerTests
{
    // AWS SigV4 test suite (aws-sig-v4-test-suite), case "post-x-www-form-urlencoded":
    //   POST / HTTP/1.1
    //   Content-Type:application/x-www-form-urlencoded
    //   Host:example.amazonaws.com
    //   X-Amz-Date:20150830T123600Z
    //
    //   Param1=value1
    // Credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1, service "service".
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime s_at = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private const string Body = "Param1=value1";

    // The suite's canonical request (post-x-www-form-urlencoded.creq) and signature (….authz).
    private const string SuiteCanonicalRequest =
        "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n" +
        "content-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";
    private const string SuiteSignature = "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a";

    [Fact]
    public void The_SDK_SigV4_core_reproduces_the_published_signature_for_the_POST_form_case()
    {
        // AWS4Signer.ComputeSignature is the key derivation and HMAC chain AWSSigV4Signer signs with.
        var result = AWS4Signer.ComputeSignature(AccessKey, SecretKey, "us-east-1", s_at, "service", "content-type;host;x-amz-date", SuiteCanonicalRequest);
        Assert.Equal(SuiteSignature, result.Signature);
        // And this test's own implementation of the suite's algorithm agrees, so it can judge the full signer below.
        Assert.Equal(SuiteSignature, SuiteAlgorithm(SuiteCanonicalRequest));
    }

    [Fact]
    public void The_request_signer_signs_the_suite_request_as_the_suite_algorithm_does_plus_the_body_hash_header()
    {
        var headers = RequestSigner.Sign(HttpMethod.Post, new Uri("https://example.amazonaws.com/"),
            new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Encoding.UTF8.GetBytes(Body), "service", "us-east-1", AccessKey, SecretKey, sessionToken: null, signedAt: s_at);

        // The SDK signer always signs x-amz-content-sha256 (every SigV4 service accepts it): the suite's canonical
        // request with that one header added, signed by the suite's algorithm, is what the module sends.
        var bodyHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";
        var canonical = "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n" +
            $"x-amz-content-sha256:{bodyHash}\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-content-sha256;x-amz-date\n{bodyHash}";
        var expected = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=" + SuiteAlgorithm(canonical);
        Assert.Equal(expected, Header(headers, "Authorization"));
        Assert.Equal("20150830T123600Z", Header(headers, "X-Amz-Date"));
        Assert.Equal(bodyHash, Header(headers, "X-Amz-Content-SHA256"));
    }

    [Fact]
    public void Session_credentials_add_the_security_token_header()
    {
        var headers = RequestSigner.Sign(HttpMethod.Post, new Uri("https://iam.amazonaws.com/"),
            new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Encoding.UTF8.GetBytes("Action=GetAccountSummary&Version=2010-05-08"), "iam", "us-east-1", AccessKey, SecretKey, "TOKEN-VALUE", s_at);
        Assert.Equal("TOKEN-VALUE", Header(headers, "X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", Header(headers, "Authorization"));
    }

    private static string Header(IDictionary<string, string> headers, string name) =>
        headers.First(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    // SigV4 as the suite documents it: string to sign, then the four-step key derivation.
    private static string SuiteAlgorithm(string canonicalRequest)
    {
        var stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var key = Encoding.UTF8.GetBytes("AWS4" + SecretKey);
        foreach (var part in new[] { "20150830", "us-east-1", "service", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }
}
