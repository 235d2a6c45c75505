using System.Collections;
using System.Management.Automation;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Regions;

/// <summary>
/// Seed 000 as a user types it, against the emulator: global-endpoint credentials fail in Bahrain, the token-version
/// switch, regional credentials, -Offline, and the reasons told apart. One emulator for the region tests (RegionsCollection), reset before each test.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class RegionCompatibilityTests : RegionTestsBase
{
    public RegionCompatibilityTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Seed_000_end_to_end_v1_token_fails_in_Bahrain_until_the_setting_changes_and_a_new_token_is_got()
    {
        var old = RegionTestWorld.AssumeReadOnly(Emulator);
        var test = "$args[0] | ConvertTo-StsCredential -Region us-east-1 | Test-StsRegionCompatibility -Region us-east-1, me-south-1 -EndpointUrl $args[1]";
        var before = Session.Run(test, old, Url);
        before.ThrowIfErrors();
        Assert.Equal(true, P(Row(before, "us-east-1"), "Compatible"));
        var bahrain = Row(before, "me-south-1");
        Assert.Equal(false, P(bahrain, "Compatible"));
        Assert.Equal("V1TokenInOptInRegion", P(bahrain, "Reason")!.ToString());
        Assert.Equal("InvalidClientTokenId", P(bahrain, "ErrorCode"));
        Assert.Equal("V1", P(bahrain, "TokenVersion")!.ToString());
        Assert.Contains("Set-StsTokenVersion V2Token", (string)P(bahrain, "Remedy")!);
        Assert.Contains("-StsEndpoint Regional", (string)P(bahrain, "Remedy")!);
        Assert.Equal("Middle East (Bahrain)", P(bahrain, "Name"));
        Assert.Equal("Enabled", P(bahrain, "OptInStatus")!.ToString());
        Assert.Equal("AccountApi", P(bahrain, "OptInStatusSource")!.ToString());

        // The fix, in the account that calls the global endpoint (alice's).
        var set = Session.Run("$a = $args[0] | ConvertTo-StsCredential; Set-StsTokenVersion V2Token -Credential $a -Confirm:$false -PassThru -EndpointUrl $args[1]",
            RegionTestWorld.Alice(), Url);
        set.ThrowIfErrors();
        var change = Assert.Single(set.Output);
        Assert.Equal("V1Token", P(change, "PreviousVersion")!.ToString());
        Assert.Equal("V2Token", P(change, "GlobalEndpointTokenVersion")!.ToString());
        Assert.Equal(DefaultWorld.CallerAccount, P(change, "AccountId"));
        Assert.Contains(set.Warnings, w => w.Contains("keep their scope") && w.Contains("longer"));

        // Old credential: still v1. New one from the same global endpoint: works in Bahrain.
        var oldAfter = Session.Run(test, old, Url);
        Assert.Equal(false, P(Row(oldAfter, "me-south-1"), "Compatible"));
        Assert.Equal("V1TokenInOptInRegion", P(Row(oldAfter, "me-south-1"), "Reason")!.ToString());
        var fresh = Session.Run(test, RegionTestWorld.AssumeReadOnly(Emulator), Url);
        fresh.ThrowIfErrors();
        Assert.Equal(true, P(Row(fresh, "me-south-1"), "Compatible"));
        Assert.Equal("V2", P(Row(fresh, "me-south-1"), "TokenVersion")!.ToString());
    }

    [Fact]
    public void WhatIf_changes_nothing_and_sends_no_Set_call()
    {
        var r = Session.Run("$a = $args[0] | ConvertTo-StsCredential; Set-StsTokenVersion V2Token -Credential $a -WhatIf -EndpointUrl $args[1]; " +
            "(Get-StsTokenVersion -Credential $a -EndpointUrl $args[1]).GlobalEndpointTokenVersion.ToString()", RegionTestWorld.Alice(), Url);
        r.ThrowIfErrors();
        Assert.Equal("V1Token", Assert.Single(r.Output).ToString());
        Assert.DoesNotContain(Emulator.RequestLog(), e => e.Operation == "SetSecurityTokenServicePreferences");
        Assert.Contains("What if", r.Screen);
    }

    [Fact]
    public void Regional_credentials_pass_in_every_enabled_region_and_a_disabled_region_is_reported_as_not_enabled()
    {
        var regional = RegionTestWorld.AssumeReadOnly(Emulator, "eu-west-1");
        var r = Session.Run("$c = $args[0] | ConvertTo-StsCredential -Region eu-west-1; $c | Test-StsRegionCompatibility -EndpointUrl $args[1]; " +
            "$c | Test-StsRegionCompatibility -Region af-south-1 -EndpointUrl $args[1]", regional, Url);
        r.ThrowIfErrors();
        // Default -Region: the credential's own region plus every opt-in region the account has enabled.
        Assert.Equal(new[] { "eu-west-1", "me-south-1", "ap-east-1", "af-south-1" }.OrderBy(s => s),
            r.Output.Select(o => (string)P(o, "Region")!).OrderBy(s => s));
        Assert.All(r.Output.Where(o => (string)P(o, "Region")! != "af-south-1"), o => Assert.Equal(true, P(o, "Compatible")));
        var capeTown = Row(r, "af-south-1");
        Assert.Equal(false, P(capeTown, "Compatible"));
        Assert.Equal("RegionNotEnabled", P(capeTown, "Reason")!.ToString());
        Assert.Equal("Disabled", P(capeTown, "OptInStatus")!.ToString());
        Assert.Contains("enable-region", (string)P(capeTown, "Remedy")!);
        Assert.Equal("V2", P(capeTown, "TokenVersion")!.ToString());
        // Who was tested, from GetCallerIdentity (the hashtable did not say).
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/region-tests", P(Row(r, "me-south-1"), "Arn"));
    }

    [Fact]
    public void Offline_gives_the_live_verdicts_it_can_decide_and_calls_nothing()
    {
        var cases = new (Hashtable Credential, string Label)[]
        {
            (RegionTestWorld.AssumeReadOnly(Emulator), "global v1"),
            (RegionTestWorld.AssumeReadOnly(Emulator, "us-east-2"), "regional v2"),
        };
        foreach (var (credential, label) in cases)
        {
            var live = Session.Run("$args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region us-east-1, me-south-1, ap-east-1 -EndpointUrl $args[1]", credential, Url);
            Emulator.ClearRequestLog();
            var offline = Session.Run("$args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region us-east-1, me-south-1, ap-east-1 -Offline -EndpointUrl $args[1]", credential, Url);
            Assert.Empty(Emulator.RequestLog());
            live.ThrowIfErrors();
            offline.ThrowIfErrors();
            foreach (var region in new[] { "us-east-1", "me-south-1", "ap-east-1" })
            {
                Assert.True(Equals(P(Row(live, region), "Compatible"), P(Row(offline, region), "Compatible")), $"{label} {region}");
                Assert.Equal(P(Row(live, region), "Reason")!.ToString(), P(Row(offline, region), "Reason")!.ToString());
                Assert.Equal(true, P(Row(offline, region), "Offline"));
            }
        }

        // Expired: both say so; offline without a call, live without a call either (the credential's own expiry).
        var expired = new Hashtable { ["AccessKeyId"] = "ASIAIOSFODNN7EXAMPLE", ["SecretAccessKey"] = "s", ["SessionToken"] = "IQoJb3JpZ2luEXAMPLE", ["Expiration"] = "2020-01-01T00:00:00Z" };
        Emulator.ClearRequestLog();
        var both = Session.Run("$c = $args[0] | ConvertTo-StsCredential; $c | Test-StsRegionCompatibility -Region me-south-1 -Offline; $c | Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl $args[1]", expired, Url);
        both.ThrowIfErrors();
        Assert.All(both.Output, o => Assert.Equal("Expired", P(o, "Reason")!.ToString()));
        Assert.Empty(Emulator.RequestLog());

        var quiet = Session.Run("$args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region me-south-1 -Offline -Quiet", cases[0].Credential);
        Assert.Equal(false, Assert.Single(quiet.Output).BaseObject);
    }

    [Fact]
    public void Reasons_tell_apart_expired_at_AWS_no_network_and_a_key_nobody_knows()
    {
        var credential = RegionTestWorld.AssumeReadOnly(Emulator, "us-east-1");
        Emulator.AdvanceClock(TimeSpan.FromHours(2));
        var expired = Session.Run("$args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region us-east-1 -EndpointUrl $args[1]", credential, Url);
        Assert.Equal("Expired", P(Assert.Single(expired.Output), "Reason")!.ToString());
        Assert.Equal("ExpiredToken", P(Assert.Single(expired.Output), "ErrorCode"));

        var offline = Session.Run("$args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl 'http://127.0.0.1:9/{region}/'", RegionTestWorld.Alice());
        var row = Assert.Single(offline.Output);
        Assert.Equal("NoNetwork", P(row, "Reason")!.ToString());
        Assert.Equal("AwsEndpointUnreachable", P(row, "ErrorCode"));

        var unknown = Session.Run("ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7NOBODY1 -SecretAccessKey s | Test-StsRegionCompatibility -Region us-east-1, me-south-1 -EndpointUrl $args[0]", Url);
        Assert.All(unknown.Output, o => Assert.Equal("InvalidCredentials", P(o, "Reason")!.ToString()));
    }

    [Fact]
    public void Default_view_reads_at_a_glance_and_never_shows_a_secret()
    {
        var credential = RegionTestWorld.AssumeReadOnly(Emulator);
        var r = Session.Display("$args[0] | ConvertTo-StsCredential -Region us-east-1 | Test-StsRegionCompatibility -EndpointUrl $args[1] -Verbose -Debug", credential, Url);
        Assert.Empty(r.AllErrors);
        Assert.Contains("me-south-1", r.Screen);
        Assert.Contains("V1TokenInOptInRegion", r.Screen);
        Assert.Contains("Region", r.Screen);
        Assert.Contains(r.Verbose, v => v.Contains("GlobalEndpointTokenVersion V1Token"));
        Assert.Contains(r.Verbose, v => v.Contains("sts GetCallerIdentity at") && v.Contains("/me-south-1/"));
        var visible = r.EverythingVisible();
        Assert.DoesNotContain((string)credential["SecretAccessKey"]!, visible);
        Assert.DoesNotContain((string)credential["SessionToken"]!, visible);
    }
}
