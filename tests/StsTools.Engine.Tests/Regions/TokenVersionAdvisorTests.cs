using StsTools.Engine.Aws;
using StsTools.Engine.Credentials;
using StsTools.Engine.Regions;
using StsTools.Testing.Emulator;

namespace StsTools.Engine.Tests.Regions;

/// <summary>The warning Invoke-StsAssumeRole -StsEndpoint Global gives for an opt-in target region (seed 000's trap).</summary>
public sealed class TokenVersionAdvisorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorProcess _emulator;

    public TokenVersionAdvisorTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    [Theory]
    [InlineData("me-south-1", TokenVersion.V1, true)]
    [InlineData("me-south-1", TokenVersion.Unknown, true)]
    [InlineData("me-south-1", TokenVersion.V2, false)]
    [InlineData("us-east-1", TokenVersion.V1, false)]
    [InlineData("ap-southeast-9", TokenVersion.V1, true)]
    public void Warns_only_for_an_opt_in_region_without_a_v2_setting(string region, TokenVersion setting, bool warns)
    {
        var warning = TokenVersionAdvisor.GlobalEndpointWarning(region, setting);
        Assert.Equal(warns, warning != null);
        if (warns)
        {
            Assert.Contains("-StsEndpoint Regional", warning);
            Assert.Contains("Set-StsTokenVersion V2Token", warning);
        }
    }

    [Fact]
    public async Task Reads_the_callers_setting_and_asks_nothing_for_a_default_region()
    {
        var alice = CredentialValidation.Create(DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey, null, null);
        var options = new AwsClientOptions { EndpointUrl = _emulator.EndpointTemplate, Environment = _ => null };
        Assert.NotNull(await TokenVersionAdvisor.CheckGlobalEndpointAsync(alice, "me-south-1", options, default));
        _emulator.ClearRequestLog();
        Assert.Null(await TokenVersionAdvisor.CheckGlobalEndpointAsync(alice, "eu-west-1", options, default));
        Assert.Empty(_emulator.RequestLog());
    }
}
