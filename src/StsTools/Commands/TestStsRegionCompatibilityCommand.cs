using System;
using System.Linq;
using System.Management.Automation;
using StsTools.Completion;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Regions;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Tells whether a credential's session token works in each region, and why not.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "StsRegionCompatibility")]
    [OutputType(typeof(StsRegionCompatibility), typeof(bool))]
    public sealed class TestStsRegionCompatibilityCommand : StsAccountCmdlet
    {
        /// <summary>An StsCredential, or anything ConvertTo-StsCredential accepts; default: -ProfileName, the AWS_* environment, AWS_PROFILE, [default].</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("InputObject")]
        public PSObject? Credential { get; set; }

        /// <summary>Regions to test; default: every opt-in region enabled for the account, plus the credential's own.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        /// <summary>Decide from the token's origin and prefix alone; call nothing.</summary>
        [Parameter]
        public SwitchParameter Offline { get; set; }

        /// <summary>One bool: true when every region tested is compatible.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        private string[]? _regions;
        private bool _allCompatible = true;
        private bool _sawInput;

        protected override void BeginProcessing()
        {
            try
            {
                _regions = RegionArguments.CheckAll(Region)?.Distinct().ToArray();
                if (!Offline)
                {
                    new EngineCall(EndpointUrl).CheckEndpoint("sts");
                }
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        protected override void ProcessRecord()
        {
            if (Credential == null)
            {
                return;
            }

            _sawInput = true;
            try
            {
                ProfileArguments.RefuseBoth(true, ProfileName);
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }

            try
            {
                Test(Credential.BaseObject is StsCredential c ? CredentialMapper.ToEngine(c) : CredentialInput.FromObject(Credential));
            }
            catch (StsToolsException e)
            {
                Report(e);
                _allCompatible = false;
            }
        }

        protected override void EndProcessing()
        {
            if (!_sawInput)
            {
                try
                {
                    var call = new EngineCall(EndpointUrl);
                    var source = CallerCredentials.Choose(null, ProfileName);
                    Test(Offline ? source.ResolveOffline(call, Host, WriteVerbose) : source.Resolve(call, Host, StopToken, WriteVerbose));
                }
                catch (StsToolsException e)
                {
                    Fail(e);
                }
            }

            if (Quiet)
            {
                WriteObject(_allCompatible);
            }
        }

        private void Test(TemporaryCredentials credentials)
        {
            var call = new EngineCall(EndpointUrl);
            var checker = new RegionCompatibilityChecker(call.Options);
            RegionCompatibilityReport report;
            if (Offline)
            {
                report = checker.CheckOffline(credentials, _regions);
            }
            else
            {
                var count = _regions?.Length;
                var progress = new ProgressRecord(1, "Test-StsRegionCompatibility",
                    $"Calling sts:GetCallerIdentity in {(count.HasValue ? count + " region(s)" : "the account's enabled opt-in regions")} for {TemporaryCredentials.ShortenKeyId(credentials.AccessKeyId)}");
                WriteProgress(progress);
                report = call.Run(c => checker.CheckAsync(credentials, _regions, c), StopToken, WriteVerbose);
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
                Explain(report);
            }

            foreach (var result in report.Results)
            {
                _allCompatible &= result.Compatible == true;
                if (!Quiet)
                {
                    WriteObject(RegionMapper.ToResult(result, report, credentials));
                }
            }
        }

        private void Explain(RegionCompatibilityReport report)
        {
            WriteVerbose($"Region status from {report.Statuses.Source}" +
                (report.Statuses.FallbackReasons.Count > 0 ? " (not read from " + string.Join("; ", report.Statuses.FallbackReasons) + ")" : "") + ".");
            WriteVerbose(report.GlobalEndpointTokenVersion.HasValue
                ? $"The credential's account has GlobalEndpointTokenVersion {RegionMapper.ToSetting(report.GlobalEndpointTokenVersion)}."
                : $"The account's GlobalEndpointTokenVersion could not be read ({report.GlobalEndpointTokenVersionError}).");
            if (_regions == null && report.Statuses.Source == RegionStatusSource.Table)
            {
                WriteWarning("The account's enabled regions could not be read (" + string.Join("; ", report.Statuses.FallbackReasons) +
                    "): every opt-in region of the built-in table was tested. Give -Region to test only the ones you use.");
            }
        }
    }
}
