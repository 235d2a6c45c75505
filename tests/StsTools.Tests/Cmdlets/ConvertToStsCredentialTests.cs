using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Cmdlets;

public sealed class ConvertToStsCredentialTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    private const string Token = "IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE";
    private readonly ModuleSession _session = new();

    // The shape ConvertFrom-Json gives `aws sts assume-role` output (ConvertFrom-Json is not in the bare engine).
    private const string CliAnswer = """
        [pscustomobject]@{
          Credentials = [pscustomobject]@{ AccessKeyId = 'ASIAIOSFODNN7EXAMPLE'; SecretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'; SessionToken = 'IQoJb3JpZ2luX2VjEXAMPLETOKENVALUE'; Expiration = '2099-01-02T03:04:05Z' }
          AssumedRoleUser = [pscustomobject]@{ AssumedRoleId = 'AROAEXAMPLE:ops'; Arn = 'arn:aws:sts::222222222222:assumed-role/ReadOnly/ops' }
        }
        """;

    [Fact]
    public void Reads_the_whole_AWS_CLI_answer()
    {
        var r = _session.Run(CliAnswer + " | ConvertTo-StsCredential");
        r.ThrowIfErrors();
        var c = Assert.Single(r.Output);
        Assert.Equal("StsTools.StsCredential", c.BaseObject.GetType().FullName);
        Assert.Equal("ASIAIOSFODNN7EXAMPLE", c.Properties["AccessKeyId"].Value);
        Assert.Equal(Secret, c.Properties["SecretAccessKey"].Value);
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/ops", c.Properties["Arn"].Value);
        Assert.Equal("222222222222", c.Properties["AccountId"].Value);
        Assert.Equal(new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc), (DateTime)c.Properties["Expiration"].Value);
        Assert.Equal("V2", c.Properties["TokenVersion"].Value.ToString());
        Assert.Equal("AssumeRole", c.Properties["Source"].Value.ToString());
    }

    [Fact]
    public void Reads_the_Credentials_object_AWS_Tools_names_and_hashtables()
    {
        var r = _session.Run(
            "(" + CliAnswer + ").Credentials | ConvertTo-StsCredential; " +
            "[pscustomobject]@{ AccessKey = 'ASIAIOSFODNN7EXAMPLE'; SecretKey = 's'; Token = 'FwoGZXIvYXdzEXAMPLE' } | ConvertTo-StsCredential; " +
            "@{ AccessKeyId = 'AKIAIOSFODNN7EXAMPLE'; SecretAccessKey = 's' } | ConvertTo-StsCredential");
        r.ThrowIfErrors();
        Assert.Equal(3, r.Output.Count);
        Assert.Equal("V2", r.Output[0].Properties["TokenVersion"].Value.ToString());
        Assert.Equal("V1", r.Output[1].Properties["TokenVersion"].Value.ToString());
        Assert.Null(r.Output[2].Properties["SessionToken"].Value);
    }

    [Fact]
    public void One_bad_object_in_a_pipeline_is_reported_and_the_rest_convert()
    {
        var r = _session.Run("@([pscustomobject]@{ Name = 'x' }, @{ AccessKeyId = 'AKIAIOSFODNN7EXAMPLE'; SecretAccessKey = 's' }) | ConvertTo-StsCredential");
        Assert.Single(r.Output);
        Assert.Equal("UnrecognizedCredentialObject,StsTools.Commands.ConvertToStsCredentialCommand", r.FirstErrorId);
    }

    [Theory]
    [InlineData("ConvertTo-StsCredential -AccessKeyId short -SecretAccessKey s", "InvalidAccessKeyId")]
    [InlineData("@{ AccessKeyId = 'AKIAIOSFODNN7EXAMPLE' } | ConvertTo-StsCredential", "MissingSecretAccessKey")]
    [InlineData("@{ AccessKeyId = 'AKIAIOSFODNN7EXAMPLE'; SecretAccessKey = 's'; Expiration = 'next tuesday' } | ConvertTo-StsCredential", "InvalidExpiration")]
    [InlineData("ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey s -Region 'not a region'", "UnknownRegion")]
    [InlineData("ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey s -Region us-esat-1", "UnknownRegion")]
    public void Bad_input_has_its_own_error_id(string script, string errorId)
    {
        var r = _session.Run(script);
        Assert.Empty(r.Output);
        Assert.StartsWith(errorId + ",", r.FirstErrorId);
    }

    [Fact]
    public void Default_view_and_ToString_show_the_short_key_id_never_the_secret_or_token()
    {
        var r = _session.Display(CliAnswer + " | ConvertTo-StsCredential -Region me-south-1 -Verbose -Debug");
        Assert.Empty(r.AllErrors);
        Assert.Contains("ASIA…MPLE", r.Screen);
        Assert.Contains("arn:aws:sts::222222222222:assumed-role/ReadOnly/ops", r.Screen);
        Assert.Contains("me-south-1", r.Screen);
        Assert.Contains("V2", r.Screen);
        var toString = _session.Run(CliAnswer + " | ConvertTo-StsCredential | ForEach-Object { $_.ToString(); \"$_\" }");
        var visible = r.EverythingVisible() + toString.EverythingVisible();
        Assert.DoesNotContain(Secret, visible);
        Assert.DoesNotContain(Token, visible);
        Assert.DoesNotContain("wJalrXUtnFEMI", visible);
    }

    public void Dispose() => _session.Dispose();
}
