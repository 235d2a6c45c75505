using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>
/// Must-show 2, seed 000 reproduced with the AWS CLI: a token from the global endpoint (v1) is refused at an opt-in
/// region's endpoint — InvalidClientTokenId from STS, AuthFailure from EC2 — and accepted at us-east-1; after
/// set-security-token-service-preferences v2Token the old token is still refused and a new one works.
/// Its own emulator: the test changes the account setting.
/// </summary>
public sealed class Seed000CliTests : IDisposable
{
    private readonly EmulatorProcess _emulator = EmulatorProcess.Start();
    private readonly AwsCli _cli = new();

    public void Dispose()
    {
        _cli.Dispose();
        _emulator.Dispose();
    }

    private CliResult Aws(IReadOnlyDictionary<string, string?> credentials, string endpoint, params string[] args) =>
        _cli.Run(credentials, endpoint == "aws-global" ? "us-east-1" : endpoint,
            args.Concat(new[] { "--endpoint-url", _emulator.EndpointUrl(endpoint) }).ToArray());

    private CliCredentials AssumeAtGlobal(string session)
    {
        var r = Aws(AwsCli.Alice, "aws-global", "sts", "assume-role", "--role-arn", DefaultWorld.ReadOnlyRoleArn, "--role-session-name", session);
        Assert.True(r.Ok, r.ToString());
        return r.Credentials;
    }

    [Fact]
    public void A_global_token_is_refused_in_me_south_1_until_the_account_issues_v2_tokens_and_the_old_one_stays_refused()
    {
        var old = AssumeAtGlobal("seed000");
        Assert.StartsWith("FwoGZXIvYXdz", old.SessionToken);

        var sts = Aws(AwsCli.Keys(old), "me-south-1", "sts", "get-caller-identity");
        Assert.Equal("InvalidClientTokenId", sts.ErrorCode);
        Assert.Contains("The security token included in the request is invalid", sts.Stderr);

        var ec2 = Aws(AwsCli.Keys(old), "me-south-1", "ec2", "describe-regions");
        Assert.Equal("AuthFailure", ec2.ErrorCode);
        Assert.Contains("AWS was not able to validate the provided access credentials", ec2.Stderr);

        var usEast = Aws(AwsCli.Keys(old), "us-east-1", "sts", "get-caller-identity");
        Assert.True(usEast.Ok, usEast.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/seed000", usEast.Json.GetProperty("Arn").GetString());

        var set = Aws(AwsCli.Alice, "us-east-1", "iam", "set-security-token-service-preferences", "--global-endpoint-token-version", "v2Token");
        Assert.True(set.Ok, set.ToString());

        var oldAgain = Aws(AwsCli.Keys(old), "me-south-1", "sts", "get-caller-identity");
        Assert.Equal("InvalidClientTokenId", oldAgain.ErrorCode);

        var fresh = AssumeAtGlobal("seed000-v2");
        Assert.StartsWith("IQoJb3JpZ2lu", fresh.SessionToken);
        var works = Aws(AwsCli.Keys(fresh), "me-south-1", "ec2", "describe-regions");
        Assert.True(works.Ok, works.ToString());
        Assert.Contains(works.Json.GetProperty("Regions").EnumerateArray(), r => r.GetProperty("RegionName").GetString() == "me-south-1");

        // What each endpoint saw, with the token versions presented.
        var meSouth = _emulator.RequestLog("me-south-1");
        Assert.Equal(new[] { "InvalidClientTokenId", "AuthFailure", "InvalidClientTokenId", "OK" }, meSouth.Select(e => e.Outcome));
        Assert.Equal(new int?[] { 1, 1, 1, 2 }, meSouth.Select(e => e.PresentedTokenVersion));
    }
}
