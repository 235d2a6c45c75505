using System.Collections.ObjectModel;
using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace StsTools.Tests.Infrastructure;

/// <summary>
/// A fresh PowerShell runspace with the built module imported from out/StsTools, as a user's session would be.
/// Run scripts as a user types them; every stream is captured for assertions.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession(bool interactive = false, bool importModule = true)
    {
        Host = new TestHost(interactive);
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        if (importModule)
        {
            var import = Run("Import-Module $args[0] -ErrorAction Stop", RepoPaths.Module);
            import.ThrowIfErrors();
        }
    }

    public TestHost Host { get; }

    /// <summary>Runs a script; <c>$args</c> holds <paramref name="args"/>. Output also goes through Out-Default
    /// when <paramref name="display"/> is set, so the default formatting lands on <see cref="TestHostUI.Screen"/>.</summary>
    public PowerShellResult Run(string script, params object?[] args) => Run(script, display: false, args);

    public PowerShellResult Display(string script, params object?[] args) => Run(script, display: true, args);

    private PowerShellResult Run(string script, bool display, object?[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var a in args)
        {
            ps.AddArgument(a);
        }

        if (display)
        {
            ps.AddCommand("Out-Default");
        }

        var screenBefore = Host.TestUI.Screen.Length;
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            output = new Collection<PSObject>();
            terminating = e;
        }

        return new PowerShellResult(
            output.ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Debug.Select(d => d.Message).ToList(),
            ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? "").ToList(),
            ps.Streams.Progress.ToList(),
            Host.TestUI.Screen.Substring(screenBefore),
            terminating);
    }

    public void Dispose() => _runspace.Dispose();
}

public sealed record PowerShellResult(
    List<PSObject> Output,
    List<ErrorRecord> Errors,
    List<string> Warnings,
    List<string> Verbose,
    List<string> Debug,
    List<string> Information,
    List<ProgressRecord> Progress,
    string Screen,
    Exception? Terminating)
{
    /// <summary>Every error, terminating or not, as records.</summary>
    public IEnumerable<ErrorRecord> AllErrors =>
        Terminating is IContainsErrorRecord r ? Errors.Append(r.ErrorRecord) : Errors;

    public string? FirstErrorId => AllErrors.FirstOrDefault()?.FullyQualifiedErrorId;

    public void ThrowIfErrors()
    {
        if (Terminating != null || Errors.Count > 0)
        {
            throw new InvalidOperationException("PowerShell reported errors:\n" + string.Join("\n", AllErrors.Select(Describe)));
        }
    }

    public static string Describe(ErrorRecord e) =>
        $"{e.FullyQualifiedErrorId}: {e.ErrorDetails?.Message ?? e.Exception.Message}";

    /// <summary>Everything a user or a log could see: every stream, error messages and ids, progress, the screen,
    /// and each output object's ToString(). Secrets must never appear in it.</summary>
    public string EverythingVisible()
    {
        var text = new StringBuilder();
        foreach (var o in Output) text.AppendLine(o?.ToString());
        foreach (var e in AllErrors)
        {
            text.AppendLine(e.ToString()).AppendLine(e.FullyQualifiedErrorId).AppendLine(e.Exception.ToString())
                .AppendLine(e.ErrorDetails?.Message).AppendLine(e.ErrorDetails?.RecommendedAction)
                .AppendLine(e.TargetObject?.ToString()).AppendLine(e.CategoryInfo.ToString());
        }

        foreach (var s in Warnings.Concat(Verbose).Concat(Debug).Concat(Information)) text.AppendLine(s);
        foreach (var p in Progress) text.AppendLine(p.Activity).AppendLine(p.StatusDescription).AppendLine(p.CurrentOperation);
        text.AppendLine(Screen);
        return text.ToString();
    }
}
