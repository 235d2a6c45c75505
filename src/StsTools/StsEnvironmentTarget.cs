namespace StsTools
{
    /// <summary>Where Set-StsEnvironment puts a credential.</summary>
    public enum StsEnvironmentTarget
    {
        /// <summary>This process's environment variables (inherited by every command it starts).</summary>
        Process,

        /// <summary>A profile of the shared credentials file.</summary>
        Profile,

        /// <summary>Masked, then appended to $GITHUB_ENV for the next steps (and this process).</summary>
        GitHubActions,

        /// <summary>`##vso` logging commands for the next tasks (and this process).</summary>
        AzureDevOps,

        /// <summary>GitHubActions when GITHUB_ACTIONS=true, AzureDevOps when TF_BUILD=True, else Process.</summary>
        Auto,

        /// <summary>Text in the chosen -Format; changes nothing.</summary>
        Script,
    }

    /// <summary>The text formats of Set-StsEnvironment -Target Script.</summary>
    public enum StsScriptFormat
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
