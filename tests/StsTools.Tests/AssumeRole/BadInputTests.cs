using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>
/// Bad input (issue 4, must-show 7): FACTS §4 limits and beyond, each with its own FullyQualifiedErrorId, and not one
/// request reaches the emulator. Alice's keys are in the environment and the config file holds broken profiles.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class BadInputTests : IClassFixture<AssumeRoleFixture>, IDisposable
{
    private const string Role = "arn:aws:iam::222222222222:role/ReadOnly";
    private const string Mfa = "arn:aws:iam::111111111111:mfa/alice";
    private const string Assume = "Invoke-StsAssumeRole -RoleArn " + Role + " -NoCache ";

    // A role session (assumed-role ARN) to pipe, so chaining rules apply; and an expired one.
    private const string RoleSession = "$c = ConvertTo-StsCredential -AccessKeyId ASIAIOSFODNN7EXAMPLE -SecretAccessKey s3cr3t -SessionToken IQoJb3JpZ2luEXAMPLE -Expiration ([datetime]::UtcNow.AddHours(1)); $c.Arn = 'arn:aws:sts::222222222222:assumed-role/ReadOnly/x'; $c.Source = 'AssumeRole'; ";

    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session;
    private readonly AwsSandbox _sandbox;

    public BadInputTests(AssumeRoleFixture fixture)
    {
        _emulator = fixture.Emulator;
        _session = fixture.Session;
        _sandbox = fixture.Begin();
        _sandbox.UseAliceKeys();
        File.WriteAllText(_sandbox.ConfigFile, $"""
            [profile loop1]
            role_arn = {Role}
            source_profile = loop2
            [profile loop2]
            role_arn = {Role}
            source_profile = loop1
            [profile conflict]
            role_arn = {Role}
            source_profile = alice
            credential_source = Environment
            [profile nosource]
            role_arn = {Role}
            [profile ghostsource]
            role_arn = {Role}
            source_profile = ghost
            [profile baddur]
            role_arn = {Role}
            source_profile = alice
            duration_seconds = an hour
            [profile bogussource]
            role_arn = {Role}
            credential_source = Bogus
            [profile badtags]
            role_arn = {Role}
            source_profile = alice
            session_tags = no-equals-sign
            [profile badrole]
            role_arn = arn:aws:iam::222:role/x
            source_profile = alice
            """);
        File.WriteAllText(_sandbox.CredentialsFile, $"""
            [alice]
            aws_access_key_id = {DefaultWorld.AliceAccessKeyId}
            aws_secret_access_key = {DefaultWorld.AliceSecretAccessKey}
            [halfkeys]
            aws_access_key_id = {DefaultWorld.AliceAccessKeyId}
            """);
    }

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string> Cases => new()
    {
        { "Invoke-StsAssumeRole -RoleArn not-an-arn", "InvalidRoleArn" },
        { "Invoke-StsAssumeRole -RoleArn arn:aws:iam::12345:role/Short", "InvalidRoleArn" },
        { "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:user/NotARole", "InvalidRoleArn" },
        { Assume + "-DurationSeconds 899", "DurationOutOfRange" },
        { Assume + "-DurationSeconds 43201", "DurationOutOfRange" },
        { RoleSession + "$c | " + Assume + "-DurationSeconds 7200", "ChainedDurationTooLong" },
        { RoleSession + "$c.Expiration = [datetime]::UtcNow.AddMinutes(-5); $c | " + Assume, "SourceCredentialExpired" },
        { Assume + "-SerialNumber " + Mfa + " -TokenCode 12345", "InvalidTokenCode" },
        { Assume + "-SerialNumber " + Mfa + " -TokenCode 12a456", "InvalidTokenCode" },
        { Assume + "-TokenCode 123456", "TokenCodeWithoutSerialNumber" },
        { Assume + "-SerialNumber " + Mfa, "TokenCodeRequired" },
        { Assume + "-RoleSessionName 'has a space'", "InvalidRoleSessionName" },
        { Assume + "-RoleSessionName x", "InvalidRoleSessionName" },
        { Assume + "-RoleSessionName ('n' * 65)", "InvalidRoleSessionName" },
        { Assume + "-ExternalId x", "InvalidExternalId" },
        { Assume + "-SerialNumber short", "InvalidSerialNumber" },
        { Assume + "-SourceIdentity aws:me", "ReservedSourceIdentity" },
        { Assume + "-SourceIdentity 'has space'", "InvalidSourceIdentity" },
        { Assume + "-Policy 'not json'", "InvalidPolicyJson" },
        { Assume + "-Policy ('{\"a\":\"' + ('x' * 3000) + '\"}')", "PolicyTooLong" },
        { Assume + "-PolicyArn (1..11 | ForEach-Object { \"arn:aws:iam::aws:policy/P$_\" })", "TooManyPolicyArns" },
        { Assume + "-PolicyArn arn:aws:s3:::bucket", "InvalidPolicyArn" },
        { "$t = @{}; 1..51 | ForEach-Object { $t[\"k$_\"] = 'v' }; " + Assume + "-Tag $t", "TooManyTags" },
        { Assume + "-Tag @{ 'bad!key' = 'v' }", "InvalidTagKey" },
        { Assume + "-Tag @{ k = ('v' * 257) }", "InvalidTagValue" },
        { Assume + "-Tag @{ a = '1' } -TransitiveTagKey b", "TransitiveTagKeyNotInTags" },
        { Assume + "-Region mars-north-1", "UnknownRegion" },
        { Assume + "-Region us-east-1 -FallbackRegion not-a-region", "UnknownRegion" },
        { Assume + "-Region cn-north-1 -StsEndpoint Global", "GlobalEndpointNotInPartition" },
        { Assume + "-Region eu-west-1 -FallbackRegion eu-west-1", "FallbackRegionIsPrimary" },
        { Assume + "-EndpointUrl ftp://example.test/", "InvalidEndpointUrl" },
        { Assume + "-ThrottleLimit 0", "ParameterArgumentValidationError" },
        { "Invoke-StsAssumeRole -ProfileName loop1", "ProfileSourceLoop" },
        { "Invoke-StsAssumeRole -ProfileName nosuch", "ProfileNotFound" },
        { "Invoke-StsAssumeRole -ProfileName conflict", "ProfileSourceConflict" },
        { "Invoke-StsAssumeRole -ProfileName nosource", "ProfileMissingSource" },
        { "Invoke-StsAssumeRole -ProfileName ghostsource", "SourceProfileNotFound" },
        { "Invoke-StsAssumeRole -ProfileName baddur", "InvalidProfileValue" },
        { "Invoke-StsAssumeRole -ProfileName badtags", "InvalidProfileValue" },
        { "Invoke-StsAssumeRole -ProfileName bogussource", "InvalidCredentialSource" },
        { "Invoke-StsAssumeRole -ProfileName badrole", "InvalidRoleArn" },
        { "Invoke-StsAssumeRole -ProfileName alice", "ProfileIsNotARoleProfile" },
        { "Invoke-StsAssumeRole -ProfileName halfkeys -RoleArn " + Role, "ProfileIncompleteKeys" },
        { "Invoke-StsAssumeRole", "RoleArnRequired" },
        { "Invoke-StsAssumeRole -RoleArn " + Role + " -WebIdentityTokenFile /no/such/token", "WebIdentityTokenFileNotFound" },
        { "Invoke-StsAssumeRole -RoleArn " + Role + " -WebIdentityToken abc", "InvalidWebIdentityToken" },
        { "Invoke-StsAssumeRole -WebIdentityToken abcdefgh", "RoleArnRequired" },
        { "Invoke-StsAssumeRole -RoleArn " + Role + " -FromGitHubActions", "GitHubActionsOidcUnavailable" },
        { "Invoke-StsAssumeRole -RoleArn " + Role + " -FromAzureDevOps -ServiceConnectionId abc", "AzureDevOpsOidcUnavailable" },
        { "Invoke-StsAssumeRole -RoleArn " + Role + " -SamlAssertion 'not base64!!' -PrincipalArn arn:aws:iam::222222222222:saml-provider/ExampleIdP", "SamlAssertionNotBase64" },
        { "Invoke-StsAssumeRole -RoleArn " + Role + " -SamlAssertion PHNhbWw+ -PrincipalArn " + Role, "InvalidPrincipalArn" },
        { "Get-StsMfaSession -SerialNumber " + Mfa + " -DurationSeconds 600", "SessionDurationOutOfRange" },
        { "Get-StsMfaSession -SerialNumber " + Mfa + " -DurationSeconds 129601", "SessionDurationOutOfRange" },
        { "Get-StsMfaSession", "SerialNumberRequired" },
        { "Get-StsMfaSession -SerialNumber " + Mfa + " -TokenCode 1234567", "InvalidTokenCode" },
        { "Get-StsMfaSession -SerialNumber " + Mfa, "TokenCodeRequired" },
        { RoleSession + "$c | Get-StsMfaSession -SerialNumber " + Mfa + " -TokenCode 123456", "MfaSessionNeedsLongTermKeys" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_input_has_its_own_error_id_and_nothing_reaches_the_emulator(string script, string errorId)
    {
        var r = _session.Run(script + " -Verbose -Debug");
        Assert.Empty(r.Output);
        var first = r.FirstErrorId;
        Assert.True(first != null && first.StartsWith(errorId + ",", StringComparison.Ordinal),
            $"expected {errorId}, got {first}: {string.Join(" | ", r.AllErrors.Select(PowerShellResult.Describe))}");
        Assert.Empty(_emulator.RequestLog());
        var visible = r.EverythingVisible();
        Assert.DoesNotContain(DefaultWorld.AliceSecretAccessKey, visible);
        Assert.DoesNotContain("s3cr3t", visible);
        Assert.DoesNotContain("IQoJb3JpZ2luEXAMPLE", visible);
    }

    [Fact]
    public void The_table_covers_at_least_30_cases_and_20_distinct_error_ids()
    {
        var cases = Cases.Select(c => (string)c[1]).ToList();
        Assert.True(cases.Count >= 30, $"{cases.Count} cases");
        Assert.True(cases.Distinct().Count() >= 20, $"{cases.Distinct().Count()} distinct ids");
    }
}
