using System.Text.Json;

namespace StsTools.Emulator.Oidc;

/// <summary>
/// The token endpoints CI systems give their jobs, played under /_oidc/&lt;issuer name&gt;/:
/// GitHub Actions — <c>GET …/token?api-version=2.0&amp;audience=…</c> with <c>Authorization: Bearer
/// $ACTIONS_ID_TOKEN_REQUEST_TOKEN</c> → <c>{"count":…,"value":"&lt;jwt&gt;"}</c> (an emulator extension:
/// <c>subject=</c> in the URL overrides sub); Azure DevOps — <c>POST …/oidctoken?api-version=7.1&amp;serviceConnectionId=…</c>
/// with <c>Authorization: Bearer $SYSTEM_ACCESSTOKEN</c> → <c>{"oidcToken":"&lt;jwt&gt;"}</c>. Also the discovery
/// document and JWKS of each issuer.
/// </summary>
public sealed class OidcEndpoints
{
    private readonly EmulatorState _state;

    public OidcEndpoints(EmulatorState state) => _state = state;

    public async Task HandleAsync(HttpContext context)
    {
        var parts = context.Request.Path.Value!["/_oidc/".Length..].Split('/', 2);
        var issuer = _state.Oidc.FindByName(parts[0]);
        var rest = parts.Length > 1 ? parts[1] : "";
        if (issuer == null)
        {
            await Reply(context, 404, new { message = $"No OIDC issuer named '{parts[0]}' in this world." });
            return;
        }

        if (rest == ".well-known/openid-configuration")
        {
            var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}/_oidc/{issuer.Name}";
            await Reply(context, 200, new { issuer = issuer.Issuer, jwks_uri = baseUrl + "/jwks", id_token_signing_alg_values_supported = new[] { "RS256" } });
            return;
        }

        if (rest == "jwks")
        {
            await Reply(context, 200, _state.Oidc.Jwks(issuer));
            return;
        }

        var bearer = context.Request.Headers.Authorization.ToString();
        if (!bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || bearer[7..].Trim() != issuer.RequestToken)
        {
            await Reply(context, 401, new { message = "Bad credentials: the bearer token is missing or wrong." });
            return;
        }

        var query = context.Request.Query;
        switch (issuer.Kind)
        {
            case "github-actions" when context.Request.Method == "GET":
                // GitHub's default audience is the URL of the repository owner.
                var owner = issuer.Claims.TryGetValue("repository_owner", out var o) ? o.GetString() : "example-org";
                var audience = query["audience"].FirstOrDefault() ?? $"https://github.com/{owner}";
                var subject = query["subject"].FirstOrDefault() ?? issuer.Subject;
                await Reply(context, 200, new { count = 1, value = _state.Oidc.Mint(issuer, audience, subject) });
                return;

            case "azure-devops" when context.Request.Method == "POST":
                if (query["api-version"].FirstOrDefault() is not { Length: > 0 })
                {
                    await Reply(context, 400, new { message = "No api-version was supplied for the POST request." });
                    return;
                }

                var id = query["serviceConnectionId"].FirstOrDefault();
                var connection = issuer.ServiceConnections.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
                if (connection == null)
                {
                    await Reply(context, 404, new { message = $"Service connection '{id}' was not found or is not authorized for this pipeline." });
                    return;
                }

                await Reply(context, 200, new { oidcToken = _state.Oidc.Mint(issuer, issuer.Audience, connection.Subject) });
                return;

            default:
                await Reply(context, 405, new { message = $"{context.Request.Method} is not how a {issuer.Kind} token is requested." });
                return;
        }
    }

    private static Task Reply(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
