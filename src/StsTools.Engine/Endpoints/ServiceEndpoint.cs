using System;

namespace StsTools.Engine.Endpoints
{
    /// <summary>Where one call goes and how it is signed.</summary>
    public sealed class ServiceEndpoint
    {
        public ServiceEndpoint(string service, string region, Uri url, string signingRegion, bool isCustom)
        {
            Service = service;
            Region = region;
            Url = url;
            SigningRegion = signingRegion;
            IsCustom = isCustom;
        }

        /// <summary>Signing name: sts, iam, account, ec2, rolesanywhere.</summary>
        public string Service { get; }

        /// <summary>The region asked for; <c>aws-global</c> for the global STS endpoint.</summary>
        public string Region { get; }

        public Uri Url { get; }

        /// <summary>The SigV4 scope region (us-east-1 for the global STS and IAM endpoints).</summary>
        public string SigningRegion { get; }

        /// <summary>True when the URL came from -EndpointUrl or an AWS_ENDPOINT_URL* variable.</summary>
        public bool IsCustom { get; }

        public bool IsGlobal => Region == EndpointResolver.GlobalRegion;

        /// <summary><c>global</c> or the region: what StsCredential.IssuedBy records.</summary>
        public string IssuedBy => IsGlobal ? "global" : Region;

        public override string ToString() => $"{Service} {Url} (signed for {SigningRegion})";
    }
}
