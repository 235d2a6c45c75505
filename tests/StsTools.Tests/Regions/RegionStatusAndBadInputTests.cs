using System.Management.Automation;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Regions;

/// <summary>
/// Get-StsRegion's live status and where it came from (Account API, else EC2, else the table, as the emulator denies
/// the caller more), the token-version cmdlets' errors, and bad input refused before anything is sent.
/// </summary>
[Collection(RegionsCollection.Name)]
public sealed class RegionStatusAndBadInputTests : RegionTestsBase
{
    public RegionStatusAndBadInputTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Get_StsRegion_lists_the_table_offline_with_names_and_filters()
    {
        var r = Session.Run("Get-StsRegion -OptIn; '---'; Get-StsRegion me-*, us-east-1; '---'; Get-StsRegion ap-southeast-9");
        r.ThrowIfErrors();
        var groups = string.Join("|", r.Output.Select(o => o.BaseObject is string s ? s : (string)P(o, "Region")!)).Split("|---|");
        Assert.Equal(19, groups[0].Split('|').Length);
        Assert.Equal(new[] { "us-east-1", "me-central-1", "me-south-1", "me-west-1" }, groups[1].Split('|'));
        var future = r.Output.Last();
        Assert.Equal(true, P(future, "OptIn"));
        Assert.Equal(false, P(future, "InTable"));
        Assert.All(r.Output.Where(o => o.BaseObject is not string), o => Assert.Equal("Table", P(o, "StatusSource")!.ToString()));
    }

    [Fact]
    public void Live_status_comes_from_the_Account_API_else_EC2_else_the_table_each_with_its_source()
    {
        var restricted = RegionTestWorld.AssumeAsBob(Emulator, DefaultWorld.RestrictedRoleArn);
        var noRead = RegionTestWorld.AssumeAsBob(Emulator, DefaultWorld.NoRegionReadRoleArn);
        var script = "$c = $args[0] | ConvertTo-StsCredential; Get-StsRegion me-south-1, af-south-1, us-east-1 -Live -Credential $c -EndpointUrl $args[1] -Verbose";

        var account = Session.Run(script, RegionTestWorld.Alice(), Url);
        account.ThrowIfErrors();
        Assert.Equal("AccountApi", P(Row(account, "me-south-1"), "StatusSource")!.ToString());
        Assert.Equal("Enabled", P(Row(account, "me-south-1"), "Status")!.ToString());
        Assert.Equal("Disabled", P(Row(account, "af-south-1"), "Status")!.ToString());
        Assert.Equal("EnabledByDefault", P(Row(account, "us-east-1"), "Status")!.ToString());

        var ec2 = Session.Run(script, restricted, Url);
        ec2.ThrowIfErrors();
        Assert.Equal("Ec2", P(Row(ec2, "me-south-1"), "StatusSource")!.ToString());
        Assert.Equal("Enabled", P(Row(ec2, "me-south-1"), "Status")!.ToString());
        Assert.Equal("Disabled", P(Row(ec2, "af-south-1"), "Status")!.ToString());
        Assert.Contains(ec2.Verbose, v => v.Contains("AccessDeniedException"));

        var table = Session.Run(script, noRead, Url);
        Assert.Empty(table.AllErrors);
        Assert.Equal("Table", P(Row(table, "me-south-1"), "StatusSource")!.ToString());
        Assert.Equal("Unknown", P(Row(table, "me-south-1"), "Status")!.ToString());
        Assert.Equal("EnabledByDefault", P(Row(table, "us-east-1"), "Status")!.ToString());
        Assert.Contains(table.Warnings, w => w.Contains("UnauthorizedOperation") && w.Contains("built-in table"));
    }

    [Fact]
    public void Test_StsRegionCompatibility_reports_the_status_source_when_the_caller_may_not_read_it()
    {
        var restricted = RegionTestWorld.AssumeAsBob(Emulator, DefaultWorld.RestrictedRoleArn);
        var r = Session.Run("$args[0] | ConvertTo-StsCredential | Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl $args[1]", restricted, Url);
        r.ThrowIfErrors();
        var row = Assert.Single(r.Output);
        Assert.Equal("Ec2", P(row, "OptInStatusSource")!.ToString());
        Assert.Equal(true, P(row, "Compatible"));
    }

    [Theory]
    [InlineData("$a | Test-StsRegionCompatibility -Region us-esat-1 -EndpointUrl $args[1]", "UnknownRegion")]
    [InlineData("$a | Test-StsRegionCompatibility -Region 'not a region' -Offline", "UnknownRegion")]
    [InlineData("Get-StsRegion us-esat-1 -Live -Credential $a -EndpointUrl $args[1]", "UnknownRegion")]
    [InlineData("@{ AccessKeyId = 'short'; SecretAccessKey = 's' } | Test-StsRegionCompatibility -EndpointUrl $args[1]", "InvalidAccessKeyId")]
    [InlineData("@{ AccessKeyId = 'AKIAIOSFODNN7EXAMPLE' } | Test-StsRegionCompatibility -EndpointUrl $args[1]", "MissingSecretAccessKey")]
    [InlineData("[pscustomobject]@{ Name = 'x' } | Test-StsRegionCompatibility -EndpointUrl $args[1]", "UnrecognizedCredentialObject")]
    [InlineData("Set-StsTokenVersion V3Token -Credential $a -Confirm:$false -EndpointUrl $args[1]", "InvalidTokenVersion")]
    [InlineData("Set-StsTokenVersion '' -Credential $a -Confirm:$false -EndpointUrl $args[1]", "ParameterArgumentValidationError")]
    [InlineData("Get-StsTokenVersion -Credential $a -EndpointUrl 'not a url'", "InvalidEndpointUrl")]
    [InlineData("$a | Test-StsRegionCompatibility -EndpointUrl 'ftp://x/'", "InvalidEndpointUrl")]
    public void Bad_input_has_its_own_error_id_and_sends_nothing(string script, string errorId)
    {
        Emulator.ClearRequestLog();
        var r = Session.Run("$a = $args[0] | ConvertTo-StsCredential; " + script, RegionTestWorld.Alice(), Url);
        Assert.Empty(r.Output);
        Assert.StartsWith(errorId + ",", r.FirstErrorId);
        Assert.Empty(Emulator.RequestLog());
    }

    [Fact]
    public void No_permission_is_AwsAccessDenied_with_cause_and_remedy()
    {
        var noRead = RegionTestWorld.AssumeAsBob(Emulator, DefaultWorld.NoRegionReadRoleArn);
        var r = Session.Run("$c = $args[0] | ConvertTo-StsCredential; Set-StsTokenVersion V2Token -Credential $c -Confirm:$false -EndpointUrl $args[1]", noRead, Url);
        var error = Assert.Single(r.AllErrors);
        Assert.StartsWith("AwsAccessDenied,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("Likely cause", error.ErrorDetails.Message);
        Assert.Contains("request id", error.ErrorDetails.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));

        var get = Session.Run("$args[0] | ConvertTo-StsCredential | Get-StsTokenVersion -EndpointUrl $args[1]", noRead, Url);
        Assert.StartsWith("AwsAccessDenied,", get.FirstErrorId);
    }
}
