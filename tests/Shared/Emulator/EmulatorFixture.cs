using System;

namespace StsTools.Testing.Emulator;

/// <summary>One emulator (default world) shared by the tests of a class: <c>IClassFixture&lt;EmulatorFixture&gt;</c>.
/// Tests that change faults, the clock or account settings should start their own <see cref="EmulatorProcess"/>.</summary>
public sealed class EmulatorFixture : IDisposable
{
    private readonly Lazy<EmulatorProcess> _emulator = new(() => EmulatorProcess.Start());

    public EmulatorProcess Emulator => _emulator.Value;

    public void Dispose()
    {
        if (_emulator.IsValueCreated)
        {
            _emulator.Value.Dispose();
        }
    }
}
