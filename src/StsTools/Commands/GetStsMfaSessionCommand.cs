using System.Linq;
using System.Management.Automation;
using StsTools.Engine.Caching;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Providers;
using StsTools.Engine.Validation;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets an MFA session (GetSessionToken with an MFA code) and keeps it cached, so later runs ask for no code.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "StsMfaSession")]
    [OutputType(typeof(StsCredential))]
    public sealed class GetStsMfaSessionCommand : StsAcquisitionCmdlet
    {
        public const int DefaultDurationSeconds = 43200;

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? SerialNumber { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? TokenCode { get; set; }

        [Parameter]
        public int DurationSeconds { get; set; } = DefaultDurationSeconds;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                StsLimits.SerialNumber(SerialNumber);
                StsLimits.SessionTokenDuration(DurationSeconds);
                StsLimits.TokenCode(TokenCode, SerialNumber ?? ProfileSerial());
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        protected override void ProcessRecord()
        {
            RefuseTwoSources();
            try
            {
                var serial = SerialNumber ?? ProfileSerial();
                if (serial == null)
                {
                    throw new StsToolsException("SerialNumberRequired", ErrorKind.InvalidArgument,
                        "No MFA device: give -SerialNumber (arn:aws:iam::<account>:mfa/<name>) or a -ProfileName whose profile has mfa_serial.");
                }

                var source = LongTermSource();
                if (source.HasSessionToken)
                {
                    throw new StsToolsException("MfaSessionNeedsLongTermKeys", ErrorKind.InvalidArgument,
                        $"GetSessionToken needs an IAM user's long-term keys, but {source.Description} has a session token.")
                    { Remedy = "Use the IAM user's access key (a profile with aws_access_key_id, or AWS_ACCESS_KEY_ID without AWS_SESSION_TOKEN)." };
                }

                var endpoints = Endpoints(source.Region);
                var inner = new SessionTokenProvider(source, serial, TokenCode, DurationSeconds, endpoints, Prompter());
                var cached = new CachingCredentialProvider(inner, new FileCredentialStore(CacheLocations.StsToolsCache()),
                    RequestCacheKey.MfaSession(source.AccessKeyId ?? source.Description, serial), GetCacheMode());
                Start(serial, async ct => CredentialMapper.ToStsCredential(await cached.GetCredentialsAsync(ct).ConfigureAwait(false)));
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        /// <summary>The profile's mfa_serial (seed 002 puts it on the role profile; any hop of the chain will do).</summary>
        private string? ProfileSerial() =>
            GetProfileChain()?.Hops.Reverse().Select(h => h.Spec.SerialNumber).FirstOrDefault(s => s != null);

        /// <summary>-Credential, the profile's keys (the base of a role profile's chain), the environment, the SDK's chain.</summary>
        private SourceCredential LongTermSource()
        {
            if (Credential != null)
            {
                return SourceCredential.FromTemporary(CredentialMapper.ToEngine(Credential), "-Credential");
            }

            var chain = GetProfileChain();
            if (chain != null)
            {
                return chain.BaseCredential();
            }

            return SourceCredential.FromEnvironment(System.Environment.GetEnvironmentVariable) ?? SourceCredential.FromDefaultChain();
        }
    }
}
