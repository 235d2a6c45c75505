using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>Every STS parameter limit of FACTS §4 answers AWS's error code (and the boundary values pass).</summary>
public sealed class ParameterLimitsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public ParameterLimitsTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    public sealed record LimitCase(string Operation, bool Signed, (string Key, string Value)[] Parameters, string? ExpectedCode, string? MessageContains);

    private static readonly (string, string)[] s_readOnly = { ("RoleArn", DefaultWorld.ReadOnlyRoleArn), ("RoleSessionName", "limits") };

    private static (string, string)[] ReadOnlyWith(params (string, string)[] extra) => s_readOnly.Concat(extra).ToArray();

    private static (string, string)[] Tags(int count, int keyLength = 3, int valueLength = 1) =>
        Enumerable.Range(1, count).SelectMany(i => new[]
        {
            ($"Tags.member.{i}.Key", ("k" + i).PadRight(keyLength, 'k')),
            ($"Tags.member.{i}.Value", new string('v', valueLength)),
        }).ToArray();

    private static readonly Dictionary<string, LimitCase> s_cases = new()
    {
        // DurationSeconds for roles: 900–43200 and ≤ the role's MaxSessionDuration.
        ["AssumeRole DurationSeconds 899"] = new("AssumeRole", true, ReadOnlyWith(("DurationSeconds", "899")), "ValidationError", "durationSeconds"),
        ["AssumeRole DurationSeconds 900"] = new("AssumeRole", true, ReadOnlyWith(("DurationSeconds", "900")), null, null),
        ["AssumeRole DurationSeconds 43200 (ReadOnly allows 12 h)"] = new("AssumeRole", true, ReadOnlyWith(("DurationSeconds", "43200")), null, null),
        ["AssumeRole DurationSeconds 43201"] = new("AssumeRole", true, ReadOnlyWith(("DurationSeconds", "43201")), "ValidationError", "less than or equal to 43200"),
        ["AssumeRole DurationSeconds over MaxSessionDuration"] = new("AssumeRole", true,
            new[] { ("RoleArn", DefaultWorld.DeployRoleArn), ("RoleSessionName", "limits"), ("ExternalId", "ext-4242"), ("DurationSeconds", "3601") },
            "ValidationError", "MaxSessionDuration"),
        // RoleSessionName 2–64, [\w+=,.@-]*
        ["RoleSessionName 1 char"] = new("AssumeRole", true, new[] { ("RoleArn", DefaultWorld.ReadOnlyRoleArn), ("RoleSessionName", "a") }, "ValidationError", "roleSessionName"),
        ["RoleSessionName 64 chars"] = new("AssumeRole", true, new[] { ("RoleArn", DefaultWorld.ReadOnlyRoleArn), ("RoleSessionName", new string('s', 64)) }, null, null),
        ["RoleSessionName 65 chars"] = new("AssumeRole", true, new[] { ("RoleArn", DefaultWorld.ReadOnlyRoleArn), ("RoleSessionName", new string('s', 65)) }, "ValidationError", "roleSessionName"),
        ["RoleSessionName with a space"] = new("AssumeRole", true, new[] { ("RoleArn", DefaultWorld.ReadOnlyRoleArn), ("RoleSessionName", "bad name") }, "ValidationError", "regular expression"),
        ["RoleSessionName missing"] = new("AssumeRole", true, new[] { ("RoleArn", DefaultWorld.ReadOnlyRoleArn) }, "ValidationError", "roleSessionName"),
        // ExternalId 2–1224, [\w+=,.@:\/-]*
        ["ExternalId 1 char"] = new("AssumeRole", true, ReadOnlyWith(("ExternalId", "x")), "ValidationError", "externalId"),
        ["ExternalId 1225 chars"] = new("AssumeRole", true, ReadOnlyWith(("ExternalId", new string('x', 1225))), "ValidationError", "externalId"),
        ["ExternalId with #"] = new("AssumeRole", true, ReadOnlyWith(("ExternalId", "ext#4242")), "ValidationError", "externalId"),
        // SerialNumber 9–256, TokenCode exactly 6 digits
        ["SerialNumber 8 chars"] = new("GetSessionToken", true, new[] { ("SerialNumber", "12345678"), ("TokenCode", "123456") }, "ValidationError", "serialNumber"),
        ["SerialNumber 257 chars"] = new("GetSessionToken", true, new[] { ("SerialNumber", new string('1', 257)), ("TokenCode", "123456") }, "ValidationError", "serialNumber"),
        ["TokenCode 5 digits"] = new("GetSessionToken", true, new[] { ("SerialNumber", DefaultWorld.AliceMfaSerial), ("TokenCode", "12345") }, "ValidationError", "tokenCode"),
        ["TokenCode not digits"] = new("GetSessionToken", true, new[] { ("SerialNumber", DefaultWorld.AliceMfaSerial), ("TokenCode", "12345a") }, "ValidationError", "tokenCode"),
        // SourceIdentity 2–64, pattern, not aws:
        ["SourceIdentity 1 char"] = new("AssumeRole", true, ReadOnlyWith(("SourceIdentity", "a")), "ValidationError", "sourceIdentity"),
        ["SourceIdentity 65 chars"] = new("AssumeRole", true, ReadOnlyWith(("SourceIdentity", new string('a', 65))), "ValidationError", "sourceIdentity"),
        ["SourceIdentity starting aws:"] = new("AssumeRole", true, ReadOnlyWith(("SourceIdentity", "aws:alice")), "ValidationError", "aws:"),
        ["SourceIdentity alice"] = new("AssumeRole", true, ReadOnlyWith(("SourceIdentity", "alice")), null, null),
        // Session policy ≤ 2048 characters and JSON; policy ARNs ≤ 10
        ["Policy 2049 chars"] = new("AssumeRole", true, ReadOnlyWith(("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[],\"x\":\"" + new string('p', 2049 - 46) + "\"}")), "ValidationError", "policy"),
        ["Policy 2048 chars"] = new("AssumeRole", true, ReadOnlyWith(("Policy", "{\"Version\":\"2012-10-17\",\"Statement\":[],\"x\":\"" + new string('p', 2048 - 46) + "\"}")), null, null),
        ["Policy not JSON"] = new("AssumeRole", true, ReadOnlyWith(("Policy", "not json")), "MalformedPolicyDocument", null),
        ["PolicyArns 11"] = new("AssumeRole", true, ReadOnlyWith(Enumerable.Range(1, 11).Select(i => ($"PolicyArns.member.{i}.arn", $"arn:aws:iam::aws:policy/P{i:00}xxxxxxxx")).ToArray()), "ValidationError", "policyArns"),
        // Tags ≤ 50; key 1–128, value 0–256, charset; keys case-insensitive
        ["Tags 51"] = new("AssumeRole", true, ReadOnlyWith(Tags(51)), "ValidationError", "tags"),
        ["Tag key 129 chars"] = new("AssumeRole", true, ReadOnlyWith(Tags(1, keyLength: 129)), "ValidationError", "tags.member.key"),
        ["Tag value 257 chars"] = new("AssumeRole", true, ReadOnlyWith(Tags(1, valueLength: 257)), "ValidationError", "tags.member.value"),
        ["Tag key with #"] = new("AssumeRole", true, ReadOnlyWith(("Tags.member.1.Key", "team#1"), ("Tags.member.1.Value", "x")), "ValidationError", "tags.member.key"),
        ["Tag keys differing only in case"] = new("AssumeRole", true, ReadOnlyWith(("Tags.member.1.Key", "Team"), ("Tags.member.1.Value", "a"), ("Tags.member.2.Key", "team"), ("Tags.member.2.Value", "b")), "InvalidParameterValue", "case insensitive"),
        ["Tags too large when packed"] = new("AssumeRole", true, ReadOnlyWith(Tags(50, keyLength: 128, valueLength: 256)), "PackedPolicyTooLarge", "%"),
        // RoleArn 20–2048
        ["RoleArn 19 chars"] = new("AssumeRole", true, new[] { ("RoleArn", "arn:aws:iam::1:role"), ("RoleSessionName", "limits") }, "ValidationError", "roleArn"),
        ["RoleArn missing"] = new("AssumeRole", true, new[] { ("RoleSessionName", "limits") }, "ValidationError", "roleArn"),
        // GetSessionToken / GetFederationToken: 900–129600
        ["GetSessionToken DurationSeconds 899"] = new("GetSessionToken", true, new[] { ("DurationSeconds", "899") }, "ValidationError", "durationSeconds"),
        ["GetSessionToken DurationSeconds 129600"] = new("GetSessionToken", true, new[] { ("DurationSeconds", "129600") }, null, null),
        ["GetSessionToken DurationSeconds 129601"] = new("GetSessionToken", true, new[] { ("DurationSeconds", "129601") }, "ValidationError", "129600"),
        ["GetFederationToken DurationSeconds 129601"] = new("GetFederationToken", true, new[] { ("Name", "fed"), ("DurationSeconds", "129601") }, "ValidationError", "durationSeconds"),
        // Federation Name 2–32
        ["Federation Name 1 char"] = new("GetFederationToken", true, new[] { ("Name", "f") }, "ValidationError", "name"),
        ["Federation Name 33 chars"] = new("GetFederationToken", true, new[] { ("Name", new string('f', 33)) }, "ValidationError", "name"),
        ["Federation Name 32 chars"] = new("GetFederationToken", true, new[] { ("Name", new string('f', 32)) }, null, null),
        // WebIdentityToken 4–20000, SAMLAssertion 4–100000 (unsigned calls)
        ["WebIdentityToken 3 chars"] = new("AssumeRoleWithWebIdentity", false, new[] { ("RoleArn", DefaultWorld.GitHubDeployRoleArn), ("RoleSessionName", "limits"), ("WebIdentityToken", "abc") }, "ValidationError", "webIdentityToken"),
        ["WebIdentityToken 20001 chars"] = new("AssumeRoleWithWebIdentity", false, new[] { ("RoleArn", DefaultWorld.GitHubDeployRoleArn), ("RoleSessionName", "limits"), ("WebIdentityToken", new string('t', 20001)) }, "ValidationError", "webIdentityToken"),
        ["WebIdentity DurationSeconds 43201"] = new("AssumeRoleWithWebIdentity", false, new[] { ("RoleArn", DefaultWorld.GitHubDeployRoleArn), ("RoleSessionName", "limits"), ("WebIdentityToken", "abcd"), ("DurationSeconds", "43201") }, "ValidationError", "durationSeconds"),
        ["SAMLAssertion 3 chars"] = new("AssumeRoleWithSAML", false, new[] { ("RoleArn", DefaultWorld.SamlUserRoleArn), ("PrincipalArn", DefaultWorld.SamlProviderArn), ("SAMLAssertion", "abc") }, "ValidationError", "sAMLAssertion"),
        ["SAMLAssertion 100001 chars"] = new("AssumeRoleWithSAML", false, new[] { ("RoleArn", DefaultWorld.SamlUserRoleArn), ("PrincipalArn", DefaultWorld.SamlProviderArn), ("SAMLAssertion", new string('s', 100001)) }, "ValidationError", "sAMLAssertion"),
        ["SAML DurationSeconds 899"] = new("AssumeRoleWithSAML", false, new[] { ("RoleArn", DefaultWorld.SamlUserRoleArn), ("PrincipalArn", DefaultWorld.SamlProviderArn), ("SAMLAssertion", "abcd"), ("DurationSeconds", "899") }, "ValidationError", "durationSeconds"),
    };

    public static IEnumerable<object[]> Cases => s_cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Limit(string name)
    {
        var c = s_cases[name];
        var client = c.Signed
            ? SignedClient.Alice(_emulator.EndpointUrl("us-east-1"), "us-east-1")
            : new SignedClient { EndpointUrl = _emulator.EndpointUrl("us-east-1"), Region = "us-east-1" };
        var r = client.Query(c.Operation, c.Parameters.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)));
        if (c.ExpectedCode == null)
        {
            Assert.True(r.Ok, r.ToString());
            return;
        }

        Assert.True(r.Status is 400 or 403, r.ToString());
        Assert.Equal(c.ExpectedCode, r.ErrorCode);
        if (c.MessageContains != null)
        {
            Assert.Contains(c.MessageContains, r.ErrorMessage);
        }
    }

    [Fact]
    public void Role_chaining_caps_the_session_at_one_hour_with_AWSs_message()
    {
        var alice = SignedClient.Alice(_emulator.EndpointUrl("us-east-1"), "us-east-1");
        var first = alice.Query("AssumeRole", new KeyValuePair<string, string>[] { new("RoleArn", DefaultWorld.ReadOnlyRoleArn), new("RoleSessionName", "first-hop") });
        var chained = alice.WithCredentials(first.Credentials);

        var tooLong = chained.Query("AssumeRole", new KeyValuePair<string, string>[] { new("RoleArn", DefaultWorld.ReadOnlyRoleArn), new("RoleSessionName", "second-hop"), new("DurationSeconds", "3601") });
        Assert.Equal((400, "ValidationError"), (tooLong.Status, tooLong.ErrorCode));
        Assert.Equal("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", tooLong.ErrorMessage);

        var hour = chained.Query("AssumeRole", new KeyValuePair<string, string>[] { new("RoleArn", DefaultWorld.ReadOnlyRoleArn), new("RoleSessionName", "second-hop"), new("DurationSeconds", "3600") });
        Assert.True(hour.Ok, hour.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/second-hop", hour.Value("Arn"));
    }
}
