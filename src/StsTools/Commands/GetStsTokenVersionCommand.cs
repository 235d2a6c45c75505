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
    public sealed class GetStsTokenVersionCommand : StsCmdlet
    {
        /// <summary>Whose account; default: the AWS_* environment variables.</summary>
        [Parameter(ValueFromPipeline = true)]
        public StsCredential? Credential { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                var call = new EngineCall(EndpointUrl);
                call.CheckEndpoint("iam");
                var credentials = CallerCredentials.ResolveUnexpired(Credential);
                var iam = new IamClient(credentials, call.Options, credentials.Region);
                var version = call.Run(c => iam.GetGlobalEndpointTokenVersionAsync(c), StopToken, WriteVerbose);
                WriteObject(new StsTokenVersionSetting
                {
                    AccountId = CallerCredentials.AccountId(credentials, call, StopToken, WriteVerbose),
                    Version = RegionMapper.ToSetting(version),
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
