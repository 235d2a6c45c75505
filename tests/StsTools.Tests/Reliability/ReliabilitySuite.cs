using StsTools.Testing.Emulator;
using StsTools.Tests.AssumeRole;
using StsTools.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StsTools.Tests.Reliability;

/// <summary>
/// The cross-cutting reliability suite of QUALITY.md ("Reliability and security"), across every cmdlet: bad input,
/// AWS error mapping, transient faults, secret hygiene, cancellation and expiry. One class in several files so the
/// whole suite shares one emulator and one module session; it changes process-wide state, hence the collection.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed partial class ReliabilitySuite : IClassFixture<ReliabilityFixture>, IDisposable
{
    private readonly ReliabilityFixture _fixture;
    private readonly EmulatorProcess _emulator;
    private readonly ModuleSession _session;
    private readonly AwsSandbox _sandbox;
    private readonly ITestOutputHelper _output;

    public ReliabilitySuite(ReliabilityFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _emulator = fixture.Emulator;
        _session = fixture.Session;
        _output = output;
        _sandbox = fixture.Begin();
    }

    public void Dispose()
    {
        _emulator.ClearFaults();
        _sandbox.Dispose();
    }

    /// <summary>A count the issue asks to see, in the test log and on the console.</summary>
    private void Report(string line)
    {
        _output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static string Describe(PowerShellResult r) => string.Join("\n", r.AllErrors.Select(PowerShellResult.Describe));
}
