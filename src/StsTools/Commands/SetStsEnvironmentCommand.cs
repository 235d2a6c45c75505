using System;
using System.Management.Automation;
using StsTools.Completion;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Exporters;
using StsTools.Engine.Exporters.Scripts;
using StsTools.Engine.Profiles;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Puts a credential where the next command looks: this process, a credentials-file
    /// profile, the next CI steps, or a script.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "StsEnvironment", SupportsShouldProcess = true, DefaultParameterSetName = "Default")]
    [OutputType(typeof(StsCredential), typeof(string))]
    public sealed class SetStsEnvironmentCommand : StsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? Credential { get; set; }

        [Parameter]
        public StsEnvironmentTarget Target { get; set; } = StsEnvironmentTarget.Process;

        [Parameter]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        [Parameter]
        public StsScriptFormat Format { get; set; } = StsScriptFormat.Pwsh;

        /// <summary>Removes AWS_PROFILE and AWS_DEFAULT_PROFILE (Process, GitHubActions, AzureDevOps targets).</summary>
        [Parameter]
        public SwitchParameter ClearProfile { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private StsEnvironmentTarget _target;

        protected override void BeginProcessing()
        {
            _target = ResolveTarget();
            try
            {
                switch (_target)
                {
                    case StsEnvironmentTarget.Profile:
                        CheckProfileTarget(ProfileName);
                        break;
                    case StsEnvironmentTarget.GitHubActions:
                        CheckGitHubTarget();
                        break;
                }
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                var input = Credential!.BaseObject as StsCredential;
                var c = input != null ? CredentialMapper.ToEngine(input) : CredentialInput.FromObject(Credential);
                Export(c);
                if (PassThru)
                {
                    WriteObject(input ?? CredentialMapper.ToStsCredential(c));
                }
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        // Kept apart from ProcessRecord so the engine's types appear only in method bodies (see ARCHITECTURE.md).
        private void Export(TemporaryCredentials c)
        {
            ExportedVariables.EnsureExportable(c, DateTime.UtcNow);
            var who = TemporaryCredentials.ShortenKeyId(c.AccessKeyId);
            switch (_target)
            {
                case StsEnvironmentTarget.Script:
                    WriteObject(ScriptExporter.Render((ScriptFormat)(int)Format, c));
                    break;

                case StsEnvironmentTarget.Process:
                    if (ShouldProcess("this process's environment", $"Set AWS credential variables for {who}"))
                    {
                        SetProcess(c);
                    }

                    break;

                case StsEnvironmentTarget.Profile:
                    var path = AwsFilePaths.CredentialsFile;
                    if (ShouldProcess($"profile '{ProfileName}' in {path}", $"Write credential {who}"))
                    {
                        ProfileExporter.EnsureWritable(path);
                        var written = ProfileExporter.Export(path, ProfileName!, c, StopToken);
                        WriteVerbose($"Wrote {who} to profile '{ProfileName}' of {written} (mode 0600 on Unix).");
                    }

                    break;

                case StsEnvironmentTarget.GitHubActions:
                    var envFile = GitHubActionsExporter.EnvFile();
                    if (ShouldProcess($"GITHUB_ENV ({envFile}) and this process", $"Mask and export credential {who}"))
                    {
                        GitHubActionsExporter.Export(c, envFile, WriteToHost);
                        WriteVerbose($"Masked the key id, secret and token, and appended the AWS variables to {envFile}.");
                        SetProcess(c);
                    }

                    break;

                case StsEnvironmentTarget.AzureDevOps:
                    if (ShouldProcess("the pipeline's variables and this process", $"Export credential {who} with ##vso logging commands"))
                    {
                        foreach (var line in AzureDevOpsExporter.Commands(c))
                        {
                            WriteToHost(line);
                        }

                        WriteVerbose("Wrote ##vso[task.setsecret] and ##vso[task.setvariable] commands; map the secret variables with env: in later tasks.");
                        SetProcess(c);
                    }

                    break;
            }
        }

        private void SetProcess(TemporaryCredentials c)
        {
            var names = ProcessEnvironmentExporter.Export(c, ClearProfile);
            WriteVerbose("Set in this process: " + string.Join(", ", names) + ".");
            var profile = Environment.GetEnvironmentVariable(ExportedVariables.Profile);
            if (!ClearProfile && !string.IsNullOrEmpty(profile))
            {
                WriteWarning($"AWS_PROFILE is set to '{profile}': some tools use that profile instead of these keys. Add -ClearProfile to remove it.");
            }
        }

        // CI systems read logging commands from the step's output: written as Write-Host does, so they reach the
        // console even when the pipeline's output is captured.
        private void WriteToHost(string line) =>
            WriteInformation(new HostInformationMessage { Message = line, NoNewLine = false }, new[] { "PSHOST" });

        private StsEnvironmentTarget ResolveTarget()
        {
            var bound = MyInvocation.BoundParameters;
            var target = Target;
            if (!bound.ContainsKey(nameof(Target)))
            {
                // -Format alone means Script; -ProfileName alone means Profile.
                target = bound.ContainsKey(nameof(Format)) ? StsEnvironmentTarget.Script
                    : bound.ContainsKey(nameof(ProfileName)) ? StsEnvironmentTarget.Profile
                    : StsEnvironmentTarget.Process;
            }

            if (bound.ContainsKey(nameof(Format)) && target != StsEnvironmentTarget.Script)
            {
                Fail("FormatRequiresScriptTarget", ErrorCategory.InvalidArgument,
                    $"-Format only applies to -Target Script (the target is {target}).", Format);
            }

            if (bound.ContainsKey(nameof(ProfileName)) && target != StsEnvironmentTarget.Profile)
            {
                Fail("ProfileNameRequiresProfileTarget", ErrorCategory.InvalidArgument,
                    $"-ProfileName only applies to -Target Profile (the target is {target}).", ProfileName);
            }

            if (target == StsEnvironmentTarget.Auto)
            {
                target = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase) ? StsEnvironmentTarget.GitHubActions
                    : string.Equals(Environment.GetEnvironmentVariable("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) ? StsEnvironmentTarget.AzureDevOps
                    : StsEnvironmentTarget.Process;
                WriteVerbose($"Target Auto chose {target}.");
            }

            return target;
        }

        private static void CheckProfileTarget(string? profileName)
        {
            ProfileNameRules.Validate(profileName);
            ProfileExporter.EnsureWritable(AwsFilePaths.CredentialsFile);
        }

        private static void CheckGitHubTarget() => GitHubActionsExporter.EnvFile();
    }
}
