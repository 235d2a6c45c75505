using System.Management.Automation;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Regions;

/// <summary>
/// A region test class: the collection's one emulator, reset before each test, and a module session of its own;
/// helpers to read the per-region rows the region cmdlets return.
/// </summary>
public abstract class RegionTestsBase : IDisposable
{
    protected RegionTestsBase(EmulatorFixture fixture)
    {
        Emulator = fixture.Emulator;
        Emulator.Reset();
    }

    protected EmulatorProcess Emulator { get; }

    protected ModuleSession Session { get; } = new();

    /// <summary>The emulator's endpoint template, for -EndpointUrl.</summary>
    protected string Url => Emulator.EndpointTemplate;

    protected static object? P(PSObject o, string name) => o.Properties[name].Value;

    protected static PSObject Row(PowerShellResult r, string region) => r.Output.Single(o => (string)P(o, "Region")! == region);

    public void Dispose() => Session.Dispose();
}
