using System.Text.Json;
using StsTools.Emulator.Auth;
using StsTools.Emulator.Faults;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Admin;

/// <summary>
/// The control surface for tests and demos, under /_emulator/ (docs/emulator.md lists it): request log, faults per
/// endpoint, the world clock, reset, and helpers that mint what a test needs (OIDC tokens, TOTP codes, SAML
/// assertions). JSON in, JSON out. Not an AWS API: it needs no signature.
/// </summary>
public sealed class AdminApi
{
    private readonly EmulatorState _state;

    public AdminApi(EmulatorState state) => _state = state;

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimEnd('/');
        var method = context.Request.Method;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        try
        {
            switch (segments)
            {
                case [] when method == "GET":
                    await Json(context, 200, Describe(context));
                    return;
                case ["requests"] when method == "GET":
                    var since = long.TryParse(context.Request.Query["since"], out var s) ? s : (long?)null;
                    await Json(context, 200, _state.Log.Snapshot(context.Request.Query["endpoint"].FirstOrDefault(), since));
                    return;
                case ["requests"] when method == "DELETE":
                    _state.Log.Clear();
                    context.Response.StatusCode = 204;
                    return;
                case ["faults"] when method == "GET":
                    await Json(context, 200, _state.Faults.Snapshot());
                    return;
                case ["faults"] when method == "DELETE":
                    _state.Faults.Clear();
                    context.Response.StatusCode = 204;
                    return;
                case ["faults", var endpoint] when method is "PUT" or "POST":
                    var spec = await Read<FaultSpec>(context);
                    _state.Faults.Set(Uri.UnescapeDataString(endpoint), spec);
                    await Json(context, 200, spec);
                    return;
                case ["faults", var endpoint] when method == "DELETE":
                    _state.Faults.Remove(Uri.UnescapeDataString(endpoint));
                    context.Response.StatusCode = 204;
                    return;
                case ["clock"] when method == "GET":
                    await Json(context, 200, Clock());
                    return;
                case ["clock", "advance"] when method == "POST":
                    var advance = await Read<AdvanceRequest>(context);
                    _state.Clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
                    await Json(context, 200, Clock());
                    return;
                case ["reset"] when method == "POST":
                    var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                    _state.Reset(string.IsNullOrWhiteSpace(body) ? null : WorldLoader.Parse(body));
                    await Json(context, 200, new { reset = true, world = string.IsNullOrWhiteSpace(body) ? _state.WorldSource : "posted" });
                    return;
                case ["world"] when method == "GET":
                    await Json(context, 200, _state.World.Document);
                    return;
                case ["accounts"] when method == "GET":
                    await Json(context, 200, _state.World.Accounts.Select(a => new
                    {
                        a.Id,
                        GlobalEndpointTokenVersion = _state.World.GlobalEndpointTokenVersion(a.Id),
                        EnabledOptInRegions = Regions.OptIn.Where(r => _state.World.IsRegionEnabled(a.Id, r)).ToList(),
                    }));
                    return;
                case ["deny"] when method == "GET":
                    await Json(context, 200, _state.World.DenyLists());
                    return;
                case ["deny"] when method is "PUT" or "POST":
                    var deny = await Read<DenyRequest>(context);
                    if (string.IsNullOrEmpty(deny.PrincipalArn))
                    {
                        await Json(context, 400, new { message = "principalArn (a user or role ARN) is required." });
                        return;
                    }

                    _state.World.SetDenyList(deny.PrincipalArn, deny.Deny ?? new List<string>());
                    await Json(context, 200, new { principalArn = deny.PrincipalArn, deny = _state.World.DenyList(deny.PrincipalArn) });
                    return;
                case ["totp"] when method == "GET":
                    var serial = context.Request.Query["serialNumber"].FirstOrDefault();
                    var device = _state.World.Accounts.SelectMany(a => a.Users).SelectMany(u => u.MfaDevices).FirstOrDefault(d => d.SerialNumber == serial);
                    if (device == null)
                    {
                        await Json(context, 404, new { message = $"No MFA device '{serial}'." });
                        return;
                    }

                    await Json(context, 200, new { serialNumber = serial, code = Totp.Code(device.Seed, _state.Clock.Now) });
                    return;
                case ["oidc", var name, "token"] when method == "POST":
                    var issuer = _state.Oidc.FindByName(name);
                    if (issuer == null)
                    {
                        await Json(context, 404, new { message = $"No OIDC issuer named '{name}'." });
                        return;
                    }

                    var mint = await Read<MintRequest>(context);
                    var token = _state.Oidc.Mint(issuer, mint.Audience ?? issuer.Audience, mint.Subject ?? issuer.Subject, mint.Claims);
                    await Json(context, 200, new { token });
                    return;
                case ["saml", "response"] when method == "POST":
                    var saml = await Read<Saml.SamlResponseRequest>(context);
                    await Json(context, 200, new { samlResponse = Saml.SamlIdentityProvider.CreateResponse(_state, saml) });
                    return;
                default:
                    await Json(context, 404, new { message = $"No admin operation {method} {path}. GET /_emulator/ describes them." });
                    return;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or ArgumentException)
        {
            await Json(context, 400, new { message = e.Message });
        }
    }

    private object Clock() => new { now = _state.Clock.Now, offsetSeconds = _state.Clock.Offset.TotalSeconds };

    private object Describe(HttpContext context)
    {
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}/";
        return new
        {
            world = _state.WorldSource,
            globalSts = baseUrl + Regions.Global + "/",
            regional = baseUrl + "{region}/",
            admin = new[]
            {
                "GET /_emulator/requests[?endpoint=&since=]", "DELETE /_emulator/requests",
                "GET /_emulator/faults", "PUT /_emulator/faults/{endpoint}", "DELETE /_emulator/faults/{endpoint}", "DELETE /_emulator/faults",
                "GET /_emulator/clock", "POST /_emulator/clock/advance {\"seconds\":n}", "POST /_emulator/reset [world json]",
                "GET /_emulator/world", "GET /_emulator/accounts",
                "GET /_emulator/deny", "PUT /_emulator/deny {principalArn,deny:[actions]}", "GET /_emulator/totp?serialNumber=",
                "POST /_emulator/oidc/{issuer}/token {audience,subject,claims}", "POST /_emulator/saml/response {roleArn,...}",
            },
            oidcIssuers = _state.World.Document.OidcIssuers.Select(i => new { i.Name, i.Kind, i.Issuer, url = baseUrl + "_oidc/" + i.Name + "/" }),
        };
    }

    private static async Task<T> Read<T>(HttpContext context) where T : new()
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        return string.IsNullOrWhiteSpace(body) ? new T() : JsonSerializer.Deserialize<T>(body, WorldJson.Options) ?? new T();
    }

    private static Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, WorldJson.Options));
    }

    private sealed class AdvanceRequest
    {
        public double Seconds { get; set; }
    }

    private sealed class DenyRequest
    {
        public string? PrincipalArn { get; set; }
        public List<string>? Deny { get; set; }
    }

    private sealed class MintRequest
    {
        public string? Audience { get; set; }
        public string? Subject { get; set; }
        public Dictionary<string, JsonElement>? Claims { get; set; }
    }
}
