using System.Management.Automation;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Regions;

/// <summary>The AWS_* environment (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, the caller's keys): process-wide variables, so in the serial collection.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class RegionEndpointEnvironmentTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session = new();

    public RegionEndpointEnvironmentTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    private string Url => _emulator.EndpointTemplate;

    private static object? P(PSObject o, string name) => o.Properties[name].Value;

    [Fact]
    public void Environment_variables_for_endpoints_are_honoured()
    {
        // AWS_ENDPOINT_URL_STS / _ACCOUNT / _IAM instead of -EndpointUrl: set in the runspace's process only for this script.
        var r = _session.Run(
            "$names = 'AWS_ENDPOINT_URL_STS','AWS_ENDPOINT_URL_ACCOUNT','AWS_ENDPOINT_URL_IAM','AWS_ENDPOINT_URL_EC2'; " +
            "try { foreach ($n in $names) { [Environment]::SetEnvironmentVariable($n, $args[1]) }; " +
            "  $args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region me-south-1 } " +
            "finally { foreach ($n in $names) { [Environment]::SetEnvironmentVariable($n, $null) } }",
            RegionTestWorld.Alice(), Url);
        r.ThrowIfErrors();
        Assert.Equal(true, P(Assert.Single(r.Output), "Compatible"));
    }

    [Fact]
    public void Without_credentials_the_caller_cmdlets_say_so()
    {
        // A private, empty AWS home: no keys, no profile, no instance metadata, whatever the machine has.
        using var sandbox = new StsTools.Tests.AssumeRole.AwsSandbox(_emulator);
        var r = _session.Run("Get-StsTokenVersion -EndpointUrl $args[0]", Url);
        Assert.StartsWith("NoCallerCredentials,", r.FirstErrorId);
    }

    public void Dispose() => _session.Dispose();
}
