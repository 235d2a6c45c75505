using System.Management.Automation;
using StsTools.Completion;
using StsTools.Engine.Errors;
using StsTools.Engine.Exporters;
using StsTools.Engine.Profiles;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Undoes Set-StsEnvironment: removes the AWS credential variables from this process, or a
    /// profile's keys from the shared credentials file.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "StsEnvironment", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class ClearStsEnvironmentCommand : StsCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet(nameof(StsEnvironmentTarget.Process), nameof(StsEnvironmentTarget.Profile), IgnoreCase = true)]
        public string Target { get; set; } = nameof(StsEnvironmentTarget.Process);

        [Parameter]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        protected override void BeginProcessing()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(ProfileName)) && !MyInvocation.BoundParameters.ContainsKey(nameof(Target)))
            {
                Target = nameof(StsEnvironmentTarget.Profile);
            }

            try
            {
                if (IsProfile)
                {
                    ClearProfile();
                }
                else
                {
                    if (ProfileName != null)
                    {
                        Fail("ProfileNameRequiresProfileTarget", ErrorCategory.InvalidArgument,
                            "-ProfileName only applies to -Target Profile.", ProfileName);
                    }

                    ClearProcess();
                }
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        private bool IsProfile => string.Equals(Target, nameof(StsEnvironmentTarget.Profile), System.StringComparison.OrdinalIgnoreCase);

        private void ClearProcess()
        {
            if (ShouldProcess("this process's environment", "Remove " + string.Join(", ", ExportedVariables.All)))
            {
                var removed = ProcessEnvironmentExporter.Clear();
                WriteVerbose(removed.Count == 0 ? "No AWS credential variable was set." : "Removed " + string.Join(", ", removed) + ".");
            }
        }

        private void ClearProfile()
        {
            ProfileNameRules.Validate(ProfileName);
            var path = AwsFilePaths.CredentialsFile;
            if (ShouldProcess($"profile '{ProfileName}' in {path}", "Remove the credential keys"))
            {
                ProfileExporter.EnsureWritable(path);
                var changed = System.IO.File.Exists(path) && ProfileExporter.Remove(path, ProfileName!, StopToken);
                WriteVerbose(changed ? $"Removed the credential keys of profile '{ProfileName}' from {path}." : $"Profile '{ProfileName}' holds no credential keys in {path}.");
            }
        }
    }
}
