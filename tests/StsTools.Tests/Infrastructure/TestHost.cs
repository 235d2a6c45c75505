using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace StsTools.Tests.Infrastructure;

/// <summary>
/// A PowerShell host for tests: records everything written to the screen (so default formatting can be
/// checked) and answers prompts from a queue. Non-interactive hosts refuse to prompt, like `pwsh -NonInteractive`.
/// </summary>
public sealed class TestHost : PSHost
{
    private readonly TestHostUI _ui;

    public TestHost(bool interactive) => _ui = new TestHostUI(interactive);

    public TestHostUI TestUI => _ui;
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override string Name => "StsToolsTestHost";
    public override Version Version => new(1, 0);
    public override void EnterNestedPrompt() { }
    public override void ExitNestedPrompt() { }
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }
}

public sealed class TestHostUI : PSHostUserInterface
{
    private readonly bool _interactive;
    private readonly StringBuilder _screen = new();
    private readonly object _gate = new();

    public TestHostUI(bool interactive) => _interactive = interactive;

    /// <summary>Answers for prompts, in order (Read-Host, mandatory parameters, PromptForCredential…).</summary>
    public Queue<string> Answers { get; } = new();

    /// <summary>The labels of the prompts that were shown.</summary>
    public List<string> Prompts { get; } = new();

    public string Screen { get { lock (_gate) { return _screen.ToString(); } } }

    public override PSHostRawUserInterface RawUI { get; } = new TestRawUI();

    private void Append(string text) { lock (_gate) { _screen.Append(text); } }

    private string NextAnswer(string label)
    {
        Prompts.Add(label);
        if (!_interactive)
        {
            throw new PSInvalidOperationException($"The test host is non-interactive and cannot prompt for '{label}'.");
        }

        return Answers.Count > 0 ? Answers.Dequeue() : throw new PSInvalidOperationException($"No test answer for prompt '{label}'.");
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        var result = new Dictionary<string, PSObject>();
        foreach (var d in descriptions)
        {
            var answer = NextAnswer(d.Name);
            if (d.ParameterTypeFullName == typeof(SecureString).FullName)
            {
                var secure = new SecureString();
                foreach (var ch in answer) secure.AppendChar(ch);
                result[d.Name] = PSObject.AsPSObject(secure);
            }
            else
            {
                result[d.Name] = PSObject.AsPSObject(answer);
            }
        }

        return result;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        var answer = NextAnswer(caption + ": " + message);
        var index = choices.ToList().FindIndex(c => c.Label.Replace("&", "").StartsWith(answer, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PSInvalidOperationException("PromptForCredential is not used by StsTools.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new PSInvalidOperationException("PromptForCredential is not used by StsTools.");

    public override string ReadLine() => NextAnswer("ReadLine");

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        foreach (var ch in NextAnswer("ReadLineAsSecureString")) secure.AppendChar(ch);
        return secure;
    }

    public override void Write(string value) => Append(value);
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);
    public override void WriteLine(string value) => Append(value + "\n");
    public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");
    public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");
    public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");
    public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");
    public override void WriteProgress(long sourceId, ProgressRecord record) => Append("PROGRESS: " + record.Activity + " " + record.StatusDescription + " " + record.CurrentOperation + "\n");
    public override void WriteInformation(InformationRecord record) => Append("INFO: " + record.MessageData + "\n");
}

internal sealed class TestRawUI : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; }
    public override Size BufferSize { get; set; } = new(200, 1000);
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; }
    public override ConsoleColor ForegroundColor { get; set; }
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new(200, 1000);
    public override Size MaxWindowSize => new(200, 1000);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get; set; } = new(200, 50);
    public override string WindowTitle { get; set; } = "test";
    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
