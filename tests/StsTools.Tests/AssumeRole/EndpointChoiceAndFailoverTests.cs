using System.Diagnostics;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Regional by default, global on request, failover when an endpoint is down or black-holed (issue 4, must-show 4).
/// A private emulator: the tests put faults on its endpoints.</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class EndpointChoiceAndFailoverTests : AliceSandboxTests
{
    private const string Assume = "Invoke-StsAssumeRole -RoleArn $args[0] -RoleSessionName ops -NoCache -Verbose ";

    public EndpointChoiceAndFailoverTests(AssumeRoleFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Regional_by_default_global_on_request_and_the_token_version_matches_the_endpoint()
    {
        Emulator.ClearRequestLog();
        var regional = Session.Run(Assume + "-Region eu-west-1", DefaultWorld.ReadOnlyRoleArn);
        regional.ThrowIfErrors();
        var c = regional.Output.Single();
        Assert.Equal("eu-west-1", c.Properties["IssuedBy"].Value);
        Assert.Equal("V2", c.Properties["TokenVersion"].Value.ToString());
        Assert.Equal("eu-west-1", c.Properties["Region"].Value);
        var served = Assert.Single(Emulator.RequestLog());
        Assert.Equal("eu-west-1", served.Endpoint);
        Assert.Equal(2, served.IssuedTokenVersion);
        Assert.Contains(regional.Verbose, v => v.Contains("served by") && v.Contains("/eu-west-1/"));

        Emulator.ClearRequestLog();
        var global = Session.Run(Assume + "-StsEndpoint Global", DefaultWorld.ReadOnlyRoleArn);
        global.ThrowIfErrors();
        c = global.Output.Single();
        Assert.Equal("global", c.Properties["IssuedBy"].Value);
        Assert.Equal("V1", c.Properties["TokenVersion"].Value.ToString());
        served = Assert.Single(Emulator.RequestLog());
        Assert.Equal("aws-global", served.Endpoint);
        Assert.Equal(1, served.IssuedTokenVersion);
    }

    [Fact]
    public void Global_endpoint_for_an_opt_in_region_warns_before_the_call_while_the_account_issues_v1_tokens()
    {
        // Seed 000's trap caught before it bites (issue 5): the account setting is read with the caller's keys.
        var optIn = Session.Run(Assume + "-StsEndpoint Global -Region me-south-1", DefaultWorld.ReadOnlyRoleArn);
        optIn.ThrowIfErrors();
        Assert.Equal("V1", optIn.Output.Single().Properties["TokenVersion"].Value.ToString());
        var warning = Assert.Single(optIn.Warnings, w => w.Contains("me-south-1"));
        Assert.Contains("v1Token", warning);
        Assert.Contains("-StsEndpoint Regional", warning);

        var defaultRegion = Session.Run(Assume + "-StsEndpoint Global -Region us-east-1", DefaultWorld.ReadOnlyRoleArn);
        defaultRegion.ThrowIfErrors();
        Assert.DoesNotContain(defaultRegion.Warnings, w => w.Contains("v1Token"));

        var regional = Session.Run(Assume + "-Region me-south-1", DefaultWorld.ReadOnlyRoleArn);
        regional.ThrowIfErrors();
        Assert.DoesNotContain(regional.Warnings, w => w.Contains("v1Token"));
    }

    [Fact]
    public void Many_roles_through_the_global_endpoint_for_an_opt_in_region_read_the_setting_once_and_warn_once()
    {
        Emulator.ClearRequestLog();
        // -EndpointUrl sends the IAM read to the emulator too, where the log can count it.
        var many = Session.Run(
            "$args[1..4] | Invoke-StsAssumeRole -RoleSessionName ops -NoCache -StsEndpoint Global -Region me-south-1 -ThrottleLimit 3 -EndpointUrl $args[0]",
            Emulator.EndpointTemplate, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.ReadOnlyRoleArn);
        many.ThrowIfErrors();
        Assert.Equal(4, many.Output.Count);
        Assert.Single(many.Warnings, w => w.Contains("me-south-1") && w.Contains("v1Token"));
        var log = Emulator.RequestLog();
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
        Emulator.SetFault("eu-west-1", fault switch
        {
            "down" => EmulatorFault.Refusing(),
            "blackholed" => EmulatorFault.Blackholing(20),
            "throttling" => EmulatorFault.Throttling(),
            _ => EmulatorFault.ServerErrors(status: 503),
        });
        Session.Run("Invoke-StsAssumeRole -RoleArn $args[0] -NoCache -Region eu-central-1", DefaultWorld.ReadOnlyRoleArn).ThrowIfErrors(); // warm up
        Emulator.ClearRequestLog();

        var watch = Stopwatch.StartNew();
        var r = Session.Run(Assume + "-Region eu-west-1 -FallbackRegion eu-central-1, us-east-1", DefaultWorld.ReadOnlyRoleArn);
        watch.Stop();
        r.ThrowIfErrors();
        Assert.Equal("eu-central-1", r.Output.Single().Properties["IssuedBy"].Value);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"failover took {watch.Elapsed}");
        Assert.Contains(r.Verbose, v => v.Contains("failing over from eu-west-1") && v.Contains("eu-central-1"));
        Assert.Contains(Emulator.RequestLog(), e => e.Endpoint == "eu-central-1" && e.Outcome == "OK");
    }

    [Fact]
    public void With_every_endpoint_down_one_clear_error()
    {
        Emulator.SetFault("*", EmulatorFault.Refusing());
        var r = Session.Run(Assume + "-Region eu-west-1 -FallbackRegion eu-central-1", DefaultWorld.ReadOnlyRoleArn);
        Assert.Empty(r.Output);
        var error = Assert.Single(r.AllErrors);
        Assert.StartsWith("StsEndpointsUnavailable,", error.FullyQualifiedErrorId);
        Assert.Contains("eu-west-1", error.ErrorDetails.Message);
        Assert.Contains("eu-central-1", error.ErrorDetails.Message);
    }

    [Fact]
    public void An_authentication_or_trust_error_never_fails_over()
    {
        Emulator.ClearRequestLog();
        var r = Session.Run(Assume + "-ExternalId wrong-id -Region eu-west-1 -FallbackRegion eu-central-1", DefaultWorld.DeployRoleArn);
        Assert.StartsWith("AwsAccessDenied,", r.FirstErrorId);
        Assert.All(Emulator.RequestLog(), e => Assert.Equal("eu-west-1", e.Endpoint));
    }
}
