using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;
using StsTools.Engine.RolesAnywhere;
using StsTools.Testing.Emulator;

namespace StsTools.Engine.Tests.RolesAnywhere;

/// <summary>How the client reads answers the emulator does not give: rest-json error code spellings, transient
/// failures retried with a fresh signature. The network is replaced by canned HTTP answers.</summary>
public sealed class CreateSessionResponseTests
{
    private sealed class CannedHandler : HttpMessageHandler
    {
        private readonly Queue<Func<HttpResponseMessage>> _answers;

        public CannedHandler(params Func<HttpResponseMessage>[] answers) => _answers = new Queue<Func<HttpResponseMessage>>(answers);

        public List<HttpRequestMessage> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(_answers.Dequeue()());
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body, string? errorType = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("x-amzn-RequestId", "req-123");
        if (errorType != null)
        {
            response.Headers.Add("X-Amzn-ErrorType", errorType);
        }

        return response;
    }

    private const string Created = """
        {"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::222222222222:assumed-role/RolesAnywhereRole/s1","assumedRoleId":"AROA:s1"},
        "credentials":{"accessKeyId":"ASIAEXAMPLEEXAMPLE01","secretAccessKey":"secret","sessionToken":"IQoJb3JpZ2luEXAMPLE","expiration":"2030-01-02T03:04:05Z"},
        "packedPolicySize":0,"roleArn":"arn:aws:iam::222222222222:role/RolesAnywhereRole","sourceIdentity":"CN=x"}],"subjectArn":"arn:aws:rolesanywhere:us-east-1:222222222222:subject/abc"}
        """;

    private static (StsToolsException? Error, Engine.Credentials.TemporaryCredentials? Result, CannedHandler Handler) Call(params Func<HttpResponseMessage>[] answers)
    {
        var handler = new CannedHandler(answers);
        using var signer = PemFileSigner.Load(Pki.File("leaf-p256.pem"), Pki.File("leaf-p256.key"), null, Array.Empty<X509Certificate2>());
        var client = new CreateSessionClient(new HttpClient(handler));
        var arns = RolesAnywhereArns.Parse(DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn, null);
        var endpoint = EndpointResolver.Resolve("rolesanywhere", "us-east-1", environment: _ => null);
        try
        {
            var result = client.CreateSessionAsync(signer, new CreateSessionRequest(arns), endpoint, null, CancellationToken.None).GetAwaiter().GetResult();
            return (null, result, handler);
        }
        catch (StsToolsException e)
        {
            return (e, null, handler);
        }
    }

    [Fact]
    public void A_201_credential_set_becomes_Roles_Anywhere_credentials()
    {
        var (_, c, handler) = Call(() => Json(HttpStatusCode.Created, Created));
        Assert.NotNull(c);
        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), c!.Expiration);
        Assert.Equal("s1", c.SessionName);
        Assert.Equal(Engine.Credentials.TokenVersion.V2, c.TokenVersion);
        Assert.Equal("arn:aws:rolesanywhere:us-east-1:222222222222:subject/abc", c.SubjectArn);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://rolesanywhere.us-east-1.amazonaws.com/sessions?profileArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A222222222222%3Aprofile%2F0a1b2c3d-0000-4000-8000-000000000002&roleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2FRolesAnywhereRole&trustAnchorArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A222222222222%3Atrust-anchor%2F0a1b2c3d-0000-4000-8000-000000000001",
            sent.RequestUri!.AbsoluteUri);
        Assert.StartsWith("AWS4-X509-ECDSA-SHA256 Credential=8194/", sent.Headers.GetValues("Authorization").Single());
    }

    [Theory]
    [InlineData("AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/", "{\"message\":\"denied\"}", 403, "AwsAccessDeniedException")]
    [InlineData(null, "{\"__type\":\"com.amazonaws.rolesanywhere#ResourceNotFoundException\",\"message\":\"no anchor\"}", 404, "AwsResourceNotFoundException")]
    [InlineData(null, "{\"code\":\"ValidationException\",\"message\":\"bad duration\"}", 400, "AwsValidationException")]
    [InlineData(null, "not json", 403, "AwsAccessDeniedException")]
    public void Rest_json_errors_keep_their_code_and_request_id(string? header, string body, int status, string errorId)
    {
        var (e, _, _) = Call(() => Json((HttpStatusCode)status, body, header));
        Assert.NotNull(e);
        Assert.Equal(errorId, e!.ErrorId);
        Assert.Equal(errorId.Substring(3), e.AwsErrorCode);
        Assert.Equal("req-123", e.RequestId);
        Assert.Equal(status, e.HttpStatus);
        Assert.NotNull(e.Cause);
    }

    [Fact]
    public void Throttling_and_5xx_are_retried_with_a_fresh_signature_then_given_up()
    {
        var (_, c, handler) = Call(
            () => Json(HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}", "ThrottlingException"),
            () => Json(HttpStatusCode.ServiceUnavailable, "{}"),
            () => Json(HttpStatusCode.Created, Created));
        Assert.NotNull(c);
        Assert.Equal(3, handler.Requests.Count);

        var (e, _, failing) = Call(
            () => Json(HttpStatusCode.InternalServerError, "{}"),
            () => Json(HttpStatusCode.InternalServerError, "{}"),
            () => Json(HttpStatusCode.InternalServerError, "{\"message\":\"broken\"}", "InternalServerException"));
        Assert.Equal("AwsInternalServerException", e!.ErrorId);
        Assert.Equal(3, failing.Requests.Count);
    }
}
