using System.Net;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>Faults on demand per endpoint, the request log, and the world clock. Faults and the clock are
/// process-wide state of an emulator: the class shares one and each test starts from a reset (tests of a class run
/// one at a time), which is cheaper than a process per test.</summary>
public sealed class FaultAndClockTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public FaultAndClockTests(EmulatorFixture fixture) => _fixture = fixture;

    private EmulatorProcess Fresh()
    {
        _fixture.Emulator.Reset();
        return _fixture.Emulator;
    }

    private static SignedClient AliceAt(EmulatorProcess e, string region) => SignedClient.Alice(e.EndpointUrl(region), region);

    [Fact]
    public void Down_drops_the_connection_before_any_answer_and_only_at_that_endpoint()
    {
        var emulator = Fresh();
        emulator.SetFault("eu-west-1", EmulatorFault.Refusing());
        var error = Assert.Throws<HttpRequestException>(() => AliceAt(emulator, "eu-west-1").Query("GetCallerIdentity"));
        Assert.NotNull(error);
        Assert.True(AliceAt(emulator, "eu-west-2").Query("GetCallerIdentity").Ok);

        var entry = Assert.Single(emulator.RequestLog("eu-west-1"));
        Assert.Equal("down", entry.Fault);
        Assert.StartsWith("fault: down", entry.Outcome);

        emulator.ClearFault("eu-west-1");
        Assert.True(AliceAt(emulator, "eu-west-1").Query("GetCallerIdentity").Ok);
    }

    [Fact]
    public void Blackhole_accepts_and_never_answers_until_the_client_gives_up()
    {
        var emulator = Fresh();
        emulator.SetFault("us-west-2", EmulatorFault.Blackholing());
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(1500) };
        var call = () => http.PostAsync(emulator.EndpointUrl("us-west-2"), new StringContent("Action=GetCallerIdentity&Version=2011-06-15")).GetAwaiter().GetResult();
        Assert.ThrowsAny<TaskCanceledException>(call);

        var entry = Assert.Single(emulator.RequestLog("us-west-2"));
        Assert.Equal("blackhole", entry.Fault);
        Assert.StartsWith("fault: blackhole", entry.Outcome);
    }

    [Fact]
    public void Blackhole_is_bounded_so_a_forgotten_client_does_not_hold_the_request_forever()
    {
        var emulator = Fresh();
        emulator.SetFault("us-west-2", EmulatorFault.Blackholing(maxSeconds: 1));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var call = () => http.PostAsync(emulator.EndpointUrl("us-west-2"), new StringContent("Action=GetCallerIdentity&Version=2011-06-15")).GetAwaiter().GetResult();
        // The emulator gives up after a second and drops the connection: the client sees an error, not a hang.
        Assert.ThrowsAny<HttpRequestException>(call);
    }

    [Fact]
    public void Latency_delays_the_answer_and_shows_in_the_log()
    {
        var emulator = Fresh();
        emulator.SetFault("ca-central-1", EmulatorFault.Slow(300));
        Assert.True(AliceAt(emulator, "ca-central-1").Query("GetCallerIdentity").Ok);
        var entry = Assert.Single(emulator.RequestLog("ca-central-1"));
        Assert.Equal("latency 300 ms", entry.Fault);
        Assert.True(entry.DurationMs >= 300, entry.DurationMs.ToString());
    }

    [Fact]
    public void Throttling_at_a_rate_answers_every_other_request_with_Throttling()
    {
        var emulator = Fresh();
        emulator.SetFault("us-east-2", EmulatorFault.Throttling(rate: 0.5));
        var outcomes = Enumerable.Range(0, 4).Select(_ => AliceAt(emulator, "us-east-2").Query("GetCallerIdentity")).ToList();
        Assert.Equal(new[] { 200, 400, 200, 400 }, outcomes.Select(o => o.Status));
        Assert.Equal("Throttling", outcomes[1].ErrorCode);
        Assert.Equal("Rate exceeded", outcomes[1].ErrorMessage);
        Assert.Equal(new[] { "OK", "Throttling", "OK", "Throttling" }, emulator.RequestLog("us-east-2").Select(e => e.Outcome));

        // EC2 throttles in its own words.
        var ec2 = new SignedClient { EndpointUrl = emulator.EndpointUrl("us-east-2"), Region = "us-east-2", Service = "ec2", AccessKeyId = DefaultWorld.AliceAccessKeyId, SecretAccessKey = DefaultWorld.AliceSecretAccessKey };
        ec2.Query("DescribeRegions");
        var throttled = ec2.Query("DescribeRegions");
        Assert.Equal((503, "RequestLimitExceeded"), (throttled.Status, throttled.ErrorCode));
    }

    [Fact]
    public void An_arbitrary_AWS_error_code_is_answered_in_the_services_protocol_with_its_status()
    {
        var emulator = Fresh();
        emulator.SetFault("eu-west-3", EmulatorFault.AwsError("RegionDisabledException", 403, "STS is not activated in this region.", count: 1));
        var refused = AliceAt(emulator, "eu-west-3").Query("GetCallerIdentity");
        Assert.Equal((403, "RegionDisabledException", "STS is not activated in this region."), (refused.Status, refused.ErrorCode, refused.ErrorMessage));
        Assert.True(AliceAt(emulator, "eu-west-3").Query("GetCallerIdentity").Ok);
        Assert.Equal("error RegionDisabledException 403", emulator.RequestLog("eu-west-3")[0].Fault);
    }

    [Fact]
    public void Server_errors_come_as_a_burst_that_clears_itself()
    {
        var emulator = Fresh();
        emulator.SetFault("*", EmulatorFault.ServerErrors(status: 503, count: 2) with { Service = "sts" });
        var a = AliceAt(emulator, "sa-east-1").Query("GetCallerIdentity");
        var b = AliceAt(emulator, "eu-north-1").Query("GetCallerIdentity");
        var c = AliceAt(emulator, "sa-east-1").Query("GetCallerIdentity");
        Assert.Equal((503, "ServiceUnavailable"), (a.Status, a.ErrorCode));
        Assert.Equal(503, b.Status);
        Assert.True(c.Ok, c.ToString());
        Assert.Contains(emulator.RequestLog(), e => e.Endpoint == "eu-north-1" && e.Fault == "error 503");
    }

    [Fact]
    public void Connection_reset_drops_the_connection_after_reading_the_request()
    {
        var emulator = Fresh();
        emulator.SetFault("eu-central-1", EmulatorFault.Resetting(count: 1));
        Assert.ThrowsAny<HttpRequestException>(() => AliceAt(emulator, "eu-central-1").Query("GetCallerIdentity"));
        Assert.True(AliceAt(emulator, "eu-central-1").Query("GetCallerIdentity").Ok);
        Assert.Equal(new[] { "fault: connection reset", "OK" }, emulator.RequestLog("eu-central-1").Select(e => e.Outcome));
    }

    [Fact]
    public void A_skewed_endpoint_clock_refuses_signatures_and_says_its_time_in_the_Date_header()
    {
        var emulator = Fresh();
        emulator.SetFault("ap-south-1", EmulatorFault.SkewedClock(3600));
        var client = AliceAt(emulator, "ap-south-1");
        var r = client.Query("GetCallerIdentity");
        Assert.Equal((403, "SignatureDoesNotMatch"), (r.Status, r.ErrorCode));
        Assert.StartsWith("Signature expired", r.ErrorMessage);

        using var response = client.Send("POST", "", "Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded");
        var serverTime = response.Headers.Date!.Value;
        Assert.InRange((serverTime - DateTimeOffset.UtcNow).TotalMinutes, 55, 65);

        // A client that corrects for the skew (as the SDKs do from the Date header) gets through.
        var corrected = new SignedClient { EndpointUrl = client.EndpointUrl, Region = client.Region, AccessKeyId = client.AccessKeyId, SecretAccessKey = client.SecretAccessKey, SigningTime = serverTime };
        Assert.True(corrected.Query("GetCallerIdentity").Ok);
    }

    [Fact]
    public void The_clock_moves_forward_and_issued_credentials_expire_with_it()
    {
        var emulator = Fresh();
        var alice = AliceAt(emulator, "us-east-1");
        var before = emulator.Now();
        var r = alice.Query("AssumeRole", new KeyValuePair<string, string>[] { new("RoleArn", DefaultWorld.ReadOnlyRoleArn), new("RoleSessionName", "expiring"), new("DurationSeconds", "900") });
        var session = alice.WithCredentials(r.Credentials);
        Assert.True(session.Query("GetCallerIdentity").Ok);

        emulator.AdvanceClock(TimeSpan.FromMinutes(16));
        Assert.True(emulator.Now() - before >= TimeSpan.FromMinutes(16));
        var expired = session.Query("GetCallerIdentity");
        Assert.Equal((403, "ExpiredToken"), (expired.Status, expired.ErrorCode));
        // Long-term keys do not expire.
        Assert.True(alice.Query("GetCallerIdentity").Ok);

        emulator.Reset();
        Assert.True(emulator.Now() - DateTimeOffset.UtcNow < TimeSpan.FromMinutes(1));
        Assert.Equal("InvalidClientTokenId", session.Query("GetCallerIdentity").ErrorCode);
    }
}
