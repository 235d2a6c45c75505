using System;
using System.Management.Automation;
using StsTools.Completion;
using StsTools.Engine.Aws;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Sets the account's GlobalEndpointTokenVersion (IAM SetSecurityTokenServicePreferences).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "StsTokenVersion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(StsTokenVersionSetting))]
    public sealed class SetStsTokenVersionCommand : StsAccountCmdlet
    {
        /// <summary>V1Token | V2Token (also v1Token/v2Token, DefaultRegions/AllRegions).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TokenVersionCompleter))]
        public string Version { get; set; } = string.Empty;

        /// <summary>Whose account; default: -ProfileName, the AWS_* environment variables, AWS_PROFILE, [default].</summary>
        [Parameter(ValueFromPipeline = true)]
        public StsCredential? Credential { get; set; }

        /// <summary>Write the setting afterwards, with the previous value.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                Change();
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        private void Change()
        {
            var target = ParseVersion(Version);
            var call = new EngineCall(EndpointUrl);
            call.CheckEndpoint("iam");
            var source = CallerCredentials.Choose(Credential == null ? null : CredentialMapper.ToEngine(Credential), ProfileName);
            var wire = target == TokenVersion.V2 ? "v2Token" : "v1Token";
            if (WhatIfWanted())
            {
                // -WhatIf sends nothing: no read of the current value, no GetCallerIdentity, and no AssumeRole (nor MFA
                // prompt, nor cache write) for a role profile. Says what it knows without a call.
                if (source.Known != null)
                {
                    CallerCredentials.EnsureNotExpired(source.Known);
                }

                ShouldProcess(source.AccountId != null ? $"account {source.AccountId} ({source.Description})" : "the account of " + source.Description,
                    $"Set GlobalEndpointTokenVersion to {wire}");
                return;
            }

            var credentials = CallerCredentials.EnsureNotExpired(source.Resolve(call, Host, StopToken, WriteVerbose));
            var iam = new IamClient(credentials, call.Options, credentials.Region);

            // Read first: the confirmation and -PassThru say what it was. A caller who may set but not read still can.
            TokenVersion previous;
            try
            {
                previous = call.Run(c => iam.GetGlobalEndpointTokenVersionAsync(c), StopToken, WriteVerbose);
            }
            catch (StsToolsException e) when (e.Kind == ErrorKind.PermissionDenied)
            {
                WriteVerbose($"The current setting could not be read ({e.ErrorId}); setting it anyway.");
                previous = TokenVersion.Unknown;
            }

            var accountId = CallerCredentials.AccountId(credentials, call, StopToken, WriteVerbose);
            var account = accountId != null ? "account " + accountId : "the account of " + TemporaryCredentials.ShortenKeyId(credentials.AccessKeyId);
            var from = previous == TokenVersion.Unknown ? "" : $" (now {(previous == TokenVersion.V2 ? "v2Token" : "v1Token")})";
            if (!ShouldProcess(account, $"Set GlobalEndpointTokenVersion to {wire}{from}"))
            {
                return;
            }

            if (previous == target)
            {
                WriteVerbose($"GlobalEndpointTokenVersion is already {wire}: nothing to change.");
            }
            else
            {
                call.Run(async c => { await iam.SetGlobalEndpointTokenVersionAsync(target, c).ConfigureAwait(false); return true; }, StopToken, WriteVerbose);
                WriteWarning(target == TokenVersion.V2
                    ? "Tokens already issued keep their scope: credentials obtained from the global STS endpoint before this change are still v1 (default regions only) until they expire — get new ones. V2 tokens are longer (about 750+ characters instead of about 360): check anything that stores session tokens in fixed-size fields."
                    : "Tokens already issued keep their scope; from now on the global STS endpoint issues v1 tokens, which opt-in regions (me-south-1, ap-east-1, …) refuse. Regional STS endpoints still issue v2 tokens.");
            }

            if (PassThru)
            {
                WriteObject(new StsTokenVersionSetting
                {
                    AccountId = accountId,
                    GlobalEndpointTokenVersion = RegionMapper.ToSetting(target),
                    PreviousVersion = RegionMapper.ToSetting(previous),
                    Endpoint = iam.Endpoint.Url.ToString(),
                });
            }
        }

        private static TokenVersion ParseVersion(string text)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "v1token":
                case "v1":
                case "defaultregions":
                    return TokenVersion.V1;
                case "v2token":
                case "v2":
                case "allregions":
                    return TokenVersion.V2;
                default:
                    throw new StsToolsException("InvalidTokenVersion", ErrorKind.InvalidArgument,
                        $"'{text}' is not a token version. Use V2Token (or AllRegions: tokens valid in every region) or V1Token (or DefaultRegions).")
                    { Target = text };
            }
        }
    }
}
