using System.Diagnostics;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Regional by default, global on request, failover when an endpoint is down or black-holed (issue 4, must-show 4).
/// A private emulator: the tests put faults on its endpoints.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class EndpointChoiceAndFailoverTests : IClassFixture<AssumeRoleFixture>, IDisposable
{
    private const string Assume = "Invoke-StsAssumeRole -RoleArn $args[0] -RoleSessionName ops -NoCache -Verbose ";
    private readonly EmulatorProcess _emulator;
    private readonly AwsSandbox _sandbox;
    private readonly ModuleSession _session;

    public EndpointChoiceAndFailoverTests(AssumeRoleFixture fixture)
    {
        _emulator = fixture.Emulator;
        _session = fixture.Session;
        _sandbox = fixture.Begin();
        _sandbox.UseAliceKeys();
    }

    public void Dispose()
    {
        _emulator.ClearFaults();
        _sandbox.Dispose();
    }

    [Fact]
    public void Regional_by_default_global_on_request_and_the_token_version_matches_the_endpoint()
    {
        _emulator.ClearRequestLog();
        var regional = _session.Run(Assume + "-Region eu-west-1", DefaultWorld.ReadOnlyRoleArn);
        regional.ThrowIfErrors();
        var c = regional.Output.Single();
        Assert.Equal("eu-west-1", c.Properties["IssuedBy"].Value);
        Assert.Equal("V2", c.Properties["TokenVersion"].Value.ToString());
        Assert.Equal("eu-west-1", c.Properties["Region"].Value);
        var served = Assert.Single(_emulator.RequestLog());
        Assert.Equal("eu-west-1", served.Endpoint);
        Assert.Equal(2, served.IssuedTokenVersion);
        Assert.Contains(regional.Verbose, v => v.Contains("served by") && v.Contains("/eu-west-1/"));

        _emulator.ClearRequestLog();
        var global = _session.Run(Assume + "-StsEndpoint Global", DefaultWorld.ReadOnlyRoleArn);
        global.ThrowIfErrors();
        c = global.Output.Single();
        Assert.Equal("global", c.Properties["IssuedBy"].Value);
        Assert.Equal("V1", c.Properties["TokenVersion"].Value.ToString());
        served = Assert.Single(_emulator.RequestLog());
        Assert.Equal("aws-global", served.Endpoint);
        Assert.Equal(1, served.IssuedTokenVersion);
    }

    [Fact]
    public void Global_endpoint_for_an_opt_in_region_warns_before_the_call_while_the_account_issues_v1_tokens()
    {
        // Seed 000's trap caught before it bites (issue 5): the account setting is read with the caller's keys.
        var optIn = _session.Run(Assume + "-StsEndpoint Global -Region me-south-1", DefaultWorld.ReadOnlyRoleArn);
        optIn.ThrowIfErrors();
        Assert.Equal("V1", optIn.Output.Single().Properties["TokenVersion"].Value.ToString());
        var warning = Assert.Single(optIn.Warnings, w => w.Contains("me-south-1"));
        Assert.Contains("v1Token", warning);
        Assert.Contains("-StsEndpoint Regional", warning);

        var defaultRegion = _session.Run(Assume + "-StsEndpoint Global -Region us-east-1", DefaultWorld.ReadOnlyRoleArn);
        defaultRegion.ThrowIfErrors();
        Assert.DoesNotContain(defaultRegion.Warnings, w => w.Contains("v1Token"));

        var regional = _session.Run(Assume + "-Region me-south-1", DefaultWorld.ReadOnlyRoleArn);
        regional.ThrowIfErrors();
        Assert.DoesNotContain(regional.Warnings, w => w.Contains("v1Token"));
    }

    [Fact]
    public void Many_roles_through_the_global_endpoint_for_an_opt_in_region_read_the_setting_once_and_warn_once()
    {
        _emulator.ClearRequestLog();
        // -EndpointUrl sends the IAM read to the emulator too, where the log can count it.
        var many = _session.Run(
            "$args[1..4] | Invoke-StsAssumeRole -RoleSessionName ops -NoCache -StsEndpoint Global -Region me-south-1 -ThrottleLimit 3 -EndpointUrl $args[0]",
            _emulator.EndpointTemplate, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.ReadOnlyRoleArn);
        many.ThrowIfErrors();
        Assert.Equal(4, many.Output.Count);
        Assert.Single(many.Warnings, w => w.Contains("me-south-1") && w.Contains("v1Token"));
        var log = _emulator.RequestLog();
        Assert.Single(log, r => r.Operation == "GetAccountSummary");
        Assert.Equal(4, log.Count(r => r.Operation == "AssumeRole"));
    }

    [Theory]
    [InlineData("down")]
    [InlineData("blackholed")]
    [InlineData("throttling")]
    [InlineData("failing")]
    public void With_the_primary_region_out_credentials_come_from_the_fallback_within_3_seconds(string fault)
    {
        _emulator.SetFault("eu-west-1", fault switch
        {
            "down" => EmulatorFault.Refusing(),
            "blackholed" => EmulatorFault.Blackholing(20),
            "throttling" => EmulatorFault.Throttling(),
            _ => EmulatorFault.ServerErrors(status: 503),
        });
        _session.Run("Invoke-StsAssumeRole -RoleArn $args[0] -NoCache -Region eu-central-1", DefaultWorld.ReadOnlyRoleArn).ThrowIfErrors(); // warm up
        _emulator.ClearRequestLog();

        var watch = Stopwatch.StartNew();
        var r = _session.Run(Assume + "-Region eu-west-1 -FallbackRegion eu-central-1, us-east-1", DefaultWorld.ReadOnlyRoleArn);
        watch.Stop();
        r.ThrowIfErrors();
        Assert.Equal("eu-central-1", r.Output.Single().Properties["IssuedBy"].Value);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"failover took {watch.Elapsed}");
        Assert.Contains(r.Verbose, v => v.Contains("failing over from eu-west-1") && v.Contains("eu-central-1"));
        Assert.Contains(_emulator.RequestLog(), e => e.Endpoint == "eu-central-1" && e.Outcome == "OK");
    }

    [Fact]
    public void With_every_endpoint_down_one_clear_error()
    {
        _emulator.SetFault("*", EmulatorFault.Refusing());
        var r = _session.Run(Assume + "-Region eu-west-1 -FallbackRegion eu-central-1", DefaultWorld.ReadOnlyRoleArn);
        Assert.Empty(r.Output);
        var error = Assert.Single(r.AllErrors);
        Assert.StartsWith("StsEndpointsUnavailable,", error.FullyQualifiedErrorId);
        Assert.Contains("eu-west-1", error.ErrorDetails.Message);
        Assert.Contains("eu-central-1", error.ErrorDetails.Message);
    }

    [Fact]
    public void An_authentication_or_trust_error_never_fails_over()
    {
        _emulator.ClearRequestLog();
        var r = _session.Run(Assume + "-ExternalId wrong-id -Region eu-west-1 -FallbackRegion eu-central-1", DefaultWorld.DeployRoleArn);
        Assert.StartsWith("AwsAccessDenied,", r.FirstErrorId);
        Assert.All(_emulator.RequestLog(), e => Assert.Equal("eu-west-1", e.Endpoint));
    }
}
