using System.Diagnostics;

namespace StsTools.Tests.Infrastructure;

/// <summary>Runs a program to completion with its own environment; for tools nobody here wrote (AWS CLI,
/// botocore, bash) and for PowerShell in a fresh process (<see cref="RunScriptHost"/>).</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
    }

    public static Result Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null,
        string? workingDirectory = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (environment != null)
        {
            foreach (var (k, v) in environment)
            {
                if (v == null) start.Environment.Remove(k); else start.Environment[k] = v;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin != null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit((int)(timeout ?? TimeSpan.FromMinutes(2)).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>PowerShell in a fresh process (tests/StsTools.ScriptHost): <c>$args</c> holds <paramref name="args"/>.</summary>
    public static Result RunScriptHost(string script, IDictionary<string, string?>? environment = null, params string[] args) =>
        Run("dotnet", new[] { RepoPaths.ScriptHostDll, "-c", script }.Concat(args), environment);

    /// <summary>Whether a tool is on PATH; tests that need it print why they are skipped when it is not.</summary>
    public static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
}
