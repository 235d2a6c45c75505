using System.Text.RegularExpressions;
using StsTools.Engine.Errors;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>The three ARNs of a CreateSession, checked up front; the region of the call comes from the trust anchor's.</summary>
    public sealed class RolesAnywhereArns
    {
        private static readonly Regex s_resource = new Regex(
            @"^arn:(?<partition>aws|aws-cn|aws-us-gov|aws-eusc|aws-iso|aws-iso-b):rolesanywhere:(?<region>[a-z]{2}(-[a-z]+)+-\d+):(?<account>\d{12}):(?<type>trust-anchor|profile)/(?<id>[0-9a-fA-F-]{36})$",
            RegexOptions.CultureInvariant);

        private RolesAnywhereArns(string trustAnchorArn, string profileArn, string roleArn, string region)
        {
            TrustAnchorArn = trustAnchorArn;
            ProfileArn = profileArn;
            RoleArn = roleArn;
            Region = region;
        }

        public string TrustAnchorArn { get; }
        public string ProfileArn { get; }
        public string RoleArn { get; }

        /// <summary>The trust anchor's region (which the profile shares), or the one asked for when it agrees.</summary>
        public string Region { get; }

        /// <param name="region">-Region, when given: must be the trust anchor's.</param>
        public static RolesAnywhereArns Parse(string trustAnchorArn, string profileArn, string roleArn, string? region)
        {
            var anchor = s_resource.Match(trustAnchorArn ?? string.Empty);
            if (!anchor.Success || anchor.Groups["type"].Value != "trust-anchor")
            {
                throw new StsToolsException("InvalidTrustAnchorArn", ErrorKind.InvalidArgument,
                    $"'{trustAnchorArn}' is not a Roles Anywhere trust anchor ARN (arn:aws:rolesanywhere:<region>:<account>:trust-anchor/<uuid>).")
                { Target = trustAnchorArn };
            }

            var profile = s_resource.Match(profileArn ?? string.Empty);
            if (!profile.Success || profile.Groups["type"].Value != "profile")
            {
                throw new StsToolsException("InvalidProfileArn", ErrorKind.InvalidArgument,
                    $"'{profileArn}' is not a Roles Anywhere profile ARN (arn:aws:rolesanywhere:<region>:<account>:profile/<uuid>).")
                { Target = profileArn };
            }

            Validation.StsLimits.RoleArn(roleArn);

            var anchorRegion = anchor.Groups["region"].Value;
            var profileRegion = profile.Groups["region"].Value;
            if (profileRegion != anchorRegion)
            {
                throw new StsToolsException("RolesAnywhereRegionMismatch", ErrorKind.InvalidArgument,
                    $"The profile is in {profileRegion} but the trust anchor is in {anchorRegion}: Roles Anywhere needs both in the region of the call.")
                { Target = profileArn };
            }

            if (!string.IsNullOrEmpty(region) && region != anchorRegion)
            {
                throw new StsToolsException("RolesAnywhereRegionMismatch", ErrorKind.InvalidArgument,
                    $"-Region {region} differs from the trust anchor's region {anchorRegion}: CreateSession must be called in the trust anchor's region.")
                { Target = region, Remedy = $"Leave out -Region, or give -Region {anchorRegion}." };
            }

            return new RolesAnywhereArns(trustAnchorArn!, profileArn!, roleArn!, anchorRegion);
        }
    }
}
