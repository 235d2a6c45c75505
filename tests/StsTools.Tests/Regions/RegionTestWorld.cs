using System.Collections;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Tests.Regions;

/// <summary>Credentials the region tests start from, obtained with a SigV4 client independent of the module
/// (Invoke-StsAssumeRole is tested on its own), as hashtables ConvertTo-StsCredential reads.</summary>
internal static class RegionTestWorld
{
    /// <summary>alice assumes ReadOnly at the global endpoint (v1 token while account 111111111111's setting is v1)
    /// or at a region's endpoint (always v2).</summary>
    public static Hashtable AssumeReadOnly(EmulatorProcess emulator, string endpoint = "aws-global") =>
        AssumeRole(emulator, endpoint, DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey, DefaultWorld.ReadOnlyRoleArn);

    /// <summary>bob assumes one of the deny-list roles (Restricted, NoRegionRead).</summary>
    public static Hashtable AssumeAsBob(EmulatorProcess emulator, string roleArn) =>
        AssumeRole(emulator, "us-east-1", DefaultWorld.BobAccessKeyId, DefaultWorld.BobSecretAccessKey, roleArn);

    public static Hashtable Alice() => new()
    {
        ["AccessKeyId"] = DefaultWorld.AliceAccessKeyId,
        ["SecretAccessKey"] = DefaultWorld.AliceSecretAccessKey,
    };

    private static Hashtable AssumeRole(EmulatorProcess emulator, string endpoint, string keyId, string secret, string roleArn)
    {
        var client = new SignedClient
        {
            EndpointUrl = emulator.BaseUrl + endpoint + "/",
            Region = endpoint == "aws-global" ? "us-east-1" : endpoint,
            AccessKeyId = keyId,
            SecretAccessKey = secret,
        };
        var answer = client.Query("AssumeRole", new Dictionary<string, string> { ["RoleArn"] = roleArn, ["RoleSessionName"] = "region-tests" });
        Assert.True(answer.Ok, answer.ToString());
        var c = answer.Credentials;
        return new Hashtable
        {
            ["AccessKeyId"] = c.AccessKeyId,
            ["SecretAccessKey"] = c.SecretAccessKey,
            ["SessionToken"] = c.SessionToken,
            ["Expiration"] = c.Expiration.UtcDateTime.ToString("o"),
        };
    }
}
