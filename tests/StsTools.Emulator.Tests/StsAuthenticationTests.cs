using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>SigV4 verification, session tokens as live handles, token versions per endpoint (FACTS §1).</summary>
public sealed class StsAuthenticationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public StsAuthenticationTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private SignedClient Alice(string endpoint = "us-east-1") =>
        SignedClient.Alice(_emulator.EndpointUrl(endpoint), endpoint == "aws-global" ? "us-east-1" : endpoint);

    private static KeyValuePair<string, string>[] P(params string[] kv) =>
        Enumerable.Range(0, kv.Length / 2).Select(i => new KeyValuePair<string, string>(kv[2 * i], kv[2 * i + 1])).ToArray();

    [Fact]
    public void GetCallerIdentity_with_alices_key_answers_her_arn_and_account()
    {
        var r = Alice().Query("GetCallerIdentity");
        Assert.True(r.Ok, r.ToString());
        Assert.Equal(DefaultWorld.AliceArn, r.Value("Arn"));
        Assert.Equal("111111111111", r.Value("Account"));
        Assert.StartsWith("AIDA", r.Value("UserId"));
    }

    [Fact]
    public void A_wrong_secret_is_SignatureDoesNotMatch_and_an_unknown_key_InvalidClientTokenId()
    {
        var wrongSecret = new SignedClient { EndpointUrl = _emulator.EndpointUrl("us-east-1"), Region = "us-east-1", AccessKeyId = DefaultWorld.AliceAccessKeyId, SecretAccessKey = "not-the-secret" };
        var r = wrongSecret.Query("GetCallerIdentity");
        Assert.Equal((403, "SignatureDoesNotMatch"), (r.Status, r.ErrorCode));

        var unknown = new SignedClient { EndpointUrl = _emulator.EndpointUrl("us-east-1"), Region = "us-east-1", AccessKeyId = "AKIAUNKNOWNKEY000000", SecretAccessKey = "x" };
        r = unknown.Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (r.Status, r.ErrorCode));

        var unsigned = new SignedClient { EndpointUrl = _emulator.EndpointUrl("us-east-1"), Region = "us-east-1" };
        r = unsigned.Query("GetCallerIdentity");
        Assert.Equal((403, "MissingAuthenticationToken"), (r.Status, r.ErrorCode));
    }

    [Fact]
    public void A_signature_for_another_region_than_the_endpoints_is_refused()
    {
        var r = SignedClient.Alice(_emulator.EndpointUrl("eu-west-1"), "us-east-1").Query("GetCallerIdentity");
        Assert.Equal((403, "SignatureDoesNotMatch"), (r.Status, r.ErrorCode));
        Assert.Contains("region", r.ErrorMessage);
    }

    [Fact]
    public void A_timestamp_outside_the_15_minute_window_is_refused()
    {
        var client = new SignedClient
        {
            EndpointUrl = _emulator.EndpointUrl("us-east-1"),
            Region = "us-east-1",
            AccessKeyId = DefaultWorld.AliceAccessKeyId,
            SecretAccessKey = DefaultWorld.AliceSecretAccessKey,
            SigningTime = DateTimeOffset.UtcNow.AddMinutes(-20),
        };
        var r = client.Query("GetCallerIdentity");
        Assert.Equal((403, "SignatureDoesNotMatch"), (r.Status, r.ErrorCode));
        Assert.StartsWith("Signature expired", r.ErrorMessage);

        r = new SignedClient { EndpointUrl = client.EndpointUrl, Region = client.Region, AccessKeyId = client.AccessKeyId, SecretAccessKey = client.SecretAccessKey, SigningTime = DateTimeOffset.UtcNow.AddMinutes(-10) }.Query("GetCallerIdentity");
        Assert.True(r.Ok, r.ToString());
    }

    [Fact]
    public void The_global_endpoint_issues_v1_tokens_and_a_regional_one_v2()
    {
        var global = Alice("aws-global").Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "v1"));
        Assert.True(global.Ok, global.ToString());
        Assert.StartsWith("FwoGZXIvYXdz", global.Credentials.SessionToken);
        Assert.InRange(global.Credentials.SessionToken.Length, 300, 450);

        var regional = Alice("eu-west-1").Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "v2"));
        Assert.True(regional.Ok, regional.ToString());
        Assert.StartsWith("IQoJb3JpZ2lu", regional.Credentials.SessionToken);
        Assert.True(regional.Credentials.SessionToken.Length >= 750, regional.Credentials.SessionToken.Length.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/v2", regional.Value("Arn"));
    }

    [Fact]
    public void A_v1_token_is_refused_at_an_opt_in_region_and_accepted_at_a_default_one()
    {
        var creds = Alice("aws-global").Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "seed000")).Credentials;
        var atMeSouth = SignedClient.Alice(_emulator.EndpointUrl("me-south-1"), "me-south-1").WithCredentials(creds).Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (atMeSouth.Status, atMeSouth.ErrorCode));

        var atUsEast = Alice().WithCredentials(creds).Query("GetCallerIdentity");
        Assert.True(atUsEast.Ok, atUsEast.ToString());
        Assert.EndsWith("assumed-role/ReadOnly/seed000", atUsEast.Value("Arn"));

        var ec2 = new SignedClient { EndpointUrl = _emulator.EndpointUrl("me-south-1"), Region = "me-south-1", Service = "ec2" }.WithCredentials(creds)
            .Query("DescribeRegions", P("AllRegions", "true"));
        Assert.Equal((401, "AuthFailure"), (ec2.Status, ec2.ErrorCode));
    }

    [Fact]
    public void A_session_token_must_match_its_key()
    {
        var a = Alice().Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "first")).Credentials;
        var b = Alice().Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "second")).Credentials;
        var mixed = Alice().WithCredentials(a with { SessionToken = b.SessionToken }).Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (mixed.Status, mixed.ErrorCode));
        var missing = Alice().WithCredentials(a with { SessionToken = null! }).Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public void The_request_log_shows_operation_caller_outcome_and_signature()
    {
        var before = _emulator.RequestLog("ap-northeast-3").Count;
        Alice("ap-northeast-3").Query("GetCallerIdentity");
        new SignedClient { EndpointUrl = _emulator.EndpointUrl("ap-northeast-3"), Region = "ap-northeast-3", AccessKeyId = DefaultWorld.AliceAccessKeyId, SecretAccessKey = "wrong" }.Query("GetCallerIdentity");
        var log = _emulator.RequestLog("ap-northeast-3").Skip(before).ToList();
        Assert.Equal(2, log.Count);
        Assert.Equal(("sts", "GetCallerIdentity", DefaultWorld.AliceArn, "OK", true), (log[0].Service, log[0].Operation, log[0].Caller, log[0].Outcome, log[0].SignatureVerified));
        Assert.Equal(("SignatureDoesNotMatch", false, 403), (log[1].Outcome, log[1].SignatureVerified, log[1].Status));
    }
}
