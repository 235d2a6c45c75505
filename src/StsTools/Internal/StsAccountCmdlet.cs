using System.Management.Automation;
using StsTools.Completion;

namespace StsTools.Internal
{
    /// <summary>
    /// Base of the cmdlets that call AWS about the caller's own account (Get-/Set-StsTokenVersion, Get-StsRegion -Live,
    /// Test-StsRegionCompatibility): the profile that signs when no credential is given (see
    /// <see cref="CallerCredentials"/> for the order), and a custom endpoint. Each cmdlet declares its own -Credential,
    /// whose type and position differ.
    /// </summary>
    public abstract class StsAccountCmdlet : StsCmdlet
    {
        /// <summary>A profile of the AWS config/credentials files (keys, or a role profile as Invoke-StsAssumeRole
        /// -ProfileName resolves it).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }
    }
}
