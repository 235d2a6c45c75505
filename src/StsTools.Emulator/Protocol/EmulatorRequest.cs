using StsTools.Emulator.Auth;
using StsTools.Emulator.Faults;
using StsTools.Emulator.Logging;

namespace StsTools.Emulator.Protocol;

/// <summary>One request to an AWS endpoint of the emulator, read in full before it is dispatched.</summary>
public sealed class EmulatorRequest
{
    public required HttpContext Http { get; init; }
    /// <summary>The path prefix: aws-global or a region.</summary>
    public required string Endpoint { get; init; }
    /// <summary>The path after the prefix, without a leading slash (sessions, listRegions, or empty).</summary>
    public required string SubPath { get; init; }
    /// <summary>The path exactly as the client sent it (what it signed).</summary>
    public required string RawPath { get; init; }
    public required string RawQuery { get; init; }
    public required byte[] Body { get; init; }
    /// <summary>Query-protocol parameters: the form body and the query string.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required SigV4Authorization? Authorization { get; init; }
    public required string Service { get; init; }
    public required string Operation { get; init; }
    public required string RequestId { get; init; }
    public required RequestLogEntry Log { get; init; }
    public required FaultDecision Fault { get; init; }

    /// <summary>The region whose endpoint this is; us-east-1 for the global endpoint (its signing region).</summary>
    public string Region => Endpoint == World.Regions.Global ? "us-east-1" : Endpoint;

    public bool IsGlobalEndpoint => Endpoint == World.Regions.Global;

    public string? Param(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>Members of a query-protocol list: Name.member.1, Name.member.2, … (or Name.1, … for EC2).</summary>
    public IReadOnlyList<string> ListParam(string prefix)
    {
        var list = new List<string>();
        for (var i = 1; Parameters.TryGetValue($"{prefix}.{i}", out var v); i++)
        {
            list.Add(v);
        }

        return list;
    }
}
