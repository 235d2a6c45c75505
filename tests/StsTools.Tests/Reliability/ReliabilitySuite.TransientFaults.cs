using StsTools.Tests.Infrastructure;
using System.Diagnostics;
using StsTools.Testing.Emulator;

namespace StsTools.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private static readonly (string Name, Func<EmulatorFault> Fault)[] s_lastingFaults =
    {
        ("throttling", () => EmulatorFault.Throttling() with { Service = "sts" }),
        ("HTTP 503", () => EmulatorFault.ServerErrors(status: 503) with { Service = "sts" }),
        ("connection resets", () => EmulatorFault.Resetting() with { Service = "sts" }),
        ("refused connections", () => EmulatorFault.Refusing() with { Service = "sts" }),
        ("answers that never come", () => EmulatorFault.Blackholing(maxSeconds: 20) with { Service = "sts" }),
    };

    /// <summary>
    /// QUALITY.md "transient faults": a burst (throttling, 5xx, resets) is retried and the call succeeds at the same
    /// endpoint; a slow answer is waited for; a lasting fault on the primary region with a healthy -FallbackRegion
    /// still gives credentials every time (from the fallback); with no healthy endpoint, one clear error within the limit.
    /// </summary>
    [Fact]
    public void Transient_faults_are_retried_or_failed_over_and_with_no_healthy_endpoint_give_one_clear_error()
    {
        const string assume = "Invoke-StsAssumeRole -RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -RoleSessionName rel -NoCache -EndpointUrl $ep -Region us-east-1 ";
        var failures = new List<string>();
        var injected = 0;

        void Count() => injected += _emulator.RequestLog().Count(e => e.Fault != null);

        // Bursts: retried with backoff, served by the primary itself.
        var bursts = new (string Name, EmulatorFault Fault)[]
        {
            ("throttling burst", EmulatorFault.Throttling(count: 2) with { Service = "sts" }),
            ("5xx burst", EmulatorFault.ServerErrors(status: 500, count: 2) with { Service = "sts" }),
            ("reset burst", EmulatorFault.Resetting(count: 1) with { Service = "sts" }),
            ("slow answer", EmulatorFault.Slow(400) with { Service = "sts", Count = 1 }),
        };
        foreach (var (name, fault) in bursts)
        {
            _emulator.ClearFaults();
            _emulator.ClearRequestLog();
            _emulator.SetFault("us-east-1", fault);
            var r = _session.Run(assume + "-Verbose");
            Count();
            if (r.Output.Count != 1 || r.AllErrors.Any()) failures.Add($"{name}: no credentials: {Describe(r)}");
            else if ((string)r.Output[0].Properties["IssuedBy"].Value != "us-east-1") failures.Add($"{name}: served by {r.Output[0].Properties["IssuedBy"].Value}, not the primary");
        }

        // Lasting faults on the primary, a healthy fallback: every call succeeds, from the fallback.
        foreach (var (name, fault) in s_lastingFaults)
        {
            _emulator.ClearFaults();
            _emulator.ClearRequestLog();
            _emulator.SetFault("us-east-1", fault());
            var watch = Stopwatch.StartNew();
            var r = _session.Run(assume + "-FallbackRegion eu-west-1 -Verbose");
            watch.Stop();
            Count();
            if (r.Output.Count != 1 || r.AllErrors.Any()) failures.Add($"{name} with a fallback: no credentials: {Describe(r)}");
            else if ((string)r.Output[0].Properties["IssuedBy"].Value != "eu-west-1") failures.Add($"{name} with a fallback: served by {r.Output[0].Properties["IssuedBy"].Value}");
            if (!r.Verbose.Any(v => v.Contains("eu-west-1"))) failures.Add($"{name} with a fallback: -Verbose does not name the fallback");
            Console.WriteLine($"{name}, fallback: {watch.ElapsedMilliseconds} ms");
        }

        // No healthy endpoint: every region faulty. One error, with an id saying what happened, within the time limit.
        // (Resets and refusals end like the 503s and the black hole do; three kinds keep the suite's time down.)
        foreach (var (name, fault) in s_lastingFaults.Where(f => f.Name is "throttling" or "HTTP 503" or "answers that never come"))
        {
            _emulator.ClearFaults();
            _emulator.ClearRequestLog();
            _emulator.SetFault("*", fault());
            var watch = Stopwatch.StartNew();
            var r = _session.Run(assume + "-FallbackRegion eu-west-1");
            watch.Stop();
            Count();
            var errors = r.AllErrors.ToList();
            if (r.Output.Count != 0 || errors.Count != 1) failures.Add($"{name} everywhere: expected one error and no output, got {errors.Count} error(s): {Describe(r)}");
            else
            {
                var error = errors[0];
                if (error.FullyQualifiedErrorId.StartsWith("CallFailed", StringComparison.Ordinal)) failures.Add($"{name} everywhere: an unexplained error: {PowerShellResult.Describe(error)}");
                var message = error.ErrorDetails?.Message ?? error.Exception.Message;
                if (!message.Contains("us-east-1") || !message.Contains("eu-west-1")) failures.Add($"{name} everywhere: the error does not name both regions tried: {message}");
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(30)) failures.Add($"{name} everywhere: took {watch.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"{name}, nowhere healthy: {watch.ElapsedMilliseconds} ms: {(errors.Count > 0 ? PowerShellResult.Describe(errors[0]) : "")}");
        }

        _emulator.ClearFaults();
        Report($"faults injected: {injected}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
