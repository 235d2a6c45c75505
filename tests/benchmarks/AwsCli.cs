using System.Diagnostics;

namespace StsTools.Benchmarks;

/// <summary>The peer of the runbook figures: one `aws sts assume-role` process per call, what seed 001's script runs.</summary>
public sealed class AwsCli
{
    private readonly BenchEnvironment _environment;

    public AwsCli(BenchEnvironment environment)
    {
        _environment = environment;
        Executable = Resolve();
    }

    /// <summary>The `aws` entry point. A pyenv shim is resolved to the real script first, so the peer is not charged
    /// for the shim's own start-up (it favours the peer).</summary>
    public string? Executable { get; }

    public string Version => Executable == null ? "not installed" : RunText(Executable, "--version").Trim();

    /// <summary>Elapsed wall time of one `aws sts assume-role` process, start to exit.</summary>
    public double AssumeRoleMs(string endpointUrl, string roleArn, string sessionName)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("The AWS CLI (aws) is not on PATH."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", sessionName,
                     "--endpoint-url", endpointUrl, "--region", "us-east-1", "--output", "json" })
        {
            start.ArgumentList.Add(a);
        }

        _environment.ApplyTo(start);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0 || !stdout.Result.Contains("SessionToken", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"aws sts assume-role failed ({process.ExitCode}): {stderr.Result.Trim()}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static string? Resolve()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "aws"))
            .FirstOrDefault(File.Exists);
        if (onPath != null && onPath.Contains("/shims/", StringComparison.Ordinal))
        {
            try
            {
                var real = RunText("pyenv", "which aws").Trim();
                if (File.Exists(real))
                {
                    return real;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }

        return onPath;
    }

    private static string RunText(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
