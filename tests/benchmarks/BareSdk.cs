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

    public void Dispose() => _client.Dispose();
}
