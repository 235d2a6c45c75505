using System.Text.Json;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>Opt-in regions per account (refusal in a region not enabled, Account Enable/DisableRegion), STS
/// deactivated in a region, and worlds loaded with --world.</summary>
public sealed class RegionsAndWorldTests
{
    private static KeyValuePair<string, string>[] P(params string[] kv) =>
        Enumerable.Range(0, kv.Length / 2).Select(i => new KeyValuePair<string, string>(kv[2 * i], kv[2 * i + 1])).ToArray();

    private static (int Status, string? ErrorType, JsonElement Body) Account(SignedClient client, string operation, object input)
    {
        using var response = client.Send("POST", operation, JsonSerializer.Serialize(input), "application/json");
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return ((int)response.StatusCode, response.Headers.TryGetValues("X-Amzn-ErrorType", out var t) ? t.First() : null,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public void A_region_the_account_has_not_enabled_refuses_its_credentials_until_it_is_enabled()
    {
        using var emulator = EmulatorProcess.Start();
        SignedClient Alice(string region, string service = "sts") => SignedClient.Alice(emulator.EndpointUrl(region), region, service);

        var sts = Alice("af-south-1").Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (sts.Status, sts.ErrorCode));
        var ec2 = Alice("af-south-1", "ec2").Query("DescribeRegions");
        Assert.Equal((401, "AuthFailure"), (ec2.Status, ec2.ErrorCode));
        // A v2 token from a regional endpoint is good in every enabled region, but not in this one.
        var v2 = Alice("us-east-1").Query("AssumeRole", P("RoleArn", DefaultWorld.ReadOnlyRoleArn, "RoleSessionName", "v2")).Credentials;
        var withV2 = Alice("af-south-1").WithCredentials(v2).Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (withV2.Status, withV2.ErrorCode));
        // ...in the role's account 222222222222, which has not enabled af-south-1 either.

        var account = Alice("us-east-1", "account");
        Assert.Equal("DISABLED", Account(account, "getRegionOptStatus", new { RegionName = "af-south-1" }).Body.GetProperty("RegionOptStatus").GetString());
        var enable = Account(account, "enableRegion", new { RegionName = "af-south-1" });
        Assert.Equal(200, enable.Status);
        Assert.Equal("ENABLED", Account(account, "getRegionOptStatus", new { RegionName = "af-south-1" }).Body.GetProperty("RegionOptStatus").GetString());
        var now = Alice("af-south-1").Query("GetCallerIdentity");
        Assert.True(now.Ok, now.ToString());
        Assert.Contains("<optInStatus>opted-in</optInStatus>", Alice("af-south-1", "ec2").Query("DescribeRegions", P("RegionName.1", "af-south-1")).Body);

        var defaultRegion = Account(account, "enableRegion", new { RegionName = "eu-west-1" });
        Assert.Equal((400, "ValidationException"), (defaultRegion.Status, defaultRegion.ErrorType));

        Assert.Equal(200, Account(account, "disableRegion", new { RegionName = "me-south-1" }).Status);
        var disabled = Alice("me-south-1").Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (disabled.Status, disabled.ErrorCode));

        var otherAccount = Account(account, "getRegionOptStatus", new { RegionName = "af-south-1", AccountId = "222222222222" });
        Assert.Equal((403, "AccessDeniedException"), (otherAccount.Status, otherAccount.ErrorType));
    }

    private const string CarolWorld = """
        {
          "signatureSkewSeconds": 900,
          "accounts": [
            {
              "id": "333333333333",
              "globalEndpointTokenVersion": 2,
              "enabledOptInRegions": [ "me-south-1" ],
              "stsDisabledRegions": [ "eu-west-3" ],
              "users": [
                {
                  "name": "carol",
                  "accessKeys": [ { "accessKeyId": "AKIAIOSFODNN7CAROL01", "secretAccessKey": "carol-test-only-secret" } ],
                  "deny": [ "ec2:*" ]
                }
              ]
            }
          ],
          "faults": { "ap-south-1": { "throttleRate": 1.0, "service": "sts" } }
        }
        """;

    [Fact]
    public void A_world_file_sets_accounts_token_version_deactivated_sts_deny_lists_and_faults()
    {
        using var emulator = EmulatorProcess.Start(CarolWorld);
        Assert.Matches(@"world:\s+\S*ststools-world-", emulator.Output);
        Assert.Contains("user carol: AWS_ACCESS_KEY_ID=AKIAIOSFODNN7CAROL01 AWS_SECRET_ACCESS_KEY=carol-test-only-secret  (denied: ec2:*)", emulator.Output);
        SignedClient Carol(string region, string service = "sts") => new()
        {
            EndpointUrl = emulator.EndpointUrl(region),
            Region = region == "aws-global" ? "us-east-1" : region,
            Service = service,
            AccessKeyId = "AKIAIOSFODNN7CAROL01",
            SecretAccessKey = "carol-test-only-secret",
        };

        var me = Carol("us-east-1").Query("GetCallerIdentity");
        Assert.Equal("arn:aws:iam::333333333333:user/carol", me.Value("Arn"));
        var alice = SignedClient.Alice(emulator.EndpointUrl("us-east-1"), "us-east-1").Query("GetCallerIdentity");
        Assert.Equal((403, "InvalidClientTokenId"), (alice.Status, alice.ErrorCode)); // this world has no alice

        // GlobalEndpointTokenVersion 2: the global endpoint issues v2 tokens, good in me-south-1.
        var global = Carol("aws-global").Query("GetSessionToken");
        Assert.StartsWith("IQoJb3JpZ2lu", global.Credentials.SessionToken);
        Assert.True(Carol("me-south-1").WithCredentials(global.Credentials).Query("GetCallerIdentity").Ok);

        var deactivated = Carol("eu-west-3").Query("GetCallerIdentity");
        Assert.Equal((403, "RegionDisabledException"), (deactivated.Status, deactivated.ErrorCode));

        var ec2 = Carol("us-east-1", "ec2").Query("DescribeRegions");
        Assert.Equal((403, "UnauthorizedOperation"), (ec2.Status, ec2.ErrorCode));

        var throttled = Carol("ap-south-1").Query("GetCallerIdentity");
        Assert.Equal((400, "Throttling"), (throttled.Status, throttled.ErrorCode));
        Assert.True(Carol("ap-south-1", "ec2").Query("DescribeRegions").Status == 403); // the fault is for STS only
    }

    [Fact]
    public void A_world_file_that_cannot_be_read_stops_the_emulator_with_a_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EmulatorProcess.Start("{ \"accounts\": [ { \"id\": 42 } ] }", TimeSpan.FromSeconds(60)));
        Assert.Contains("Cannot load the world", e.Message);
    }
}
