using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StsTools.Emulator.Tests.Infrastructure;

/// <summary>
/// Runs the AWS CLI v1 (<c>aws</c>) and python3 (boto3) as a user would, isolated from this machine's AWS setup:
/// credentials only from the variables given, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE pointing at empty temp
/// files, no instance metadata. Each call is one process (~1 s): tests keep their number small.
/// </summary>
public sealed class AwsCli : IDisposable
{
    // pyenv shims (how aws and python3 are installed here) run several bash scripts per call before Python starts:
    // resolve the real executables once per test run. Without pyenv, the names on PATH.
    private static readonly Lazy<string> s_aws = new(() => Resolve("aws"));
    private static readonly Lazy<string> s_python = new(() => Resolve("python3"));

    private readonly string _directory = Directory.CreateTempSubdirectory("ststools-awscli-").FullName;

    public AwsCli()
    {
        File.WriteAllText(ConfigFile, "");
        File.WriteAllText(CredentialsFile, "");
    }

    public string ConfigFile => Path.Combine(_directory, "config");
    public string CredentialsFile => Path.Combine(_directory, "credentials");

    /// <summary>Alice's long-term key as the environment gives it.</summary>
    public static Dictionary<string, string?> Alice => Keys(DefaultWorld.AliceAccessKeyId, DefaultWorld.AliceSecretAccessKey);

    public static Dictionary<string, string?> Keys(string accessKeyId, string secretAccessKey, string? sessionToken = null) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = accessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
        ["AWS_SESSION_TOKEN"] = sessionToken,
    };

    public static Dictionary<string, string?> Keys(CliCredentials c) => Keys(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    /// <summary><c>aws &lt;args&gt; --output json</c> with the given credentials variables and region.</summary>
    public CliResult Run(IReadOnlyDictionary<string, string?> credentials, string region, params string[] args)
    {
        var start = new ProcessStartInfo(s_aws.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        Isolate(start, credentials, region);
        return Execute(start, "aws " + string.Join(' ', args));
    }

    /// <summary>A python3 script (stdin) with the given credentials variables and region.</summary>
    public CliResult Python(string script, IReadOnlyDictionary<string, string?> credentials, string region, params string[] args)
    {
        var path = Path.Combine(_directory, $"script-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, script);
        var start = new ProcessStartInfo(s_python.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Isolate(start, credentials, region);
        return Execute(start, "python3 " + Path.GetFileName(path));
    }

    /// <summary>A bash script, as a user pastes it into a terminal with no AWS setup (no region either).</summary>
    public CliResult Bash(string script, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        if (workingDirectory != null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        Isolate(start, new Dictionary<string, string?>(), region: null);
        return Execute(start, "bash -c <script>");
    }

    /// <summary>The environment of a user without any AWS setup: no AWS_* variables, empty config files.</summary>
    public void Isolate(ProcessStartInfo start, IReadOnlyDictionary<string, string?> credentials, string? region)
    {
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_CONFIG_FILE"] = ConfigFile;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile;
        if (region != null)
        {
            start.Environment["AWS_DEFAULT_REGION"] = region;
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        foreach (var (k, v) in credentials)
        {
            if (v != null)
            {
                start.Environment[k] = v;
            }
        }
    }

    private static CliResult Execute(ProcessStartInfo start, string display)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(display + " did not finish in 120 s.");
        }

        return new CliResult(display, process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Resolve(string tool)
    {
        if (OperatingSystem.IsWindows())
        {
            // pip puts aws.cmd in Scripts; Windows Pythons are "python".
            return tool switch { "aws" => "aws.cmd", "python3" => "python", _ => tool };
        }

        try
        {
            var which = new ProcessStartInfo("pyenv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            which.ArgumentList.Add("which");
            which.ArgumentList.Add(tool);
            using var p = Process.Start(which);
            var path = p?.StandardOutput.ReadToEnd().Trim();
            if (p != null && p.WaitForExit(30_000) && p.ExitCode == 0 && File.Exists(path))
            {
                return path!;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pyenv.
        }

        return tool;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record CliResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public bool Ok => ExitCode == 0;

    public JsonElement Json => Ok ? JsonDocument.Parse(Stdout).RootElement : throw new InvalidOperationException("Failed: " + this);

    /// <summary>The AWS error code the CLI printed: "An error occurred (AccessDenied) when calling …".</summary>
    public string? ErrorCode => Regex.Match(Stderr, @"An error occurred \(([^)]+)\)") is { Success: true } m ? m.Groups[1].Value : null;

    public CliCredentials Credentials
    {
        get
        {
            var c = Json.GetProperty("Credentials");
            return new(c.GetProperty("AccessKeyId").GetString()!, c.GetProperty("SecretAccessKey").GetString()!,
                c.GetProperty("SessionToken").GetString()!, c.GetProperty("Expiration").GetString()!);
        }
    }

    public override string ToString() => $"{Command} → exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

public sealed record CliCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, string Expiration);
