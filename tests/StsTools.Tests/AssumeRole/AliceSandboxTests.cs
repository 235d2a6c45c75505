using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>
/// A test class on the shared <see cref="AssumeRoleFixture"/> where every test starts clean: no faults, an empty
/// request log, its own <see cref="AwsSandbox"/> with alice's keys in the environment; faults are cleared after it.
/// </summary>
public abstract class AliceSandboxTests : IClassFixture<AssumeRoleFixture>, IDisposable
{
    protected AliceSandboxTests(AssumeRoleFixture fixture)
    {
        Emulator = fixture.Emulator;
        Session = fixture.Session;
        Sandbox = fixture.Begin();
        Sandbox.UseAliceKeys();
    }

    protected EmulatorProcess Emulator { get; }

    protected ModuleSession Session { get; }

    protected AwsSandbox Sandbox { get; }

    public void Dispose()
    {
        Emulator.ClearFaults();
        Sandbox.Dispose();
    }
}
