// Runs a PowerShell script in this process and exits: `StsTools.ScriptHost -c '<script>' [args]` or
// `-f file.ps1 [args]`. Output objects go through Out-Default (so format views apply) to stdout; errors,
// warnings and verbose text to stderr. Exit code: the script's `exit N`, else 1 when an error was written.
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

if (args.Length < 2 || args[0] is not ("-c" or "-f"))
{
    Console.Error.WriteLine("usage: StsTools.ScriptHost (-c SCRIPT | -f FILE) [ARGS...]");
    return 2;
}

PSStyle.Instance.OutputRendering = OutputRendering.PlainText;
var host = new ProcessHost();
var state = InitialSessionState.CreateDefault2();
using var runspace = RunspaceFactory.CreateRunspace(host, state);
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddScript(args[0] == "-c" ? args[1] : File.ReadAllText(args[1]));
foreach (var a in args.Skip(2))
{
    ps.AddArgument(a);
}

ps.AddCommand("Out-Default");
try
{
    ps.Invoke();
}
catch (RuntimeException e)
{
    Console.Error.WriteLine(e.ErrorRecord.FullyQualifiedErrorId + ": " + e.Message);
    return host.ExitCode ?? 1;
}

return host.ExitCode ?? (ps.HadErrors ? 1 : 0);

sealed class ProcessHost : PSHost
{
    private readonly ProcessHostUI _ui = new();
    public int? ExitCode;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "StsTools.ScriptHost";
    public override PSHostUserInterface UI => _ui;
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() { }
    public override void ExitNestedPrompt() { }
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
}

// Non-interactive: every prompt fails, as under `pwsh -NonInteractive`.
sealed class ProcessHostUI : PSHostUserInterface
{
    public override PSHostRawUserInterface? RawUI => null;
    private static Exception NoPrompt() => new PSInvalidOperationException("StsTools.ScriptHost is non-interactive.");
    public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw NoPrompt();
    public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => throw NoPrompt();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoPrompt();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoPrompt();
    public override string ReadLine() => throw NoPrompt();
    public override System.Security.SecureString ReadLineAsSecureString() => throw NoPrompt();
    public override void Write(string value) => Console.Out.Write(value);
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(value);
    public override void WriteLine(string value) => Console.Out.WriteLine(value);
    public override void WriteErrorLine(string value) => Console.Error.WriteLine(value);
    public override void WriteDebugLine(string message) => Console.Error.WriteLine("DEBUG: " + message);
    public override void WriteVerboseLine(string message) => Console.Error.WriteLine("VERBOSE: " + message);
    public override void WriteWarningLine(string message) => Console.Error.WriteLine("WARNING: " + message);
    public override void WriteProgress(long sourceId, ProgressRecord record) { }
}
