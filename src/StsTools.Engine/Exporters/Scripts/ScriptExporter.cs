using System;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>The Script target: text that sets the credentials when run (or read) elsewhere; changes nothing here.</summary>
    public static class ScriptExporter
    {
        public static string Render(ScriptFormat format, TemporaryCredentials c) => format switch
        {
            ScriptFormat.Pwsh => PwshScript.Render(c),
            ScriptFormat.Bash => BashScript.Render(c),
            ScriptFormat.Cmd => CmdScript.Render(c),
            ScriptFormat.Fish => FishScript.Render(c),
            ScriptFormat.Dotenv => DotenvFile.Render(c),
            ScriptFormat.CredentialProcess => CredentialProcessJson.Render(c),
            ScriptFormat.Json => CredentialJson.Render(c),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }
}
