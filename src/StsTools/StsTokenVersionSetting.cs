namespace StsTools
{
    /// <summary>The account setting GlobalEndpointTokenVersion: which tokens the global STS endpoint issues.</summary>
    public enum StsGlobalTokenVersion
    {
        /// <summary>Could not be read.</summary>
        Unknown,
        /// <summary>v1Token: valid only in regions enabled by default (AWS's default for the global endpoint).</summary>
        V1Token,
        /// <summary>v2Token: valid in every region, opt-in ones included; longer tokens.</summary>
        V2Token,
    }

    /// <summary>What Get-StsTokenVersion reports, and Set-StsTokenVersion -PassThru (with the previous value).</summary>
    public sealed class StsTokenVersionSetting
    {
        /// <summary>The account of the credentials used, when known.</summary>
        public string? AccountId { get; set; }

        /// <summary>The setting GlobalEndpointTokenVersion: V1Token or V2Token.</summary>
        public StsGlobalTokenVersion Version { get; set; }

        /// <summary>Set-StsTokenVersion -PassThru: the value before the change.</summary>
        public StsGlobalTokenVersion? PreviousVersion { get; set; }

        /// <summary>The IAM endpoint asked.</summary>
        public string? Endpoint { get; set; }

        public override string ToString() => Version.ToString();
    }
}
