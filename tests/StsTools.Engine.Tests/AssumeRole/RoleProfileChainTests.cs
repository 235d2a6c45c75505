using StsTools.Engine.Errors;
using StsTools.Engine.Profiles;

namespace StsTools.Engine.Tests.AssumeRole;

/// <summary>Config-file role profiles resolved like botocore. The files come through AWS_CONFIG_FILE /
/// AWS_SHARED_CREDENTIALS_FILE, so these tests run one at a time.</summary>
[Collection("AWS file variables")]
public sealed class RoleProfileChainTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-profiles-").FullName;
    private readonly string? _config = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");
    private readonly string? _credentials = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");

    public RoleProfileChainTests()
    {
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(_dir, "config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_dir, "credentials"));
        File.WriteAllText(Path.Combine(_dir, "credentials"), "[alice]\naws_access_key_id = AKIAIOSFODNN7ALICE01\naws_secret_access_key = secret\n");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", _config);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", _credentials);
        Directory.Delete(_dir, recursive: true);
    }

    private RoleProfileChain Resolve(string config, string profile)
    {
        File.WriteAllText(Path.Combine(_dir, "config"), config);
        return RoleProfileChain.Resolve(AwsConfigFiles.Load(), profile);
    }

    [Fact]
    public void A_two_hop_chain_with_every_setting_and_aws_vault_keys()
    {
        var chain = Resolve("""
            [profile base]
            role_arn = arn:aws:iam::222222222222:role/ReadOnly
            source_profile = alice
            region = eu-west-1
            [profile top]
            role_arn = arn:aws:iam::222222222222:role/Deploy   # inline comment
            source_profile = base
            external_id = ext-4242
            mfa_serial = arn:aws:iam::111111111111:mfa/alice
            duration_seconds = 1800
            role_session_name = me
            session_tags = team=ops, env = prod
            transitive_session_tags = team
            source_identity = alice
            s3 =
              max_concurrent_requests = 20
            """, "top");
        Assert.Equal(2, chain.Hops.Count);
        Assert.Equal("eu-west-1", chain.Region);
        var top = chain.Hops[1].Spec;
        Assert.Equal("arn:aws:iam::222222222222:role/Deploy", top.RoleArn);
        Assert.Equal("ext-4242", top.ExternalId);
        Assert.Equal(1800, top.DurationSeconds);
        Assert.Equal("me", top.RoleSessionName);
        Assert.Equal("prod", top.Tags["env"]);
        Assert.Equal(new[] { "team" }, top.TransitiveTagKeys);
        Assert.True(chain.Hops[1].HasVaultExtras);
        Assert.Equal("AKIAIOSFODNN7ALICE01", chain.BaseCredential().AccessKeyId);
    }

    [Fact]
    public void A_loop_is_reported_with_the_chain()
    {
        var e = Assert.Throws<StsToolsException>(() => Resolve("""
            [profile a]
            role_arn = arn:aws:iam::222222222222:role/ReadOnly
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::222222222222:role/ReadOnly
            source_profile = a
            """, "a"));
        Assert.Equal("ProfileSourceLoop", e.ErrorId);
        Assert.Contains("a → b → a", e.Message);
    }

    [Fact]
    public void A_profile_may_name_itself_to_use_its_own_keys()
    {
        File.WriteAllText(Path.Combine(_dir, "credentials"), "[self]\naws_access_key_id = AKIAIOSFODNN7SELF001\naws_secret_access_key = s\n");
        var chain = Resolve("[profile self]\nrole_arn = arn:aws:iam::222222222222:role/ReadOnly\nsource_profile = self\n", "self");
        Assert.Single(chain.Hops);
        Assert.Equal("AKIAIOSFODNN7SELF001", chain.BaseCredential().AccessKeyId);
    }
}

[CollectionDefinition("AWS file variables", DisableParallelization = true)]
public sealed class AwsFileVariablesCollection
{
}
