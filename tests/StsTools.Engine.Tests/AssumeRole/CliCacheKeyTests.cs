using StsTools.Engine.Caching;

namespace StsTools.Engine.Tests.AssumeRole;

public sealed class CliCacheKeyTests
{
    [Fact]
    public void Matches_the_AWS_CLI_for_the_documented_example() =>
        Assert.Equal("0bb330519131ddf196eac5c6c22d3eb9a53f02dd", CliCacheKey.For("arn:aws:iam::123456789012:role/Example", null, null, null, null));

    [Fact]
    public void Matches_the_AWS_CLI_for_seed_002s_profile_with_mfa_serial() =>
        // Computed by botocore 1.43 (`aws --profile mfauser …` against the emulator wrote this file name).
        Assert.Equal("e45d2e0a4d29c3cf39f3ba43fbe11f420ab48580",
            CliCacheKey.For("arn:aws:iam::222222222222:role/Admin", null, null, "arn:aws:iam::111111111111:mfa/alice", null));

    [Fact]
    public void Writes_Python_json_dumps_with_sorted_keys_and_integer_durations() =>
        Assert.Equal("{\"DurationSeconds\": 900, \"ExternalId\": \"x\\u00e9\", \"RoleArn\": \"a\", \"RoleSessionName\": \"s\"}",
            CliCacheKey.PythonJson(new Dictionary<string, object> { ["RoleArn"] = "a", ["RoleSessionName"] = "s", ["ExternalId"] = "xé", ["DurationSeconds"] = 900 }));
}
