using StsTools.Testing.Emulator;
using StsTools.Tests.AssumeRole;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Reliability;

/// <summary>
/// One private emulator and one imported module session for the whole reliability suite (starting either costs
/// seconds). Each test calls <see cref="Begin"/>: faults cleared, log emptied, a fresh <see cref="AwsSandbox"/> (HOME,
/// config, credentials, caches in a temp directory, AWS_* cleared, STS pointed at the emulator) with alice's keys, and
/// the session's shared variables set: $ep (the emulator's endpoint template), $pki, $ra (Roles Anywhere ARNs), $pw/$badpw,
/// $sbx (the sandbox's root), $c (an unexpired session credential nobody issued), $x (an expired one), $lt (alice's long-term keys).
/// </summary>
public sealed class ReliabilityFixture : IDisposable
{
    // The same emulator-and-session pair the AssumeRole tests use, plus the suite's shared variables.
    private readonly AssumeRoleFixture _pair = new();

    public EmulatorProcess Emulator => _pair.Emulator;

    public ModuleSession Session => _pair.Session;

    public AwsSandbox Begin()
    {
        var sandbox = _pair.Begin();
        sandbox.UseAliceKeys();
        Session.Run(
            "$global:ep = $args[0]; $global:pki = $args[1]; $global:sbx = $args[7]; " +
            "$global:ra = @{ TrustAnchorArn = $args[2]; ProfileArn = $args[3]; RoleArn = $args[4]; EndpointUrl = $args[0]; NoCache = $true }; " +
            "$global:pw = [System.Security.SecureString]::new(); foreach ($ch in 'test-only-password'.ToCharArray()) { $global:pw.AppendChar($ch) }; " +
            "$global:badpw = [System.Security.SecureString]::new(); foreach ($ch in 'not-the-password'.ToCharArray()) { $global:badpw.AppendChar($ch) }; " +
            "$global:c = ConvertTo-StsCredential -AccessKeyId ASIAIOSFODNN7EXAMPLE -SecretAccessKey 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' -SessionToken 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' -Expiration ([DateTime]::UtcNow.AddHours(1)) -Region us-east-1; " +
            "$global:x = ConvertTo-StsCredential -AccessKeyId ASIAIOSFODNN7EXAMPLE -SecretAccessKey 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' -SessionToken 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' -Expiration ([DateTime]::UtcNow.AddHours(-1)) -Region us-east-1; " +
            "$global:lt = ConvertTo-StsCredential -AccessKeyId $args[5] -SecretAccessKey $args[6]",
            Emulator.EndpointTemplate, DefaultWorld.PkiDirectory, DefaultWorld.TrustAnchorArn, DefaultWorld.ProfileArn, DefaultWorld.RolesAnywhereRoleArn,
            DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey, sandbox.Root).ThrowIfErrors();
        return sandbox;
    }

    /// <summary>Real credentials for ReadOnly from the emulator (alice's keys), as $name in the session.</summary>
    public void AssumeReadOnly(string name, string extra = "")
    {
        Session.Run($"$global:{name} = Invoke-StsAssumeRole -RoleArn $args[0] -RoleSessionName rel -NoCache -ErrorAction Stop {extra}", DefaultWorld.ReadOnlyRoleArn)
            .ThrowIfErrors();
    }

    public void Dispose() => _pair.Dispose();
}
