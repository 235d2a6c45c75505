using System.Text.Json.Nodes;
using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks;

/// <summary>The emulator's default world plus 200 roles Bench000…Bench199 in account 222222222222 (ReadOnly's trust
/// policy: alice may assume them), so "ten roles" and "200 roles" are really different roles.</summary>
public static class BenchWorld
{
    public const int RoleCount = 200;
    public const string RoleArnPrefix = "arn:aws:iam::" + DefaultWorld.RoleAccount + ":role/Bench";

    public static string RoleArn(int i) => RoleArnPrefix + i.ToString("000");

    public static string Json()
    {
        var path = Path.Combine(EmulatorPaths.RepoRoot, "src", "StsTools.Emulator", "World", "default-world.json");
        var world = JsonNode.Parse(File.ReadAllText(path))!;
        var account = world["accounts"]!.AsArray().Single(a => (string?)a!["id"] == DefaultWorld.RoleAccount)!;
        var roles = account["roles"]!.AsArray();
        var readOnly = roles.Single(r => (string?)r!["name"] == "ReadOnly")!;
        for (var i = 0; i < RoleCount; i++)
        {
            var role = readOnly.DeepClone();
            role["name"] = "Bench" + i.ToString("000");
            roles.Add(role);
        }

        return world.ToJsonString();
    }
}
