using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    /// <summary>
    /// QUALITY.md "cancellation": Ctrl+C (PowerShell.Stop → StopProcessing) while a call waits on an endpoint that
    /// accepts and never answers returns within a second, for each cmdlet that calls AWS and waits. The stop latency
    /// is a behaviour (the wait is cancelled, not sat out), not a performance figure.
    /// </summary>
    [Fact]
    public void Stopping_a_call_to_a_black_holed_endpoint_returns_within_a_second()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(RepoPaths.Module);
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();

        var cases = new (string Name, string Endpoint, string Service, string Script)[]
        {
            ("Invoke-StsAssumeRole", "us-east-1", "sts",
                "Invoke-StsAssumeRole -RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -RoleSessionName rel -NoCache -Region us-east-1 -EndpointUrl $args[0]"),
            ("New-RolesAnywhereSession", "us-east-1", "rolesanywhere",
                "New-RolesAnywhereSession -CertificatePath \"$($args[1])/leaf-rsa2048.pem\" -PrivateKeyPath \"$($args[1])/leaf-rsa2048.key\" -TrustAnchorArn " + DefaultWorld.TrustAnchorArn +
                " -ProfileArn " + DefaultWorld.ProfileArn + " -RoleArn " + DefaultWorld.RolesAnywhereRoleArn + " -EndpointUrl $args[0] -NoCache"),
            ("Test-StsRegionCompatibility", "me-south-1", "sts", "Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl $args[0]"),
        };

        var failures = new List<string>();
        foreach (var (name, endpoint, service, script) in cases)
        {
            _emulator.ClearFaults();
            _emulator.ClearRequestLog();
            _emulator.SetFault(endpoint, EmulatorFault.Blackholing(maxSeconds: 30) with { Service = service });
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script).AddArgument(_emulator.EndpointTemplate).AddArgument(DefaultWorld.PkiDirectory);
            var running = ps.BeginInvoke();

            // Stop once the request is in the black hole (the emulator logged it), not after a guessed delay.
            var deadline = Stopwatch.StartNew();
            while (!_emulator.RequestLog(endpoint).Any(e => e.Fault == "blackhole") && !running.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(20))
                Thread.Yield();
            if (running.IsCompleted)
            {
                failures.Add($"{name}: finished before it could be stopped: {string.Join("; ", ps.Streams.Error.Select(PowerShellResult.Describe))}");
                continue;
            }

            var watch = Stopwatch.StartNew();
            ps.Stop();
            var stopped = running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            watch.Stop();
            Report($"{name}: stopped in {watch.ElapsedMilliseconds} ms");
            if (!stopped || watch.Elapsed >= TimeSpan.FromSeconds(1)) failures.Add($"{name}: stop took {watch.ElapsedMilliseconds} ms");
            if (ps.InvocationStateInfo.State != PSInvocationState.Stopped) failures.Add($"{name}: state {ps.InvocationStateInfo.State}");
        }

        _emulator.ClearFaults();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
