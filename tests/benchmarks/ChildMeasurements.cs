using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;
using System.Text.Json;

namespace StsTools.Benchmarks;

/// <summary>
/// What must be timed in a fresh process: this executable started again in a measuring mode. It prints one line
/// <c>RESULT {json}</c>. Nothing here may touch the AWS SDK (this executable references it for the bare-SDK peer):
/// the import figure checks that no AWSSDK assembly is loaded in the process after Import-Module.
/// </summary>
public static class ChildMeasurements
{
    public const string ImportMode = "--measure-import";
    public const string RunbookMode = "--measure-runbook";
    private const string ResultPrefix = "RESULT ";

    /// <summary><c>--measure-import MODULE EMPTY_MODULE cold|warm</c>. cold: Import-Module StsTools is the first import
    /// of the process. warm: a module is imported first, as any interactive pwsh has imported PSReadLine before its
    /// prompt; then an empty manifest module is imported (timed: the peer, PowerShell's own floor), then StsTools.</summary>
    public static int MeasureImport(string[] args)
    {
        var (module, emptyModule, variant) = (args[0], args[1], args[2]);
        using var runspace = OpenSession();
        double? emptyMs = null;
        if (variant == "warm")
        {
            Time(runspace, "Import-Module $args[0] -ErrorAction Stop; Remove-Module BenchEmpty", emptyModule);
            emptyMs = Time(runspace, "Import-Module $args[0] -ErrorAction Stop", emptyModule);
        }

        var ms = Time(runspace, "Import-Module $args[0] -ErrorAction Stop", module);
        var loaded = AssemblyLoadContext.All.SelectMany(c => c.Assemblies).Select(a => a.GetName().Name ?? "").Distinct().ToList();
        Print(new
        {
            ms,
            emptyMs,
            awsSdk = loaded.Where(n => n.StartsWith("AWSSDK.", StringComparison.Ordinal)).ToArray(),
            engineLoaded = loaded.Contains("StsTools.Engine"),
        });
        return 0;
    }

    /// <summary><c>--measure-runbook MODULE EMPTY_MODULE ENDPOINT_TEMPLATE COUNT SET_ENV ROLE_ARN_PREFIX</c>: in an open
    /// session (PowerShell already warm), import + COUNT Invoke-StsAssumeRole (+ Set-StsEnvironment -Target Process),
    /// source credentials from the environment variables as the AWS CLI reads them. Timed from the runbook's first
    /// command to its last, inside the session.</summary>
    public static int MeasureRunbook(string[] args)
    {
        var (module, emptyModule, endpoint, count, setEnvironment, rolePrefix) =
            (args[0], args[1], args[2], int.Parse(args[3]), bool.Parse(args[4]), args[5]);
        using var runspace = OpenSession();
        Time(runspace, "Import-Module $args[0] -ErrorAction Stop", emptyModule);

        const string script = """
            param($module, $endpoint, $count, $setEnvironment, $rolePrefix)
            $runbook = [Diagnostics.Stopwatch]::StartNew()
            $phase = [Diagnostics.Stopwatch]::StartNew()
            Import-Module $module -ErrorAction Stop
            $importMs = $phase.Elapsed.TotalMilliseconds
            $runbook.Stop() # the benchmark's own check for missing cmdlets is no part of the runbook
            $missing = @('Invoke-StsAssumeRole') + @(if ($setEnvironment) { 'Set-StsEnvironment' }) |
                Where-Object { -not (Get-Command $_ -ErrorAction SilentlyContinue) }
            if ($missing) { return "missing:" + ($missing -join ',') }
            $runbook.Start()
            $phase.Restart()
            for ($i = 0; $i -lt $count; $i++) {
                if ($i -eq 1) { $firstMs = $phase.Elapsed.TotalMilliseconds }
                $credential = Invoke-StsAssumeRole -RoleArn ('{0}{1:000}' -f $rolePrefix, $i) -RoleSessionName "bench-runbook-$i" `
                    -Region us-east-1 -EndpointUrl $endpoint -NoCache -ErrorAction Stop
            }
            $callsMs = $phase.Elapsed.TotalMilliseconds
            if ($count -eq 1) { $firstMs = $callsMs }
            $phase.Restart()
            if ($setEnvironment) { $credential | Set-StsEnvironment -Target Process -ErrorAction Stop }
            if (-not $env:AWS_SESSION_TOKEN -and $setEnvironment) { throw 'Set-StsEnvironment left no AWS_SESSION_TOKEN' }
            $environmentMs = $phase.Elapsed.TotalMilliseconds
            $runbookMs = $runbook.Elapsed.TotalMilliseconds
            [double[]]@($importMs, $firstMs, $callsMs, $environmentMs, $runbookMs)
            'ok'
            """;
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script).AddArgument(module).AddArgument(endpoint).AddArgument(count).AddArgument(setEnvironment).AddArgument(rolePrefix);
        var watch = Stopwatch.StartNew();
        string outcome;
        double[] phases = Array.Empty<double>();
        try
        {
            var output = ps.Invoke();
            outcome = ps.HadErrors && ps.Streams.Error.Count > 0
                ? "error:" + ps.Streams.Error[0].FullyQualifiedErrorId + ": " + ps.Streams.Error[0]
                : output.LastOrDefault()?.ToString() ?? "no output";
            if (outcome == "ok")
            {
                phases = output.Take(output.Count - 1).Select(o => Convert.ToDouble(o.BaseObject)).ToArray();
            }
        }
        catch (RuntimeException e)
        {
            outcome = "error:" + e.ErrorRecord.FullyQualifiedErrorId + ": " + e.Message;
        }

        watch.Stop();
        // ms: the runbook's own time, from Import-Module to the end of its last command, timed inside the session; the
        // CLI peer is likewise timed from its process start, without a shell's cost of launching it. hostMs: the same plus
        // what PowerShell spends compiling and starting the script (the benchmark's, not the module's), for the notes.
        // phases: import, first call, all calls, Set-StsEnvironment (ms).
        Print(new { ms = phases.Length > 4 ? phases[4] : watch.Elapsed.TotalMilliseconds, hostMs = watch.Elapsed.TotalMilliseconds, outcome, phases });
        return 0;
    }

    /// <summary>Starts this executable in a measuring mode and returns its RESULT.</summary>
    public static JsonElement Run(BenchEnvironment environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildMeasurements).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        environment.ApplyTo(start);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("measuring child did not finish in 120 s");
        }

        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (line == null)
        {
            throw new InvalidOperationException($"measuring child ({string.Join(' ', args.Take(1))}) printed no result: {stderr.Result.Trim()} {stdout.Result.Trim()}");
        }

        return JsonDocument.Parse(line[ResultPrefix.Length..]).RootElement.Clone();
    }

    private static Runspace OpenSession()
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        Time(runspace, "$null = Get-Command Import-Module; $null = [datetime]::UtcNow");
        return runspace;
    }

    private static double Time(Runspace runspace, string script, params object[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var a in args)
        {
            ps.AddArgument(a);
        }

        var watch = Stopwatch.StartNew();
        ps.Invoke();
        watch.Stop();
        if (ps.HadErrors && ps.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException(ps.Streams.Error[0].ToString());
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Print(object result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
}
