using StsTools.Testing.Emulator;

namespace StsTools.Benchmarks;

/// <summary>What every figure shares in one run: the emulator, the built module, the PowerShell session, the peers,
/// and peer samples taken once and used by more than one figure.</summary>
public sealed class BenchmarkContext : IDisposable
{
    private PowerShellSession? _session;

    public BenchmarkContext(BenchmarkOptions options, BenchEnvironment environment, EmulatorProcess emulator, string modulePath, string emptyModulePath)
    {
        Options = options;
        Environment = environment;
        Emulator = emulator;
        ModulePath = modulePath;
        EmptyModulePath = emptyModulePath;
        Cli = new AwsCli(environment);
    }

    public BenchmarkOptions Options { get; }
    public BenchEnvironment Environment { get; }
    public EmulatorProcess Emulator { get; }

    /// <summary>out/StsTools (the folder a user imports).</summary>
    public string ModulePath { get; }

    /// <summary>out/StsTools/&lt;version&gt;/ (holds Dependencies/ with the engine).</summary>
    public string ModuleVersionDirectory =>
        Directory.GetDirectories(ModulePath).Single(d => File.Exists(Path.Combine(d, "StsTools.psd1")));

    /// <summary>A manifest module with nothing in it: PowerShell's own cost of an import.</summary>
    public string EmptyModulePath { get; }

    public AwsCli Cli { get; }

    /// <summary>http://127.0.0.1:PORT/{region}/ — what users pass to -EndpointUrl.</summary>
    public string EndpointTemplate => Emulator.EndpointTemplate;

    public string UsEast1 => Emulator.EndpointUrl("us-east-1");

    /// <summary>The in-process session (module imported on first use).</summary>
    public PowerShellSession Session => _session ??= new PowerShellSession(ModulePath);

    /// <summary>Wall time of single `aws sts assume-role` processes (the ten-roles runs provide them).</summary>
    public List<double> CliSingleMs { get; } = new();

    /// <summary>Wall time of ten sequential `aws sts assume-role` processes.</summary>
    public List<double> CliTenMs { get; } = new();

    public string? CliError { get; set; }

    /// <summary>Median of a warm, uncached Invoke-StsAssumeRole (the cmdlet-overhead figure), for the cache-hit figure.</summary>
    public double? WarmCallMs { get; set; }

    public bool HasCommand(string name) => Session.HasCommand(name);

    /// <summary>alice's keys as an StsCredential in the session's <c>$alice</c>.</summary>
    public void DefineAlice() => Session.Invoke(
        "$global:alice = ConvertTo-StsCredential -AccessKeyId $args[0] -SecretAccessKey $args[1] -Region us-east-1",
        DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey);

    public void Dispose() => _session?.Dispose();
}
