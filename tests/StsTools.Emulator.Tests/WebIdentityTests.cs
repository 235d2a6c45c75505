using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>The OIDC issuers playing GitHub Actions and Azure DevOps, and AssumeRoleWithWebIdentity verifying
/// their tokens (signature, expiry, issuer, audience) against the world's OIDC providers and trust policies.</summary>
public sealed class WebIdentityTests : IClassFixture<EmulatorFixture>
{
    private static readonly HttpClient s_http = new();
    private readonly EmulatorProcess _emulator;

    public WebIdentityTests(EmulatorFixture fixture) => _emulator = fixture.Emulator;

    /// <summary>What a GitHub Actions step does: GET $ACTIONS_ID_TOKEN_REQUEST_URL&amp;audience=… with the bearer token.</summary>
    private string GitHubToken(string audience, string? subject = null)
    {
        var env = _emulator.GitHubActionsEnvironment(subject);
        var request = new HttpRequestMessage(HttpMethod.Get, env["ACTIONS_ID_TOKEN_REQUEST_URL"] + "&audience=" + Uri.EscapeDataString(audience));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]);
        using var response = s_http.Send(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(response.Content.ReadAsStringAsync().Result).RootElement.GetProperty("value").GetString()!;
    }

    private QueryResponse AssumeWithWebIdentity(string roleArn, string token, string region = "us-east-1") =>
        new SignedClient { EndpointUrl = _emulator.EndpointUrl(region), Region = region }.Query("AssumeRoleWithWebIdentity",
            new KeyValuePair<string, string>[] { new("RoleArn", roleArn), new("RoleSessionName", "GitHubActions"), new("WebIdentityToken", token) });

    private static JsonElement Claims(string jwt) =>
        JsonDocument.Parse(Convert.FromBase64String(Pad(jwt.Split('.')[1].Replace('-', '+').Replace('_', '/')))).RootElement;

    private static string Pad(string s) => s + new string('=', (4 - s.Length % 4) % 4);

    [Fact]
    public void A_GitHub_token_for_sts_amazonaws_com_assumes_GitHubDeploy()
    {
        var token = GitHubToken("sts.amazonaws.com");
        var claims = Claims(token);
        Assert.Equal(DefaultWorld.GitHubIssuer, claims.GetProperty("iss").GetString());
        Assert.Equal("sts.amazonaws.com", claims.GetProperty("aud").GetString());
        Assert.Equal(DefaultWorld.GitHubSubject, claims.GetProperty("sub").GetString());
        Assert.Equal("example-org/example-app", claims.GetProperty("repository").GetString());

        var r = AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, token);
        Assert.True(r.Ok, r.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/GitHubDeploy/GitHubActions", r.Value("Arn"));
        Assert.Equal(DefaultWorld.GitHubSubject, r.Value("SubjectFromWebIdentityToken"));
        Assert.Equal("sts.amazonaws.com", r.Value("Audience"));
        Assert.StartsWith("IQoJb3JpZ2lu", r.Credentials.SessionToken);
    }

    [Fact]
    public void A_wrong_audience_is_InvalidIdentityToken_and_a_foreign_repository_AccessDenied()
    {
        var wrongAudience = AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, GitHubToken("api://something-else"));
        Assert.Equal((400, "InvalidIdentityToken"), (wrongAudience.Status, wrongAudience.ErrorCode));

        var otherRepo = AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, GitHubToken("sts.amazonaws.com", subject: "repo:evil-org/example-app:ref:refs/heads/main"));
        Assert.Equal((403, "AccessDenied"), (otherRepo.Status, otherRepo.ErrorCode));
    }

    [Fact]
    public void Expired_tampered_and_unknown_issuer_tokens_are_refused()
    {
        var expired = _emulator.MintOidcToken("github", "sts.amazonaws.com", DefaultWorld.GitHubSubject,
            new Dictionary<string, object> { ["exp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds() });
        Assert.Equal("ExpiredTokenException", AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, expired).ErrorCode);

        var good = GitHubToken("sts.amazonaws.com");
        var parts = good.Split('.');
        var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/'))))
            .Replace("repo:example-org/example-app:ref:refs/heads/main", "repo:example-org/example-app:ref:refs/heads/evil");
        var tampered = parts[0] + "." + Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[2];
        Assert.Equal("InvalidIdentityToken", AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, tampered).ErrorCode);

        // A valid Azure DevOps token, but GitHubDeploy trusts only the GitHub provider.
        var azureTokenForGitHubRole = _emulator.MintOidcToken("azure-devops", DefaultWorld.AzureDevOpsAudience, DefaultWorld.AzureDevOpsSubject);
        Assert.Equal("AccessDenied", AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, azureTokenForGitHubRole).ErrorCode);

        Assert.Equal("InvalidIdentityToken", AssumeWithWebIdentity(DefaultWorld.GitHubDeployRoleArn, "not.a.jwt").ErrorCode);
    }

    [Fact]
    public void The_clock_makes_a_GitHub_token_expire()
    {
        using var emulator = EmulatorProcess.Start();
        var token = emulator.MintOidcToken("github", "sts.amazonaws.com", DefaultWorld.GitHubSubject);
        emulator.AdvanceClock(TimeSpan.FromMinutes(6));
        var r = new SignedClient { EndpointUrl = emulator.EndpointUrl("us-east-1"), Region = "us-east-1" }.Query("AssumeRoleWithWebIdentity",
            new KeyValuePair<string, string>[] { new("RoleArn", DefaultWorld.GitHubDeployRoleArn), new("RoleSessionName", "late"), new("WebIdentityToken", token) });
        Assert.Equal("ExpiredTokenException", r.ErrorCode);
    }

    [Fact]
    public void An_Azure_DevOps_token_from_its_endpoint_assumes_AzureDeploy()
    {
        var env = _emulator.AzureDevOpsEnvironment();
        var request = new HttpRequestMessage(HttpMethod.Post,
            env["SYSTEM_OIDCREQUESTURI"] + "?api-version=7.1&serviceConnectionId=" + DefaultWorld.AzureDevOpsServiceConnectionId)
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", env["SYSTEM_ACCESSTOKEN"]);
        using var response = s_http.Send(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonDocument.Parse(response.Content.ReadAsStringAsync().Result).RootElement.GetProperty("oidcToken").GetString()!;
        var claims = Claims(token);
        Assert.Equal(DefaultWorld.AzureDevOpsIssuer, claims.GetProperty("iss").GetString());
        Assert.Equal(DefaultWorld.AzureDevOpsAudience, claims.GetProperty("aud").GetString());
        Assert.Equal(DefaultWorld.AzureDevOpsSubject, claims.GetProperty("sub").GetString());

        var r = AssumeWithWebIdentity(DefaultWorld.AzureDeployRoleArn, token, "me-south-1");
        Assert.True(r.Ok, r.ToString());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/AzureDeploy/GitHubActions", r.Value("Arn"));
    }

    [Fact]
    public void The_token_endpoints_want_their_bearer_token_and_a_known_service_connection()
    {
        var github = new HttpRequestMessage(HttpMethod.Get, _emulator.GitHubActionsEnvironment()["ACTIONS_ID_TOKEN_REQUEST_URL"] + "&audience=sts.amazonaws.com");
        github.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, s_http.Send(github).StatusCode);

        var azure = new HttpRequestMessage(HttpMethod.Post, _emulator.AzureDevOpsEnvironment()["SYSTEM_OIDCREQUESTURI"] + "?api-version=7.1&serviceConnectionId=00000000-0000-0000-0000-000000000000");
        azure.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DefaultWorld.AzureDevOpsAccessToken);
        Assert.Equal(HttpStatusCode.NotFound, s_http.Send(azure).StatusCode);
    }
}
