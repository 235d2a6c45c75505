using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Completion;
using StsTools.Engine.Caching;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Profiles;
using StsTools.Engine.Providers;
using StsTools.Engine.Sts;

namespace StsTools.Internal
{
    /// <summary>
    /// Base of the cmdlets that get credentials from STS: the common endpoint parameters (CMDLETS.md), the source
    /// credential (-Credential, -ProfileName, environment, the SDK's chain), caching switches, and the call pump that
    /// runs calls concurrently while PowerShell output stays on the pipeline thread. Engine objects live in
    /// <c>object</c>-typed fields or locals only: PowerShell reflects on cmdlet classes at import.
    /// </summary>
    public abstract class StsAcquisitionCmdlet : StsCmdlet
    {
        private CallPump? _pump;
        private Action<string>? _verboseSink;
        private object? _endpoints; // StsEndpointOptions, typed object like every engine object in a cmdlet field
        private string? _endpointsSourceRegion;
        private object? _profileChain;

        /// <summary>The credential that signs the call; piped credentials chain roles.</summary>
        [Parameter(ValueFromPipeline = true)]
        public StsCredential? Credential { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? ProfileName { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        [Parameter]
        public StsEndpointKind StsEndpoint { get; set; } = StsEndpointKind.Regional;

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? FallbackRegion { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>Neither read nor write the cache.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>Get new credentials even when cached ones are still good (and cache them).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        internal CallPump Pump => _pump ?? throw new InvalidOperationException("BeginProcessing has not run.");

        protected virtual int Throttle => 1;

        protected virtual string Activity => MyInvocation.MyCommand.Name;

        protected override void BeginProcessing()
        {
            RefuseTwoSources(); // a typed -Credential; a piped one is checked per item
            _pump = new CallPump(Throttle);
            var pump = _pump;
            _pump.OnFinished = () => ShowProgress(pump, completed: false);
            // No sink when -Verbose is off: the engine's messages then cost nothing, and wake nobody.
            _verboseSink = VerboseWanted() ? message => pump.Post(() => WriteVerbose(message)) : null;
            StsDiagnostics.Use(_verboseSink);
            try
            {
                if (Region != null)
                {
                    Region = RegionArguments.Check(Region);
                }

                FallbackRegion = RegionArguments.CheckAll(FallbackRegion);
                if (ProfileName != null)
                {
                    _profileChain = ProfileArguments.Resolve(ProfileName);
                }
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                Pump.DrainAll(StopToken);
                ShowProgress(Pump, completed: true);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: PowerShell stops the pipeline; the calls in flight were cancelled with the token.
            }
            finally
            {
                StsDiagnostics.Use(null);
            }
        }

        protected override void StopProcessing()
        {
            base.StopProcessing();
        }

        /// <summary>Runs a call through the pump: its result is written, its failure reported (non-terminating).</summary>
        internal void Start(string what, Func<CancellationToken, Task<object>> call)
        {
            var pump = Pump;
            pump.DrainAvailable();
            var sink = _verboseSink;
            pump.Run(async ct =>
            {
                StsDiagnostics.Use(sink);
                try
                {
                    var result = await call(ct).ConfigureAwait(false);
                    return () => WriteObject(result);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return null;
                }
                catch (Exception e)
                {
                    var record = Errors.ToRecord(e, what);
                    return () => WriteError(record);
                }
            }, StopToken);
        }

        /// <summary>-Credential (typed or piped) with -ProfileName: refused before anything is sent.</summary>
        protected void RefuseTwoSources()
        {
            try
            {
                ProfileArguments.RefuseBoth(Credential != null, ProfileName);
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        /// <summary>The profile's chain resolved in BeginProcessing (null without -ProfileName). Typed object on purpose.</summary>
        internal RoleProfileChain? GetProfileChain() => (RoleProfileChain?)_profileChain;

        internal CacheMode GetCacheMode() => NoCache ? CacheMode.Bypass : Force ? CacheMode.Refresh : CacheMode.Use;

        /// <summary>Where the call goes for this item: -Region, AWS_REGION, AWS_DEFAULT_REGION, the profile's or the source's region, us-east-1.</summary>
        internal StsEndpointOptions Endpoints(string? sourceRegion)
        {
            // The endpoint parameters are bound once per invocation; only the source's region can change per piped item.
            if (_endpoints != null && string.Equals(_endpointsSourceRegion, sourceRegion, StringComparison.Ordinal))
            {
                return (StsEndpointOptions)_endpoints;
            }

            var options = new StsEndpointOptions
            {
                Region = StsEndpointOptions.ResolveRegion(Region, GetProfileChain()?.Region ?? sourceRegion),
                UseGlobalEndpoint = StsEndpoint == StsEndpointKind.Global,
                FallbackRegions = new List<string>(FallbackRegion ?? Array.Empty<string>()),
                EndpointUrl = EndpointUrl,
            };
            options.Plan(); // every endpoint error (partition without global, bad URL, fallback = primary) before any call
            _endpointsSourceRegion = sourceRegion;
            _endpoints = options;
            return options;
        }

        /// <summary>The credentials that sign the call (<paramref name="given"/>: -Credential, already mapped), resolved
        /// lazily inside the call (a profile may need STS itself).</summary>
        internal Func<CancellationToken, Task<SourceCredential>> Source(SourceCredential? given, StsEndpointOptions endpoints, TokenCodePrompt prompt)
        {
            if (given != null)
            {
                var fromCredential = Task.FromResult(given);
                return _ => fromCredential;
            }

            var profileChain = GetProfileChain();
            if (profileChain != null)
            {
                return ProfileChainProvider.WithSharedCaches(profileChain, endpoints, GetCacheMode(), prompt, null).GetSourceAsync;
            }

            var fromEnvironment = SourceCredential.FromEnvironment(Environment.GetEnvironmentVariable);
            if (fromEnvironment != null)
            {
                return _ => Task.FromResult(fromEnvironment);
            }

            return _ => Task.Run(SourceCredential.FromDefaultChain);
        }

        /// <summary>Prompts on the pipeline thread when the session can; TokenCodeRequired when it cannot.</summary>
        internal TokenCodePrompt Prompter()
        {
            return TokenCodePrompter.OnPipelineThread(Host, Pump, AssumeRoleProvider.TokenCodeRequired);
        }

        private void ShowProgress(CallPump pump, bool completed)
        {
            if (pump.Started < 2)
            {
                return;
            }

            var record = new ProgressRecord(0x5354, Activity, $"{pump.Finished} of {pump.Started} done")
            {
                PercentComplete = Math.Min(100, pump.Finished * 100 / Math.Max(1, pump.Started)),
                RecordType = completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            WriteProgress(record);
        }
    }
}
