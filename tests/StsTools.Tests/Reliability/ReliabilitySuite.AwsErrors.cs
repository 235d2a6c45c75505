using StsTools.Tests.Infrastructure;
using System.Management.Automation;
using StsTools.Testing.Emulator;

namespace StsTools.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private const string AssumeAt = "Invoke-StsAssumeRole -NoCache -EndpointUrl $ep -RoleSessionName rel ";

    /// <summary>
    /// QUALITY.md "AWS errors": every error code of FACTS §1 and §4 from the emulator becomes an ErrorRecord with id
    /// Aws&lt;Code&gt;, the code and the emulator's request id in its message, a likely cause and a remedy. Real
    /// conditions where the world has one (no external id, v1 token in an opt-in region, a role's maximum duration,
    /// a packed policy too large, a token for another audience, an expired token); the emulator's error fault for the
    /// codes no world condition produces (AWS's own outages and the other protocols' spellings).
    /// </summary>
    [Fact]
    public void Every_AWS_error_code_of_the_facts_keeps_its_code_and_request_id_and_explains_cause_and_remedy()
    {
        var webIdentity = "Invoke-StsAssumeRole -RoleArn " + DefaultWorld.GitHubDeployRoleArn + " -WebIdentityToken $args[0] -NoCache -EndpointUrl $ep";
        var goodToken = _emulator.MintOidcToken();
        var wrongAudience = _emulator.MintOidcToken(audience: "not-sts.example.test");
        _fixture.AssumeReadOnly("v1", "-StsEndpoint Global");

        // (code, script, argument, fault to put on every endpoint or null for a real condition, fault's service)
        var cases = new (string Code, string Script, object? Arg, EmulatorFault? Fault)[]
        {
            ("AccessDenied", AssumeAt + "-RoleArn " + DefaultWorld.DeployRoleArn, null, null),
            ("InvalidClientTokenId", "$v1 | " + AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -Region me-south-1", null, null),
            ("ValidationError", AssumeAt + "-RoleArn " + DefaultWorld.DeployRoleArn + " -ExternalId " + DefaultWorld.DeployExternalId + " -DurationSeconds 7200", null, null),
            ("PackedPolicyTooLarge", "$h = @{}; 1..50 | ForEach-Object { $h[\"k$_\"] = 'v' * 200 }; " + AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -Tag $h", null, null),
            ("InvalidIdentityToken", webIdentity, wrongAudience, null),
            ("MalformedPolicyDocument", AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -Policy '{\"Version\":\"2012-10-17\",\"Statement\":7}'", null,
                EmulatorFault.AwsError("MalformedPolicyDocument", 400, "Syntax errors in policy.", service: "sts")),
            ("RegionDisabledException", AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -Region eu-west-3", null,
                EmulatorFault.AwsError("RegionDisabledException", 403, "STS is not activated in this region for account:111111111111.", service: "sts")),
            ("IDPRejectedClaim", webIdentity, goodToken, EmulatorFault.AwsError("IDPRejectedClaim", 403, "Token claims rejected.", service: "sts")),
            ("IDPCommunicationError", webIdentity, goodToken, EmulatorFault.AwsError("IDPCommunicationError", 400, "Couldn't retrieve verification key from your identity provider.", service: "sts")),
            ("ExpiredTokenException", webIdentity, goodToken, EmulatorFault.AwsError("ExpiredTokenException", 400, "Token is expired.", service: "sts")),
            // The other protocols' spellings of "this token is not valid here" (FACTS §1), met by the same STS call.
            ("AuthFailure", AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn, null, EmulatorFault.AwsError("AuthFailure", 401, "AWS was not able to validate the provided access credentials", service: "sts")),
            ("InvalidToken", AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn, null, EmulatorFault.AwsError("InvalidToken", 400, "The provided token is malformed or otherwise invalid.", service: "sts")),
            ("UnrecognizedClientException", "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048.key @ra", null,
                EmulatorFault.AwsError("UnrecognizedClientException", 403, "The security token included in the request is invalid", service: "rolesanywhere")),
        };

        var failures = new List<string>();
        foreach (var (code, script, arg, fault) in cases)
        {
            _emulator.ClearFaults();
            if (fault != null) _emulator.SetFault("*", fault);
            _emulator.ClearRequestLog();
            var r = arg == null ? _session.Run(script) : _session.Run(script, arg);
            failures.AddRange(CheckAwsError(code, r));
        }

        // ExpiredToken: a credential the emulator issued, used after its clock moved two hours on (the module's own
        // clock still finds it valid, so the call is made and AWS refuses it).
        _emulator.ClearFaults();
        _fixture.AssumeReadOnly("shortLived");
        _emulator.AdvanceClock(TimeSpan.FromHours(2));
        try
        {
            _emulator.ClearRequestLog();
            failures.AddRange(CheckAwsError("ExpiredToken", _session.Run("$shortLived | " + AssumeAt + "-RoleArn " + DefaultWorld.ReadOnlyRoleArn)));
        }
        finally
        {
            _emulator.Reset();
        }

        Report($"AWS error codes mapped: {cases.Length + 1}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private IEnumerable<string> CheckAwsError(string code, PowerShellResult r)
    {
        var error = r.AllErrors.FirstOrDefault();
        if (error == null)
        {
            yield return $"{code}: no error (output: {string.Join(", ", r.Output)})";
            yield break;
        }

        var answered = _emulator.RequestLog().LastOrDefault(e => e.Outcome == code);
        if (answered == null)
        {
            yield return $"{code}: the emulator never answered {code} ({string.Join(", ", _emulator.RequestLog().Select(e => e.Operation + " → " + e.Outcome))}); got {PowerShellResult.Describe(error)}";
            yield break;
        }

        if (!error.FullyQualifiedErrorId.StartsWith("Aws" + code + ",", StringComparison.Ordinal))
            yield return $"{code}: error id {error.FullyQualifiedErrorId}";
        var details = error.ErrorDetails?.Message ?? "";
        if (!details.Contains($"[AWS {code}, request id {answered.RequestId}]", StringComparison.Ordinal))
            yield return $"{code}: code and request id {answered.RequestId} not kept: {details}";
        if (!details.Contains("Likely cause: ", StringComparison.Ordinal))
            yield return $"{code}: no cause: {details}";
        if (string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction))
            yield return $"{code}: no remedy";
        if (error.CategoryInfo.Category == ErrorCategory.NotSpecified)
            yield return $"{code}: category NotSpecified";
    }
}
