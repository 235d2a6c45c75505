using System.Diagnostics;
using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks;

/// <summary>
/// An AWS environment of the run's own: alice's keys in the environment variables (what both the AWS CLI and the
/// module's default chain read), empty config and credentials files in a temporary folder, no profile, and HOME
/// there too so nothing of the machine's ~/.aws takes part. Applied to this process and every child.
/// </summary>
public sealed class BenchEnvironment : IDisposable
{
    public BenchEnvironment()
    {
        Directory = Path.Combine(Path.GetTempPath(), "ststools-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(ConfigFile, "");
        File.WriteAllText(CredentialsFile, "");
        Variables = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = DefaultWorld.AliceAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = DefaultWorld.AliceSecretAccessKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_DEFAULT_PROFILE"] = null,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = ConfigFile,
            ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile,
            // No instance-metadata probing by either side (there is no IMDS here; a probe would only add a timeout).
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["HOME"] = Directory,
            ["USERPROFILE"] = Directory,
        };
    }

    public string Directory { get; }

    public string ConfigFile => Path.Combine(Directory, "config");

    public string CredentialsFile => Path.Combine(Directory, "credentials");

    public IReadOnlyDictionary<string, string?> Variables { get; }

    public void ApplyToThisProcess()
    {
        foreach (var (name, value) in Variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void ApplyTo(ProcessStartInfo start)
    {
        foreach (var (name, value) in Variables)
        {
            if (value == null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
