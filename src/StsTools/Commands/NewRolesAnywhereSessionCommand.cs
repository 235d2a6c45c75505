using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using StsTools.Completion;
using StsTools.Engine.Caching;
using StsTools.Engine.Errors;
using StsTools.Engine.Validation;
using StsTools.Engine.RolesAnywhere;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets temporary AWS credentials from IAM Roles Anywhere with an X.509 certificate, signed natively (no aws_signing_helper).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RolesAnywhereSession", DefaultParameterSetName = PemFileSet)]
    [OutputType(typeof(StsCredential))]
    public sealed class NewRolesAnywhereSessionCommand : StsCmdlet
    {
        private const string PemFileSet = "PemFile";
        private const string Pkcs12Set = "Pkcs12";
        private const string CertificateSet = "Certificate";
        private const string StoreSet = "Store";

        [Parameter(Mandatory = true, ParameterSetName = PemFileSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Cert")]
        public string? CertificatePath { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = PemFileSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Key")]
        public string? PrivateKeyPath { get; set; }

        [Parameter(ParameterSetName = PemFileSet)]
        public SecureString? PrivateKeyPassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = Pkcs12Set)]
        [ValidateNotNullOrEmpty]
        [Alias("PfxPath")]
        public string? Pkcs12Path { get; set; }

        [Parameter(ParameterSetName = Pkcs12Set)]
        public SecureString? Password { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public X509Certificate2? Certificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = StoreSet)]
        [ValidateNotNullOrEmpty]
        public string? Thumbprint { get; set; }

        [Parameter(ParameterSetName = StoreSet)]
        [ValidateSet("CurrentUser", "LocalMachine")]
        public string StoreLocation { get; set; } = "CurrentUser";

        [Parameter(ParameterSetName = StoreSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CertificateStoreNameCompleter))]
        public string StoreName { get; set; } = "My";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? IntermediateCertificatePath { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? TrustAnchorArn { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? ProfileArn { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string? RoleArn { get; set; }

        // Checked in Acquire with the same rules and error ids as Invoke-StsAssumeRole (DurationOutOfRange,
        // InvalidRoleSessionName), not with Validate* attributes whose errors all share ParameterArgumentValidationError.
        [Parameter]
        public int? DurationSeconds { get; set; }

        [Parameter]
        public string? RoleSessionName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int ExpiryWarningDays { get; set; } = 30;

        [Parameter]
        public SwitchParameter NoCache { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var messages = new ConcurrentQueue<(bool Warning, string Text)>();
            try
            {
                WriteObject(Acquire(messages));
            }
            catch (StsToolsException e)
            {
                Flush(messages);
                // Several certificates piped in: one bad certificate is reported, the others still get sessions.
                if (ParameterSetName == CertificateSet)
                {
                    Report(e);
                }
                else
                {
                    Fail(e);
                }
            }
            finally
            {
                Flush(messages);
            }
        }

        private StsCredential Acquire(ConcurrentQueue<(bool Warning, string Text)> messages)
        {
            // Everything is checked before anything is sent: the ARNs and regions, then the files, the key and the certificate.
            StsLimits.RoleDuration(DurationSeconds, chained: false);
            StsLimits.RoleSessionName(RoleSessionName);
            var arns = RolesAnywhereArns.Parse(TrustAnchorArn!, ProfileArn!, RoleArn!, Region == null ? null : RegionArguments.Check(Region));
            var request = new CreateSessionRequest(arns, DurationSeconds ?? CreateSessionRequest.DefaultDuration, RoleSessionName);
            var intermediates = IntermediateCertificatePath == null
                ? (IReadOnlyList<X509Certificate2>)Array.Empty<X509Certificate2>()
                : CertificateFiles.ReadBundle(IntermediateCertificatePath.Select(Resolve));
            using (var signer = CreateSigner(intermediates))
            {
                var provider = new RolesAnywhereSessionProvider
                {
                    Verbose = text => messages.Enqueue((false, text)),
                    Warning = text => messages.Enqueue((true, text)),
                };
                provider.CheckCertificate(signer, ExpiryWarningDays);
                Flush(messages);
                var mode = NoCache ? CacheMode.Bypass : Force ? CacheMode.Refresh : CacheMode.Use;
                var credentials = provider.CreateSession(signer, request, EndpointUrl, StopToken, mode);
                return CredentialMapper.ToStsCredential(credentials);
            }
        }

        private IX509RequestSigner CreateSigner(IReadOnlyList<X509Certificate2> intermediates)
        {
            switch (ParameterSetName)
            {
                case Pkcs12Set:
                    return CertificateSigner.FromPkcs12(Resolve(Pkcs12Path!), Password, intermediates);
                case CertificateSet:
                    return CertificateSigner.FromCertificate(Certificate!, intermediates);
                case StoreSet:
                    var location = StoreLocation == "LocalMachine"
                        ? System.Security.Cryptography.X509Certificates.StoreLocation.LocalMachine
                        : System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser;
                    return CertificateSigner.FromStore(Thumbprint!, location, StoreName, intermediates);
                default:
                    return PemFileSigner.Load(Resolve(CertificatePath!), Resolve(PrivateKeyPath!), PrivateKeyPassword, intermediates);
            }
        }

        /// <summary>Relative paths are relative to PowerShell's current location, as every cmdlet's are.</summary>
        private string Resolve(string path) => GetUnresolvedProviderPathFromPSPath(path);

        private void Flush(ConcurrentQueue<(bool Warning, string Text)> messages)
        {
            while (messages.TryDequeue(out var m))
            {
                if (m.Warning)
                {
                    WriteWarning(m.Text);
                }
                else
                {
                    WriteVerbose(m.Text);
                }
            }
        }
    }
}
