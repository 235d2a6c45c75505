using System.Management.Automation;
using StsTools.Engine.Aws;
using StsTools.Engine.Errors;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads the account's GlobalEndpointTokenVersion: which tokens the global STS endpoint issues.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "StsTokenVersion")]
    [OutputType(typeof(StsTokenVersionSetting))]
    public sealed class GetStsTokenVersionCommand : StsAccountCmdlet
    {
        /// <summary>Whose account; default: -ProfileName, the AWS_* environment variables, AWS_PROFILE, [default].</summary>
        [Parameter(ValueFromPipeline = true)]
        public StsCredential? Credential { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var call = new EngineCall(EndpointUrl);
                call.CheckEndpoint("iam");
                var source = CallerCredentials.Choose(Credential == null ? null : CredentialMapper.ToEngine(Credential), ProfileName);
                var credentials = CallerCredentials.EnsureNotExpired(source.Resolve(call, Host, StopToken, WriteVerbose));
                var iam = new IamClient(credentials, call.Options, credentials.Region);
                var version = call.Run(c => iam.GetGlobalEndpointTokenVersionAsync(c), StopToken, WriteVerbose);
                WriteObject(new StsTokenVersionSetting
                {
                    AccountId = CallerCredentials.AccountId(credentials, call, StopToken, WriteVerbose),
                    GlobalEndpointTokenVersion = RegionMapper.ToSetting(version),
                    Endpoint = iam.Endpoint.Url.ToString(),
                });
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }
    }
}
