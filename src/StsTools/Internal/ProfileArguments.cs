using StsTools.Engine.Errors;
using StsTools.Engine.Profiles;

namespace StsTools.Internal
{
    /// <summary>
    /// -ProfileName as every cmdlet that reads profiles takes it: a name no section header can carry is a typo
    /// (InvalidProfileName), a name the files do not hold is ProfileNotFound, anything else is resolved into its chain
    /// (keys, or role hops down to them) from the files as they are now. Reads files only; sends nothing.
    /// </summary>
    internal static class ProfileArguments
    {
        /// <summary>The profile's chain, checked; the same errors for Invoke-StsAssumeRole and the caller cmdlets.</summary>
        internal static RoleProfileChain Resolve(string name)
        {
            Check(name);
            return RoleProfileChain.Resolve(AwsConfigFiles.Load(), name);
        }

        /// <summary>-Credential (typed or piped) and -ProfileName both name whose credentials sign: refused before
        /// anything is sent, with one id on every cmdlet (which one was meant cannot be guessed).</summary>
        internal static void RefuseBoth(bool credentialGiven, string? profileName)
        {
            if (credentialGiven && profileName != null)
            {
                throw new StsToolsException("CredentialWithProfileName", ErrorKind.InvalidArgument,
                    $"-Credential and -ProfileName '{profileName}' both say whose credentials to use: give one of them.")
                { Target = profileName };
            }
        }

        /// <summary>A name no section header of a config or credentials file can carry (brackets, line breaks) is a
        /// typo, not a missing profile: the same id Set-/Clear-StsEnvironment give for it. Names with spaces stay
        /// allowed here, since existing files may hold them.</summary>
        internal static void Check(string name)
        {
            if (name.Length == 0 || name.IndexOfAny(new[] { '[', ']', '\r', '\n' }) >= 0 || name.Trim().Length == 0)
            {
                throw new StsToolsException("InvalidProfileName", ErrorKind.InvalidArgument,
                    $"'{name.Replace("\r", "\\r").Replace("\n", "\\n")}' cannot be a profile name: section names of the AWS config and credentials files cannot hold brackets or line breaks.")
                { Target = name };
            }
        }
    }
}
