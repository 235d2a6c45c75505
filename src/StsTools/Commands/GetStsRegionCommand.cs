using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StsTools.Completion;
using StsTools.Engine.Errors;
using StsTools.Engine.Regions;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists AWS regions: name, partition, opt-in, and with -Live the account's status.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "StsRegion")]
    [OutputType(typeof(StsRegion))]
    public sealed class GetStsRegionCommand : StsAccountCmdlet
    {
        /// <summary>Region codes; wildcards allowed (me-*).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Region")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only opt-in regions.</summary>
        [Parameter]
        public SwitchParameter OptIn { get; set; }

        /// <summary>Read the account's status (Account API, else EC2, else the table).</summary>
        [Parameter]
        public SwitchParameter Live { get; set; }

        /// <summary>Credentials for -Live; default: -ProfileName, the AWS_* environment variables, AWS_PROFILE, [default].</summary>
        [Parameter]
        public StsCredential? Credential { get; set; }

        private readonly List<string> _patterns = new List<string>();

        protected override void ProcessRecord()
        {
            foreach (var name in Name ?? Array.Empty<string>())
            {
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    _patterns.Add(name);
                    continue;
                }

                try
                {
                    _patterns.Add(RegionArguments.Check(name));
                }
                catch (StsToolsException e)
                {
                    Fail(e);
                }
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                foreach (var region in Read())
                {
                    WriteObject(region);
                }
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        private IEnumerable<StsRegion> Read()
        {
            RegionStatusReport report;
            if (Live)
            {
                var call = new EngineCall(EndpointUrl);
                call.CheckEndpoint("account");
                var source = CallerCredentials.Choose(Credential == null ? null : CredentialMapper.ToEngine(Credential), ProfileName);
                var credentials = CallerCredentials.EnsureNotExpired(source.Resolve(call, Host, StopToken, WriteVerbose));
                report = call.Run(c => new RegionStatusReader(call.Options).ReadAsync(credentials, credentials.Region, c), StopToken, WriteVerbose);
                foreach (var reason in report.FallbackReasons)
                {
                    WriteVerbose("Region status not read from " + reason);
                }

                if (report.Source == RegionStatusSource.Table)
                {
                    WriteWarning("The account's region status could not be read (" + string.Join("; ", report.FallbackReasons) +
                        "): showing the built-in table, where opt-in regions have status Unknown.");
                }
            }
            else
            {
                report = RegionStatusReader.FromTable();
            }

            var wildcards = _patterns.Select(p => new WildcardPattern(p, WildcardOptions.IgnoreCase)).ToList();
            var exact = new HashSet<string>(_patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p)), StringComparer.Ordinal);
            var statuses = report.Regions.ToList();
            // A well-formed code newer than the table is shown too, judged by rule.
            foreach (var code in exact.Where(c => statuses.All(s => s.Region.Code != c)))
            {
                statuses.Add(RegionStatus.FromTable(RegionTable.Get(code)));
            }

            return statuses
                .Where(s => !OptIn || s.Region.IsOptIn)
                .Where(s => _patterns.Count == 0 || wildcards.Any(w => w.IsMatch(s.Region.Code)))
                .Select(RegionMapper.ToStsRegion)
                .ToList();
        }
    }
}
