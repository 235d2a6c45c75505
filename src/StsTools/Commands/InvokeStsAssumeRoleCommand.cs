using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Completion;
using StsTools.Engine.Caching;
using StsTools.Engine.Credentials;
using StsTools.Engine.Regions;
using StsTools.Engine.Errors;
using StsTools.Engine.Providers;
using StsTools.Engine.Sts;
using StsTools.Engine.Validation;
using StsTools.Engine.WebIdentity;
using StsTools.Internal;

namespace StsTools.Commands
{
    /// <summary>
    /// <para type="synopsis">Assumes an IAM role and returns its short-lived credentials as an StsCredential.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "StsAssumeRole", DefaultParameterSetName = IamSet)]
    [OutputType(typeof(StsCredential))]
    public sealed class InvokeStsAssumeRoleCommand : StsAcquisitionCmdlet
    {
        private const string IamSet = "Iam";
        private const string WebIdentityTokenSet = "WebIdentityToken";
        private const string WebIdentityFileSet = "WebIdentityTokenFile";
        private const string GitHubActionsSet = "GitHubActions";
        private const string AzureDevOpsSet = "AzureDevOps";
        private const string SamlSet = "Saml";

        private object? _policyJson;
        private object? _tags;
        private string? _checkedRoleArn;

        // Per invocation: the global-endpoint advice by signer and region, read and written once however many roles
        // are piped (strings and tasks only: no engine type in a cmdlet field).
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _globalEndpointAdvice =
            new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>>(StringComparer.Ordinal);

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RoleArnCompleter))]
        [ValidateNotNullOrEmpty]
        public string? RoleArn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? RoleSessionName { get; set; }

        [Parameter(ParameterSetName = IamSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ExternalId { get; set; }

        [Parameter(ParameterSetName = IamSet)]
        [ValidateNotNullOrEmpty]
        public string? SerialNumber { get; set; }

        [Parameter(ParameterSetName = IamSet)]
        [ValidateNotNullOrEmpty]
        public string? TokenCode { get; set; }

        /// <summary>Session policy: JSON text or a hashtable.</summary>
        [Parameter]
        [ValidateNotNull]
        public object? Policy { get; set; }

        [Parameter]
        [ValidateNotNull]
        public string[]? PolicyArn { get; set; }

        [Parameter(ParameterSetName = IamSet)]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        [Parameter(ParameterSetName = IamSet)]
        [ValidateNotNull]
        public string[]? TransitiveTagKey { get; set; }

        [Parameter(ParameterSetName = IamSet)]
        [ValidateNotNullOrEmpty]
        public string? SourceIdentity { get; set; }

        [Parameter]
        public int? DurationSeconds { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WebIdentityTokenSet)]
        [ValidateNotNullOrEmpty]
        public string? WebIdentityToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = WebIdentityFileSet)]
        [ValidateNotNullOrEmpty]
        public string? WebIdentityTokenFile { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = GitHubActionsSet)]
        public SwitchParameter FromGitHubActions { get; set; }

        [Parameter(ParameterSetName = GitHubActionsSet)]
        [ValidateNotNullOrEmpty]
        public string Audience { get; set; } = OidcAudience.GitHubDefault;

        [Parameter(Mandatory = true, ParameterSetName = AzureDevOpsSet)]
        public SwitchParameter FromAzureDevOps { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AzureDevOpsSet)]
        [ValidateNotNullOrEmpty]
        public string? ServiceConnectionId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SamlSet)]
        [ValidateNotNullOrEmpty]
        public string? SamlAssertion { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SamlSet)]
        [ValidateNotNullOrEmpty]
        public string? PrincipalArn { get; set; }

        /// <summary>How many roles are assumed at once when several come from the pipeline.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 8;

        protected override int Throttle => ThrottleLimit;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                ValidateCommon();
            }
            catch (StsToolsException e)
            {
                Fail(e);
            }
        }

        protected override void ProcessRecord()
        {
            RefuseTwoSources();
            Pump.DrainAvailable();
            try
            {
                switch (ParameterSetName)
                {
                    case SamlSet:
                        StartSaml();
                        break;
                    case WebIdentityTokenSet:
                    case WebIdentityFileSet:
                    case GitHubActionsSet:
                    case AzureDevOpsSet:
                        StartWebIdentity(RequireRoleArn(), null);
                        break;
                    default:
                        StartIam();
                        break;
                }
            }
            catch (StsToolsException e)
            {
                // One bad role among many piped ones: reported, and the others still go.
                Report(e);
            }
        }

        /// <summary>Everything that is the same for every piped role, checked once before anything is sent.</summary>
        private void ValidateCommon()
        {
            StsLimits.RoleSessionName(RoleSessionName);
            StsLimits.ExternalId(ExternalId);
            StsLimits.SerialNumber(SerialNumber);
            StsLimits.TokenCode(TokenCode, SerialNumber ?? GetProfileChain()?.Hops.LastOrDefault()?.Spec.SerialNumber);
            StsLimits.SourceIdentity(SourceIdentity);
            _policyJson = PolicyDocument.ToJson(PlainData.Unwrap(Policy));
            StsLimits.PolicyArns(PolicyArn);
            var tags = PlainData.Tags(Tag);
            StsLimits.Tags(tags, TransitiveTagKey);
            _tags = tags;
            StsLimits.RoleDuration(DurationSeconds, chained: Credential != null && SourceCredential.FromTemporary(CredentialMapper.ToEngine(Credential), "-Credential").IsRoleSession);
            switch (ParameterSetName)
            {
                case WebIdentityTokenSet:
                    StsLimits.WebIdentityToken(WebIdentityToken);
                    break;
                case WebIdentityFileSet:
                    StsLimits.WebIdentityToken(OidcTokenSources.ReadTokenFile(WebIdentityTokenFile!));
                    break;
                case SamlSet:
                    StsLimits.SamlAssertion(SamlAssertion);
                    StsLimits.PrincipalArn(PrincipalArn);
                    break;
            }

            if (RoleArn != null)
            {
                StsLimits.RoleArn(RoleArn);
                _checkedRoleArn = RoleArn;
            }

            Endpoints(Credential?.Region);
        }

        private void StartIam()
        {
            var chain = GetProfileChain();
            if (RoleArn == null && Credential == null && chain == null && IrsaRoleArn() is string irsaRole)
            {
                // EKS IRSA: nothing else given, the pod's variables say which role and where the token is.
                StartWebIdentity(irsaRole, Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE"));
                return;
            }

            var endpoints = Endpoints(Credential?.Region);
            var prompt = Prompter();
            if (RoleArn == null)
            {
                if (chain == null || !chain.IsRoleProfile)
                {
                    throw chain == null
                        ? RoleArnRequired()
                        : new StsToolsException("ProfileIsNotARoleProfile", ErrorKind.InvalidArgument,
                            $"Profile '{chain.ProfileName}' has no role_arn: give -RoleArn to assume a role with this profile's credentials.") { Target = chain.ProfileName };
                }

                var provider = ProfileChainProvider.WithSharedCaches(chain, endpoints, GetCacheMode(), prompt, TokenCode);
                Start("profile " + chain.ProfileName, async ct => CredentialMapper.ToStsCredential(await provider.GetCredentialsAsync(ct).ConfigureAwait(false)));
                return;
            }

            if (!ReferenceEquals(RoleArn, _checkedRoleArn))
            {
                StsLimits.RoleArn(RoleArn); // a piped one; a typed one was checked in BeginProcessing
            }

            var given = Credential == null ? null : SourceCredential.FromTemporary(CredentialMapper.ToEngine(Credential), "-Credential");
            var chained = given?.IsRoleSession == true;
            var spec = new AssumeRoleSpec
            {
                RoleArn = RoleArn,
                RoleSessionName = RoleSessionName,
                ExternalId = ExternalId,
                SerialNumber = SerialNumber,
                TokenCode = TokenCode,
                PolicyJson = (string?)_policyJson,
                PolicyArns = new List<string>(PolicyArn ?? Array.Empty<string>()),
                Tags = (Dictionary<string, string>)_tags!,
                TransitiveTagKeys = new List<string>(TransitiveTagKey ?? Array.Empty<string>()),
                SourceIdentity = SourceIdentity,
                DurationSeconds = DurationSeconds,
            };
            spec.Validate(chained);
            var source = Source(given, endpoints, prompt);
            var mode = GetCacheMode();
            var roleArn = RoleArn;
            Start(roleArn, async ct =>
            {
                var signer = await source(ct).ConfigureAwait(false);
                if (endpoints.UseGlobalEndpoint)
                {
                    // Seed 000's trap, caught before it bites: a v1 token from the global endpoint for an opt-in region.
                    // One read and one warning per signer and region for the whole invocation, however many roles are piped.
                    await _globalEndpointAdvice.GetOrAdd((signer.AccessKeyId ?? signer.Description) + "|" + endpoints.Region,
                        _ => new Lazy<Task>(async () =>
                        {
                            var warning = await TokenVersionAdvisor.CheckGlobalEndpointAsync(signer, endpoints.Region, EndpointUrl, ct).ConfigureAwait(false);
                            if (warning != null)
                            {
                                Pump.Post(() => WriteWarning(warning));
                            }
                        })).Value.ConfigureAwait(false);
                }

                var inner = new AssumeRoleProvider(spec, _ => Task.FromResult(signer), endpoints, prompt);
                if (mode == CacheMode.Bypass)
                {
                    return CredentialMapper.ToStsCredential(await inner.GetCredentialsAsync(ct).ConfigureAwait(false));
                }

                var key = RequestCacheKey.For("assume-role", new Dictionary<string, object?>
                {
                    ["Source"] = signer.AccessKeyId ?? signer.Description,
                    ["RoleArn"] = spec.RoleArn,
                    ["RoleSessionName"] = spec.RoleSessionName,
                    ["ExternalId"] = spec.ExternalId,
                    ["SerialNumber"] = spec.SerialNumber,
                    ["Policy"] = spec.PolicyJson,
                    ["PolicyArns"] = spec.PolicyArns.Count == 0 ? null : string.Join(",", spec.PolicyArns),
                    ["Tags"] = spec.Tags.Count == 0 ? null : string.Join(",", spec.Tags.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => t.Key + "=" + t.Value)),
                    ["TransitiveTagKeys"] = spec.TransitiveTagKeys.Count == 0 ? null : string.Join(",", spec.TransitiveTagKeys),
                    ["SourceIdentity"] = spec.SourceIdentity,
                    ["DurationSeconds"] = spec.DurationSeconds,
                    ["Region"] = endpoints.Region,
                    ["Endpoint"] = endpoints.UseGlobalEndpoint ? "global" : "regional",
                });
                var cached = new CachingCredentialProvider(inner, new FileCredentialStore(CacheLocations.StsToolsCache()), key, mode);
                return CredentialMapper.ToStsCredential(await cached.GetCredentialsAsync(ct).ConfigureAwait(false));
            });
        }

        private void StartWebIdentity(string roleArn, string? irsaTokenFile)
        {
            StsLimits.RoleArn(roleArn);
            var endpoints = Endpoints(null);
            string origin;
            string? sessionName = RoleSessionName;
            Func<CancellationToken, Task<string>> token;
            if (irsaTokenFile != null)
            {
                origin = "AWS_WEB_IDENTITY_TOKEN_FILE (EKS IRSA)";
                sessionName ??= Environment.GetEnvironmentVariable("AWS_ROLE_SESSION_NAME") is { Length: > 0 } s ? s : null;
                StsLimits.RoleSessionName(sessionName);
                var path = irsaTokenFile;
                StsLimits.WebIdentityToken(OidcTokenSources.ReadTokenFile(path));
                token = _ => Task.FromResult(OidcTokenSources.ReadTokenFile(path));
            }
            else
            {
                switch (ParameterSetName)
                {
                    case GitHubActionsSet:
                        origin = "GitHub Actions";
                        sessionName ??= "GitHubActions";
                        var audience = Audience;
                        token = ct => OidcTokenSources.FromGitHubActionsAsync(audience, Environment.GetEnvironmentVariable, ct);
                        break;
                    case AzureDevOpsSet:
                        origin = "Azure DevOps";
                        sessionName ??= "AzureDevOps";
                        var connection = ServiceConnectionId!;
                        token = ct => OidcTokenSources.FromAzureDevOpsAsync(connection, Environment.GetEnvironmentVariable, ct);
                        break;
                    case WebIdentityFileSet:
                        origin = "file " + WebIdentityTokenFile;
                        var file = WebIdentityTokenFile!;
                        token = _ => Task.FromResult(OidcTokenSources.ReadTokenFile(file));
                        break;
                    default:
                        origin = "-WebIdentityToken";
                        var given = WebIdentityToken!;
                        token = _ => Task.FromResult(given);
                        break;
                }
            }

            var provider = new WebIdentityProvider(roleArn, sessionName, token, origin, DurationSeconds, (string?)_policyJson,
                PolicyArn == null ? null : new List<string>(PolicyArn), endpoints);
            Start(roleArn, async ct => CredentialMapper.ToStsCredential(await provider.GetCredentialsAsync(ct).ConfigureAwait(false)));
        }

        private void StartSaml()
        {
            var roleArn = RequireRoleArn();
            var provider = new SamlProvider(roleArn, PrincipalArn!, SamlAssertion!, DurationSeconds, (string?)_policyJson,
                PolicyArn == null ? null : new List<string>(PolicyArn), Endpoints(null));
            Start(roleArn, async ct => CredentialMapper.ToStsCredential(await provider.GetCredentialsAsync(ct).ConfigureAwait(false)));
        }

        private string RequireRoleArn()
        {
            if (RoleArn == null)
            {
                throw RoleArnRequired();
            }

            StsLimits.RoleArn(RoleArn);
            return RoleArn;
        }

        private static string? IrsaRoleArn()
        {
            var role = Environment.GetEnvironmentVariable("AWS_ROLE_ARN");
            var file = Environment.GetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE");
            return string.IsNullOrEmpty(role) || string.IsNullOrEmpty(file) ? null : role;
        }

        private static StsToolsException RoleArnRequired() =>
            new StsToolsException("RoleArnRequired", ErrorKind.InvalidArgument,
                "No role to assume: give -RoleArn (or pipe role ARNs), -ProfileName of a role profile, or run where AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE are set (EKS IRSA).");
    }

    /// <summary>Audience defaults (FACTS §8).</summary>
    internal static class OidcAudience
    {
        public const string GitHubDefault = "sts.amazonaws.com";
    }
}
