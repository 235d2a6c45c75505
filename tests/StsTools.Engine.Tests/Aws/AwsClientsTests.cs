using StsTools.Engine.Aws;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Testing.Emulator;

namespace StsTools.Engine.Tests.Aws;

/// <summary>The module's own IAM, Account, EC2 and STS-probe clients against the emulator, through -EndpointUrl with
/// {region}, as the cmdlets use them.</summary>
public sealed class AwsClientsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public AwsClientsTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private AwsClientOptions Options() => new() { EndpointUrl = _emulator.EndpointTemplate, Environment = _ => null };

    private static TemporaryCredentials Alice() =>
        CredentialValidation.Create(DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey, null, null);

    [Fact]
    public async Task IAM_reads_the_account_summary_and_its_token_version()
    {
        var iam = new IamClient(Alice(), Options());
        var summary = await iam.GetAccountSummaryAsync(default);
        Assert.Equal(1, summary["GlobalEndpointTokenVersion"]);
        Assert.Equal(TokenVersion.V1, await iam.GetGlobalEndpointTokenVersionAsync(default));
        Assert.Equal(_emulator.EndpointUrl("us-east-1"), iam.Endpoint.Url.ToString());
    }

    [Fact]
    public async Task Account_and_EC2_list_regions_with_the_account_status()
    {
        var account = await new AccountClient(Alice(), Options()).ListRegionsAsync(default);
        Assert.Contains(new KeyValuePair<string, string>("me-south-1", "ENABLED"), account);
        Assert.Contains(new KeyValuePair<string, string>("af-south-1", "DISABLED"), account);
        Assert.Contains(new KeyValuePair<string, string>("us-east-1", "ENABLED_BY_DEFAULT"), account);
        Assert.Equal("ENABLED", await new AccountClient(Alice(), Options()).GetRegionOptStatusAsync("ap-east-1", default));

        var ec2 = await new Ec2Client(Alice(), Options(), "eu-west-1").DescribeRegionsAsync(default);
        Assert.Contains(new KeyValuePair<string, string>("me-south-1", "opted-in"), ec2);
        Assert.Contains(new KeyValuePair<string, string>("af-south-1", "not-opted-in"), ec2);
    }

    [Fact]
    public async Task AWS_errors_become_engine_errors_with_id_cause_and_request_id()
    {
        var wrong = CredentialValidation.Create(DefaultWorld.AliceAccessKeyId, "not-the-secret", null, null);
        var e = await Assert.ThrowsAsync<StsToolsException>(() => new IamClient(wrong, Options()).GetAccountSummaryAsync(default));
        Assert.Equal("AwsSignatureDoesNotMatch", e.ErrorId);
        Assert.Equal("SignatureDoesNotMatch", e.AwsErrorCode);
        Assert.NotNull(e.RequestId);
        Assert.NotNull(e.Cause);

        var unknown = CredentialValidation.Create("AKIAIOSFODNN7UNKNOWN", "x", null, null);
        var ec2 = await Assert.ThrowsAsync<StsToolsException>(() => new Ec2Client(unknown, Options(), "me-south-1").DescribeRegionsAsync(default));
        Assert.Equal("AwsAuthFailure", ec2.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, ec2.Kind);

        var probe = await Assert.ThrowsAsync<StsToolsException>(() => new StsProbe(Options()).GetCallerIdentityAsync(unknown, "me-south-1", true, default));
        Assert.Equal("AwsInvalidClientTokenId", probe.ErrorId);
        Assert.Contains("v1 token", probe.Cause);
    }

    [Fact]
    public async Task The_probe_answers_with_the_caller()
    {
        Assert.Equal(DefaultWorld.AliceArn, await new StsProbe(Options()).GetCallerIdentityAsync(Alice(), "me-south-1", true, default));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_retried_then_reported_as_such()
    {
        var log = new List<string>();
        var options = new AwsClientOptions
        {
            EndpointUrl = "http://127.0.0.1:9/{region}/",
            Environment = _ => null,
            Transport = new SignedHttpTransport { BaseDelay = TimeSpan.FromMilliseconds(1), Log = m => { lock (log) log.Add(m); } },
        };
        var e = await Assert.ThrowsAsync<StsToolsException>(() => new StsProbe(options).GetCallerIdentityAsync(Alice(), "us-east-1", false, default));
        Assert.Equal("AwsEndpointUnreachable", e.ErrorId);
        Assert.Equal(3, log.Count(l => l.Contains("connection failed")));
    }
}
