using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.AssumeRole;

/// <summary>Many roles from the pipeline, concurrently, with failures that do not stop the rest (issue 4, must-show 6).</summary>
[Collection(ProcessStateCollection.Name)]
public sealed class ManyRolesTests : AliceSandboxTests
{
    public ManyRolesTests(AssumeRoleFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Fifty_roles_with_ThrottleLimit_10_two_not_assumable_give_48_credentials_2_errors_and_at_most_10_in_flight()
    {
        // A real STS round trip takes tens of milliseconds: with latency the calls overlap and concurrency shows.
        Emulator.SetFault("us-east-1", EmulatorFault.Slow(150));
        Emulator.ClearRequestLog();
        var r = Session.Run("""
            param($good, $bad1, $bad2)
            $roles = 1..50 | ForEach-Object {
                $arn = switch ($_) { 17 { $bad1 } 33 { $bad2 } default { $good } }
                [pscustomobject]@{ RoleArn = $arn; RoleSessionName = "audit-$_" }
            }
            $roles | Invoke-StsAssumeRole -ThrottleLimit 10 -NoCache -ErrorAction Continue
            """, DefaultWorld.ReadOnlyRoleArn, DefaultWorld.AdminRoleArn, "arn:aws:iam::222222222222:role/DoesNotExist");

        Assert.Null(r.Terminating);
        Assert.Equal(48, r.Output.Count);
        Assert.Equal(48, r.Output.Select(o => (string)o.Properties["SessionName"].Value).Distinct().Count());
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.StartsWith("AwsAccessDenied,", e.FullyQualifiedErrorId));
        Assert.Contains(r.Progress, p => p.StatusDescription.Contains("of 50 done"));

        var calls = Emulator.RequestLog().Where(e => e.Operation == "AssumeRole").ToList();
        // At least one call per role (the SDK may retry one that a loaded machine made slow).
        Assert.True(calls.Count >= 50, string.Join("\n", calls.Select(c => $"{c.Time:HH:mm:ss.fff} {c.Outcome} {c.Status} {c.DurationMs}")));
        Assert.Equal(48, calls.Count(c => c.Outcome == "OK"));
        var maxInFlight = MaxOverlap(calls);
        Assert.InRange(maxInFlight, 2, 10);
    }

    /// <summary>The most requests the emulator was holding at one moment. Each request is held for the 150 ms of the
    /// latency fault right after its logged start; the log's end time also counts the emulator's own bookkeeping after
    /// the answer went out (when the client may already have sent its next request), so it would overstate. The window
    /// counted is 120 of the 150 ms: the logged start and the hold are a few ms apart, and a fresh request logged just
    /// after a slot was freed must not count as overlapping the answer that freed it. Eleven requests truly held at once
    /// still overlap by far more than 30 ms, so a throttle that lets too many through still fails this.</summary>
    private static int MaxOverlap(IEnumerable<EmulatorRequestLogEntry> calls)
    {
        var events = calls.SelectMany(c => new[] { (At: c.Time, Delta: +1), (At: c.Time.AddMilliseconds(120), Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta);
        int current = 0, max = 0;
        foreach (var e in events)
        {
            current += e.Delta;
            max = Math.Max(max, current);
        }

        return max;
    }
}
