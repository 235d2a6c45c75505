using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>GitHub Actions, Azure DevOps, EKS IRSA and SAML with the emulator standing in for the runners and the IdP
/// (issue 4, must-show 5).</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class WebIdentityAndSamlTests : IClassFixture<AssumeRoleFixture>, IDisposable
{
    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session;
    private readonly AwsSandbox _sandbox;

    public WebIdentityAndSamlTests(AssumeRoleFixture fixture)
    {
        _emulator = fixture.Emulator;
        _session = fixture.Session;
        _sandbox = fixture.Begin();
    }

    public void Dispose() => _sandbox.Dispose();

    private void SetEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        foreach (var (k, v) in variables) Environment.SetEnvironmentVariable(k, v);
    }

    [Fact]
    public void From_GitHub_Actions_the_runner_token_gets_GitHubDeploy_and_a_wrong_audience_shows_iss_aud_sub()
    {
        SetEnvironment(_emulator.GitHubActionsEnvironment());
        var r = _session.Run("Invoke-StsAssumeRole -FromGitHubActions -RoleArn $args[0] -Region eu-west-1", DefaultWorld.GitHubDeployRoleArn);
        r.ThrowIfErrors();
        var c = r.Output.Single();
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/GitHubDeploy/GitHubActions", c.Properties["Arn"].Value);
        Assert.Equal("WebIdentity", c.Properties["Source"].Value.ToString());
        Assert.Equal("eu-west-1", c.Properties["IssuedBy"].Value);
        var unsigned = Assert.Single(_emulator.RequestLog(), e => e.Operation == "AssumeRoleWithWebIdentity");
        Assert.False(unsigned.SignatureVerified);

        var wrong = _session.Run("Invoke-StsAssumeRole -FromGitHubActions -Audience wrong-audience -RoleArn $args[0] -Verbose -Debug", DefaultWorld.GitHubDeployRoleArn);
        Assert.Empty(wrong.Output);
        var error = Assert.Single(wrong.AllErrors);
        Assert.StartsWith("Aws", error.FullyQualifiedErrorId);
        var message = error.ErrorDetails.Message;
        Assert.Contains("iss=" + DefaultWorld.GitHubIssuer, message);
        Assert.Contains("aud=wrong-audience", message);
        Assert.Contains("sub=" + DefaultWorld.GitHubSubject, message);
        Assert.DoesNotContain("eyJ", wrong.EverythingVisible()); // no JWT, not even its header
    }

    [Fact]
    public void From_Azure_DevOps_the_service_connection_token_gets_AzureDeploy()
    {
        SetEnvironment(_emulator.AzureDevOpsEnvironment());
        var r = _session.Run("Invoke-StsAssumeRole -FromAzureDevOps -ServiceConnectionId $args[1] -RoleArn $args[0]",
            DefaultWorld.AzureDeployRoleArn, DefaultWorld.AzureDevOpsServiceConnectionId);
        r.ThrowIfErrors();
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/AzureDeploy/AzureDevOps", r.Output.Single().Properties["Arn"].Value);
    }

    [Fact]
    public void The_EKS_IRSA_variables_alone_are_enough()
    {
        var tokenFile = Path.Combine(_sandbox.Root, "token");
        File.WriteAllText(tokenFile, _emulator.MintOidcToken("github", audience: DefaultWorld.GitHubAudience));
        Environment.SetEnvironmentVariable("AWS_ROLE_ARN", DefaultWorld.GitHubDeployRoleArn);
        Environment.SetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile);
        Environment.SetEnvironmentVariable("AWS_ROLE_SESSION_NAME", "pod-1234");
        var r = _session.Run("Invoke-StsAssumeRole");
        r.ThrowIfErrors();
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/GitHubDeploy/pod-1234", r.Output.Single().Properties["Arn"].Value);
    }

    [Fact]
    public void A_token_given_directly_and_one_in_a_file_work_too()
    {
        var token = _emulator.MintOidcToken("github", audience: DefaultWorld.GitHubAudience);
        var file = Path.Combine(_sandbox.Root, "jwt");
        File.WriteAllText(file, token + "\n");
        var r = _session.Run("Invoke-StsAssumeRole -WebIdentityToken $args[1] -RoleArn $args[0] -RoleSessionName direct; Invoke-StsAssumeRole -WebIdentityTokenFile $args[2] -RoleArn $args[0] -RoleSessionName file",
            DefaultWorld.GitHubDeployRoleArn, token, file);
        r.ThrowIfErrors();
        Assert.Equal(2, r.Output.Count);
    }

    [Fact]
    public void SAML_with_a_signed_assertion_gets_SamlUser()
    {
        var assertion = _emulator.SamlResponse();
        var r = _session.Run("Invoke-StsAssumeRole -SamlAssertion $args[1] -PrincipalArn $args[2] -RoleArn $args[0]",
            DefaultWorld.SamlUserRoleArn, assertion, DefaultWorld.SamlProviderArn);
        r.ThrowIfErrors();
        var c = r.Output.Single();
        Assert.StartsWith("arn:aws:sts::222222222222:assumed-role/SamlUser/", (string)c.Properties["Arn"].Value);
        Assert.Equal("Saml", c.Properties["Source"].Value.ToString());
    }
}
