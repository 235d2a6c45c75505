using System.Text.Json;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Handlers;

/// <summary>
/// The Account API (rest-json, FACTS §3): ListRegions and GetRegionOptStatus report ENABLED_BY_DEFAULT / ENABLED /
/// DISABLED per the caller's account; EnableRegion and DisableRegion change it (at once, where AWS takes minutes).
/// </summary>
public sealed class AccountHandler
{
    private readonly EmulatorState _state;

    public AccountHandler(EmulatorState state) => _state = state;

    public Task HandleAsync(EmulatorRequest request)
    {
        var caller = _state.Authenticator.Authenticate(request);
        JsonElement input;
        try
        {
            input = request.Body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(request.Body).RootElement;
        }
        catch (JsonException)
        {
            throw new AwsErrorException("SerializationException", "The request body is not valid JSON.", 400);
        }

        if (input.TryGetProperty("AccountId", out var accountId) && accountId.GetString() != caller.AccountId)
        {
            throw new AwsErrorException("AccessDeniedException", $"User: {caller.Arn} is not authorized to perform: account:{request.Operation} on resource: account {accountId.GetString()}", 403);
        }

        string Status(string region) =>
            !Regions.IsOptIn(region) ? "ENABLED_BY_DEFAULT" : _state.World.IsRegionEnabled(caller.AccountId, region) ? "ENABLED" : "DISABLED";

        switch (request.Operation)
        {
            case "ListRegions":
                var max = input.TryGetProperty("MaxResults", out var m) && m.TryGetInt32(out var mv) ? mv : 20;
                if (max is < 1 or > 50)
                {
                    throw Validation($"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50");
                }

                var start = input.TryGetProperty("NextToken", out var t) && int.TryParse(t.GetString(), out var tv) ? tv : 0;
                var wanted = input.TryGetProperty("RegionOptStatusContains", out var f) && f.ValueKind == JsonValueKind.Array
                    ? f.EnumerateArray().Select(e => e.GetString()).ToHashSet() : null;
                var all = Regions.All.Select(r => new { RegionName = r, RegionOptStatus = Status(r) })
                    .Where(r => wanted == null || wanted.Contains(r.RegionOptStatus)).ToList();
                var page = all.Skip(start).Take(max).ToList();
                var next = start + page.Count < all.Count ? (start + page.Count).ToString() : null;
                return ServiceProtocol.WriteJsonAsync(request.Http, next == null
                    ? new Dictionary<string, object> { ["Regions"] = page }
                    : new Dictionary<string, object> { ["Regions"] = page, ["NextToken"] = next });

            case "GetRegionOptStatus":
                var name = RegionName(input);
                return ServiceProtocol.WriteJsonAsync(request.Http, new { RegionName = name, RegionOptStatus = Status(name) });

            case "EnableRegion":
            case "DisableRegion":
                var region = RegionName(input);
                if (!Regions.IsOptIn(region))
                {
                    throw Validation($"{region} is enabled by default and cannot be {(request.Operation == "EnableRegion" ? "enabled" : "disabled")}.");
                }

                _state.World.SetRegionEnabled(caller.AccountId, region, request.Operation == "EnableRegion");
                request.Http.Response.StatusCode = 200;
                return Task.CompletedTask;

            default:
                throw new AwsErrorException("UnknownOperationException", $"Unknown operation {request.Operation}", 404);
        }
    }

    private static string RegionName(JsonElement input)
    {
        var name = input.TryGetProperty("RegionName", out var r) ? r.GetString() : null;
        if (name == null)
        {
            throw Validation("1 validation error detected: Value null at 'regionName' failed to satisfy constraint: Member must not be null");
        }

        if (!Regions.All.Contains(name))
        {
            throw Validation($"Invalid region name: {name}");
        }

        return name;
    }

    private static AwsErrorException Validation(string message) => new("ValidationException", message, 400);
}
