using System.Security.Cryptography;
using System.Text;
using StsTools.Testing.Emulator;
using StsTools.Tests.Infrastructure;

namespace StsTools.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    /// <summary>QUALITY.md "expiry": cached credentials with under 15 minutes left are not reused (the module judges
    /// by this machine's clock, so credentials issued for 900 s are under the line at once, and an AWS CLI cache
    /// entry is written with the time left chosen); an expired credential is refused by Set-StsEnvironment.</summary>
    [Fact]
    public void Cached_credentials_with_under_15_minutes_left_are_not_reused_and_expired_ones_are_not_exported()
    {
        const string assume = "Invoke-StsAssumeRole -RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -RoleSessionName rel-cache -EndpointUrl $ep -Verbose ";
        int AssumeRoleCalls() => _emulator.RequestLog().Count(e => e.Operation == "AssumeRole");

        // An hour's credentials: the second identical request is a cache hit.
        _emulator.ClearRequestLog();
        var first = _session.Run(assume + "-DurationSeconds 3600");
        var second = _session.Run(assume + "-DurationSeconds 3600");
        first.ThrowIfErrors();
        second.ThrowIfErrors();
        Assert.Equal(1, AssumeRoleCalls());
        Assert.Equal(first.Output[0].Properties["AccessKeyId"].Value, second.Output[0].Properties["AccessKeyId"].Value);

        // 900 s credentials: under 15 minutes from the start, so never reused.
        _emulator.ClearRequestLog();
        var short1 = _session.Run(assume + "-DurationSeconds 900");
        var short2 = _session.Run(assume + "-DurationSeconds 900");
        short1.ThrowIfErrors();
        short2.ThrowIfErrors();
        Assert.Equal(2, AssumeRoleCalls());
        Assert.NotEqual(short1.Output[0].Properties["AccessKeyId"].Value, short2.Output[0].Properties["AccessKeyId"].Value);

        // The AWS CLI's cache for a role profile (FACTS §6): 10 minutes left → a new call; 30 minutes left → reused.
        File.WriteAllText(_sandbox.ConfigFile, "[profile ro]\nrole_arn = " + DefaultWorld.ReadOnlyRoleArn + "\nsource_profile = plain\n");
        File.WriteAllText(_sandbox.CredentialsFile, BadInputTable.CredentialsFile);
        var key = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes("{\"RoleArn\": \"" + DefaultWorld.ReadOnlyRoleArn + "\"}"))).ToLowerInvariant();
        Directory.CreateDirectory(_sandbox.CliCache);
        var cacheFile = Path.Combine(_sandbox.CliCache, key + ".json");
        foreach (var (minutesLeft, expectCall) in new[] { (10, true), (30, false) })
        {
            var expiration = DateTime.UtcNow.AddMinutes(minutesLeft).ToString("yyyy-MM-ddTHH:mm:ssZ");
            File.WriteAllText(cacheFile,
                "{\"Credentials\": {\"AccessKeyId\": \"ASIACACHEDEXAMPLE001\", \"SecretAccessKey\": \"cachedSecretExampleKey0000000000000000000\", " +
                "\"SessionToken\": \"IQoJb3JpZ2luCACHEDEXAMPLE\", \"Expiration\": \"" + expiration + "\"}, " +
                "\"AssumedRoleUser\": {\"AssumedRoleId\": \"AROAEXAMPLE:botocore-session-1\", \"Arn\": \"arn:aws:sts::222222222222:assumed-role/ReadOnly/botocore-session-1\"}}");
            _emulator.ClearRequestLog();
            var r = _session.Run("Invoke-StsAssumeRole -ProfileName ro -EndpointUrl $ep");
            r.ThrowIfErrors();
            var keyId = (string)Assert.Single(r.Output).Properties["AccessKeyId"].Value;
            if (expectCall)
            {
                Assert.Equal(1, AssumeRoleCalls());
                Assert.NotEqual("ASIACACHEDEXAMPLE001", keyId);
            }
            else
            {
                Assert.Equal(0, AssumeRoleCalls());
                Assert.Equal("ASIACACHEDEXAMPLE001", keyId);
            }
        }

        // An expired credential (issued by the emulator, then its time passed by this machine's clock) is not exported.
        var environment = EnvironmentSnapshot();
        var refused = _session.Run("$short1 = $args[0]; $short1.Expiration = [DateTime]::UtcNow.AddSeconds(-1); $short1 | Set-StsEnvironment", short1.Output[0]);
        Assert.Equal("ExpiredCredential,StsTools.Commands.SetStsEnvironmentCommand", refused.FirstErrorId);
        Assert.Equal(environment, EnvironmentSnapshot());
    }

    /// <summary>QUALITY.md "expiry": an endpoint whose clock runs an hour off refuses the first signature; the SDK
    /// learns the offset from the answer's Date header and the retried call succeeds.</summary>
    [Fact]
    public void A_skewed_endpoint_clock_is_survived()
    {
        // A region no other test of the suite calls: the SDK keeps the offset it learned per endpoint for the process.
        const string region = "sa-east-1";
        _emulator.SetFault(region, EmulatorFault.SkewedClock(3600) with { Service = "sts" });
        _emulator.ClearRequestLog();
        var r = _session.Run("Invoke-StsAssumeRole -RoleArn " + DefaultWorld.ReadOnlyRoleArn + " -RoleSessionName rel-skew -NoCache -Region " + region + " -EndpointUrl $ep -Verbose");
        r.ThrowIfErrors();
        Assert.Single(r.Output);
        var log = _emulator.RequestLog(region);
        Report("skewed endpoint: " + string.Join(", ", log.Select(e => e.Outcome)));
        Assert.Equal("OK", log.Last().Outcome);
        Assert.Contains(log, e => e.Outcome != "OK");
    }
}
