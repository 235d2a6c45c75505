using System.Text.RegularExpressions;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Profiles
{
    /// <summary>Which profile names can be written to a credentials file so that every AWS tool reads them back.</summary>
    public static class ProfileNameRules
    {
        // Letters, digits and the punctuation AWS tools accept in names; no brackets, spaces, quotes or line
        // breaks, which would break the section header or the shells' quoting of `--profile`.
        private static readonly Regex s_valid = new Regex(@"^[\w.@+=,:/-]{1,128}$", RegexOptions.CultureInvariant);

        public static void Validate(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new StsToolsException("MissingProfileName", ErrorKind.InvalidArgument,
                    "The Profile target needs -ProfileName: the name of the profile to write in the shared credentials file.");
            }

            if (!s_valid.IsMatch(name) || name == "DEFAULT")
            {
                throw new StsToolsException("InvalidProfileName", ErrorKind.InvalidArgument,
                    $"'{name}' cannot be a profile name: use 1 to 128 letters, digits and . _ @ + = , : / - (not 'DEFAULT', which Python's configparser reserves).")
                { Target = name };
            }
        }
    }
}
