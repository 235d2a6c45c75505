using System.Xml.Linq;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;

namespace StsTools.Emulator.Handlers;

/// <summary>
/// EC2 DescribeRegions, the call that showed seed 000's symptom: with AllRegions=true it lists every region with its
/// OptInStatus (opt-in-not-required | opted-in | not-opted-in) for the caller's account; without, only enabled ones.
/// </summary>
public sealed class Ec2Handler
{
    private static readonly XNamespace s_ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private readonly EmulatorState _state;

    public Ec2Handler(EmulatorState state) => _state = state;

    public Task HandleAsync(EmulatorRequest request)
    {
        var caller = _state.Authenticator.Authenticate(request);
        if (request.Operation != "DescribeRegions")
        {
            throw new AwsErrorException("InvalidAction", $"The action {request.Operation} is not valid for this web service.");
        }

        var all = string.Equals(request.Param("AllRegions"), "true", StringComparison.OrdinalIgnoreCase);
        var names = request.ListParam("RegionName");
        var unknown = names.Where(n => !Regions.All.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new AwsErrorException("InvalidParameterValue", $"Invalid region names: [{string.Join(", ", unknown)}]");
        }

        var filters = Filters(request);
        var regions = Regions.All
            .Select(r => (Name: r, Status: !Regions.IsOptIn(r) ? "opt-in-not-required" : _state.World.IsRegionEnabled(caller.AccountId, r) ? "opted-in" : "not-opted-in"))
            .Where(r => all || names.Count > 0 || r.Status != "not-opted-in")
            .Where(r => names.Count == 0 || names.Contains(r.Name))
            .Where(r => filters.All(f => f.Name switch
            {
                "region-name" => f.Values.Contains(r.Name),
                "opt-in-status" => f.Values.Contains(r.Status),
                "endpoint" => f.Values.Contains($"ec2.{r.Name}.amazonaws.com"),
                _ => false,
            }));

        var body = new XElement(s_ns + "DescribeRegionsResponse",
            new XElement(s_ns + "requestId", request.RequestId),
            new XElement(s_ns + "regionInfo", regions.Select(r => new XElement(s_ns + "item",
                new XElement(s_ns + "regionName", r.Name),
                new XElement(s_ns + "regionEndpoint", $"ec2.{r.Name}.amazonaws.com"),
                new XElement(s_ns + "optInStatus", r.Status)))));
        return ServiceProtocol.WriteXmlAsync(request.Http, body);
    }

    private static List<(string Name, List<string> Values)> Filters(EmulatorRequest request)
    {
        var filters = new List<(string, List<string>)>();
        for (var i = 1; request.Param($"Filter.{i}.Name") is { } name; i++)
        {
            filters.Add((name, request.ListParam($"Filter.{i}.Value").ToList()));
        }

        return filters;
    }
}
