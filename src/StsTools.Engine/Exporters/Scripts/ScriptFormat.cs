namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>The texts the Script target can write.</summary>
    public enum ScriptFormat
    {
        Pwsh,
        Bash,
        Cmd,
        Fish,
        Dotenv,
        CredentialProcess,
        Json,
    }
}
