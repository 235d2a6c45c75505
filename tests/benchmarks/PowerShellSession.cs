using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace StsTools.Benchmarks;

/// <summary>A PowerShell 7.6 runspace in this process, as a user's session: the built module imported from
/// out/StsTools. Scripts time themselves with a Stopwatch where a figure is per call, so the host's own
/// invocation cost is not charged to the cmdlet.</summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession(string? modulePath)
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        if (modulePath != null)
        {
            Invoke("Import-Module $args[0] -ErrorAction Stop", modulePath);
        }
    }

    public bool HasCommand(string name) =>
        Invoke("[bool](Get-Command $args[0] -ErrorAction SilentlyContinue)", name).Single().BaseObject is true;

    /// <summary>Runs a script (<c>$args</c> = <paramref name="args"/>); any error throws with its id and message.</summary>
    public Collection<PSObject> Invoke(string script, params object?[] args) => Invoke(script, TimeSpan.FromMinutes(5), args);

    /// <summary>Same, stopped (StopProcessing) after <paramref name="timeout"/>.</summary>
    public Collection<PSObject> Invoke(string script, TimeSpan timeout, params object?[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var a in args)
        {
            ps.AddArgument(a);
        }

        var output = new PSDataCollection<PSObject>();
        var pending = ps.BeginInvoke<PSObject, PSObject>(null, output);
        if (!pending.AsyncWaitHandle.WaitOne(timeout))
        {
            ps.Stop();
            throw new TimeoutException($"gave up after {timeout.TotalSeconds:0} s");
        }

        ps.EndInvoke(pending);
        if (ps.HadErrors && ps.Streams.Error.Count > 0)
        {
            var e = ps.Streams.Error[0];
            throw new InvalidOperationException($"{e.FullyQualifiedErrorId}: {e.ErrorDetails?.Message ?? e.Exception.Message}" +
                (ps.Streams.Error.Count > 1 ? $" (and {ps.Streams.Error.Count - 1} more errors)" : ""));
        }

        return new Collection<PSObject>(output.ToList());
    }

    public void Dispose() => _runspace.Dispose();
}
