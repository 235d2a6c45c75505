using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>One private emulator and one imported module session for a test class (starting either costs seconds);
/// each test clears faults and the request log and gets its own <see cref="AwsSandbox"/>.</summary>
public sealed class AssumeRoleFixture : IDisposable
{
    private readonly Lazy<EmulatorProcess> _emulator = new(() => EmulatorProcess.Start());
    private readonly Lazy<ModuleSession> _session = new(() => new ModuleSession());

    public EmulatorProcess Emulator => _emulator.Value;

    public ModuleSession Session => _session.Value;

    /// <summary>A clean start for one test: no faults, empty log, a fresh sandbox (dispose it).</summary>
    public AwsSandbox Begin()
    {
        Emulator.ClearFaults();
        Emulator.ClearRequestLog();
        return new AwsSandbox(Emulator);
    }

    public void Dispose()
    {
        if (_session.IsValueCreated) _session.Value.Dispose();
        if (_emulator.IsValueCreated) _emulator.Value.Dispose();
    }
}
