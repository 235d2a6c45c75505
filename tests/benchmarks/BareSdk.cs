using System.Diagnostics;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks;

/// <summary>The peer of the cmdlet-overhead figure: the bare AWS SDK AssumeRoleAsync in this process, one client
/// reused (the SDK's best case), alice's keys given directly.</summary>
public sealed class BareSdk : IDisposable
{
    private readonly AmazonSecurityTokenServiceClient _client;

    public BareSdk(string endpointUrl)
    {
        _client = new AmazonSecurityTokenServiceClient(
            new BasicAWSCredentials(DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey),
            new AmazonSecurityTokenServiceConfig { ServiceURL = endpointUrl, AuthenticationRegion = "us-east-1" });
    }

    public double AssumeRoleMs(string roleArn, string sessionName)
    {
        var watch = Stopwatch.StartNew();
        var response = _client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName })
            .GetAwaiter().GetResult();
        watch.Stop();
        if (string.IsNullOrEmpty(response.Credentials?.SessionToken))
        {
            throw new InvalidOperationException("AssumeRole returned no credentials.");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The same fan-out written directly against the SDK: every role at once, at most <paramref name="throttle"/>
    /// in flight (SemaphoreSlim, Task.WhenAll). Elapsed ms.</summary>
    public double FanOutMs(IReadOnlyList<string> roleArns, int throttle)
    {
        using var gate = new SemaphoreSlim(throttle);
        var watch = Stopwatch.StartNew();
        Task.WhenAll(roleArns.Select(async arn =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await _client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = arn, RoleSessionName = "bench-sdk-fan-out" }).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    public void Dispose() => _client.Dispose();
}
