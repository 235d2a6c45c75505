using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Aws;
using StsTools.Engine.Credentials;
using StsTools.Engine.Endpoints;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Regions
{
    /// <summary>
    /// Does a credential work in these regions? Live: sts:GetCallerIdentity at each region's regional endpoint, in
    /// parallel, read against the account's region status (Account API, EC2, else the table) and the token's version, so
    /// a failure is told apart: v1 token in an opt-in region, region not enabled, expired, no network, bad key.
    /// Offline: the same verdicts from the token's origin and prefix alone, for the cases that allow it.
    /// </summary>
    public sealed class RegionCompatibilityChecker
    {
        private static readonly string[] s_tokenScopeCodes = { "InvalidClientTokenId", "AuthFailure", "UnrecognizedClientException", "InvalidToken" };
        private static readonly string[] s_expiredCodes = { "ExpiredToken", "ExpiredTokenException", "RequestExpired" };

        private readonly AwsClientOptions _options;
        private readonly Func<DateTime> _utcNow;

        public RegionCompatibilityChecker(AwsClientOptions options, Func<DateTime>? utcNow = null)
        {
            _options = options;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>At most this many probes at once.</summary>
        public int Parallelism { get; set; } = 16;

        /// <summary>The region a credential calls home: its own, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1.</summary>
        public string HomeRegion(TemporaryCredentials credentials)
        {
            var region = credentials.Region ?? _options.Environment("AWS_REGION") ?? _options.Environment("AWS_DEFAULT_REGION");
            return string.IsNullOrEmpty(region) || region == EndpointResolver.GlobalRegion || RegionTable.Find(region) == null ? "us-east-1" : RegionTable.Get(region).Code;
        }

        /// <summary>The token's version from what is known without calling AWS: a regional issuer means V2; else what the
        /// credential says (issuer + account setting when it was obtained); else the token-prefix hint.</summary>
        public static TokenVersion KnownTokenVersion(TemporaryCredentials credentials)
        {
            if (credentials.SessionToken == null)
            {
                return TokenVersion.Unknown;
            }

            if (!string.IsNullOrEmpty(credentials.IssuedBy) && credentials.IssuedBy != "global")
            {
                return TokenVersion.V2;
            }

            return credentials.TokenVersion != TokenVersion.Unknown ? credentials.TokenVersion : TokenVersionHint.FromToken(credentials.SessionToken);
        }

        public RegionCompatibilityReport CheckOffline(TemporaryCredentials credentials, IReadOnlyList<string>? regions)
        {
            var statuses = RegionStatusReader.FromTable();
            var wanted = regions ?? DefaultRegions(credentials, statuses);
            var version = KnownTokenVersion(credentials);
            var expired = credentials.IsExpired(_utcNow());
            var results = wanted.Select(code =>
            {
                var r = new RegionCompatibility(RegionStatus.FromTable(RegionTable.Get(code))) { TokenVersion = version, Offline = true };
                if (expired)
                {
                    return Verdict(r, false, CompatibilityReason.Expired, null);
                }

                if (!r.Region.IsOptIn)
                {
                    return Verdict(r, true, CompatibilityReason.Compatible, null,
                        "A default region: every valid token works here (not checked against AWS: -Offline).");
                }

                if (credentials.SessionToken == null)
                {
                    return Verdict(r, true, CompatibilityReason.Compatible, null,
                        "Long-term keys work in every region the account has enabled (enablement not checked: -Offline).");
                }

                return version switch
                {
                    TokenVersion.V1 => Verdict(r, false, CompatibilityReason.V1TokenInOptInRegion, null),
                    TokenVersion.V2 => Verdict(r, true, CompatibilityReason.Compatible, null,
                        "A v2 token works in every region the account has enabled (enablement not checked: -Offline)."),
                    _ => Verdict(r, null, CompatibilityReason.Undetermined, null,
                        "Neither the issuer nor the token's prefix tells its version; run without -Offline to probe the region."),
                };
            }).ToList();
            return new RegionCompatibilityReport(results, statuses);
        }

        public async Task<RegionCompatibilityReport> CheckAsync(TemporaryCredentials credentials, IReadOnlyList<string>? regions, CancellationToken cancel)
        {
            var home = HomeRegion(credentials);
            var version = KnownTokenVersion(credentials);
            if (credentials.IsExpired(_utcNow()))
            {
                // Nothing to ask AWS: the credential's own expiry says it.
                var offline = CheckOffline(credentials, regions);
                foreach (var r in offline.Results)
                {
                    r.Offline = false;
                }

                return offline;
            }

            var setting = ReadSettingAsync(credentials, home, cancel);
            RegionStatusReport statuses;
            try
            {
                statuses = await new RegionStatusReader(_options).ReadAsync(credentials, home, cancel).ConfigureAwait(false);
            }
            catch (StsToolsException e)
            {
                // The credentials themselves are refused or AWS is unreachable: the probes below say which, region by region.
                statuses = new RegionStatusReport(RegionStatusReader.FromTable().Regions, RegionStatusSource.Table, new[] { "status: " + (e.AwsErrorCode ?? e.ErrorId) });
            }

            var wanted = regions ?? DefaultRegions(credentials, statuses);
            var probed = wanted.Contains(home) ? wanted : wanted.Concat(new[] { home }).ToList();

            using var gate = new SemaphoreSlim(Parallelism);
            var probes = probed.Select(code => ProbeAsync(credentials, StatusOf(statuses, code), gate, cancel)).ToList();
            var outcomes = await Task.WhenAll(probes).ConfigureAwait(false);

            // Live evidence about the token: working in an opt-in region makes it v2; refused only in enabled opt-in
            // regions while a default region accepts it makes it v1.
            var baselineOk = outcomes.Any(o => !o.Status.Region.IsOptIn && o.Error == null);
            if (credentials.SessionToken != null && outcomes.Any(o => o.Status.Region.IsOptIn && o.Error == null))
            {
                version = TokenVersion.V2;
            }
            else if (version == TokenVersion.Unknown && baselineOk && credentials.SessionToken != null
                && outcomes.Any(o => o.Status.Status == OptInStatus.Enabled && IsTokenScope(o.Error)))
            {
                version = TokenVersion.V1;
            }

            var results = outcomes.Where(o => wanted.Contains(o.Status.Region.Code))
                .Select(o => Judge(o, version, baselineOk, credentials.SessionToken == null)).ToList();
            var report = new RegionCompatibilityReport(results, statuses) { CallerArn = outcomes.Select(o => o.Arn).FirstOrDefault(a => a != null) };
            var (value, error) = await setting.ConfigureAwait(false);
            report.GlobalEndpointTokenVersion = value;
            report.GlobalEndpointTokenVersionError = error;
            return report;
        }

        private async Task<(TokenVersion?, string?)> ReadSettingAsync(TemporaryCredentials credentials, string home, CancellationToken cancel)
        {
            try
            {
                return (await new IamClient(credentials, _options, home).GetGlobalEndpointTokenVersionAsync(cancel).ConfigureAwait(false), null);
            }
            catch (StsToolsException e)
            {
                return (null, e.ErrorId);
            }
        }

        /// <summary>-Region's default: every opt-in region the account has enabled, plus the credential's home region.
        /// With the table only (status unreadable), every opt-in region of the table.</summary>
        public IReadOnlyList<string> DefaultRegions(TemporaryCredentials credentials, RegionStatusReport statuses)
        {
            var optIn = statuses.Regions.Where(s => s.Region.IsOptIn && (statuses.Source == RegionStatusSource.Table ? s.Region.IsKnown : s.IsEnabled == true))
                .Select(s => s.Region.Code);
            return new[] { HomeRegion(credentials) }.Concat(optIn).Distinct().ToList();
        }

        private static RegionStatus StatusOf(RegionStatusReport statuses, string code) =>
            statuses.Regions.FirstOrDefault(s => s.Region.Code == code) ?? RegionStatus.FromTable(RegionTable.Get(code));

        private sealed class ProbeOutcome
        {
            public ProbeOutcome(RegionStatus status, string endpoint, StsToolsException? error, string? arn = null)
            {
                Arn = arn;
                Status = status;
                Endpoint = endpoint;
                Error = error;
            }

            public RegionStatus Status { get; }
            public string Endpoint { get; }
            public StsToolsException? Error { get; }
            public string? Arn { get; }
        }

        private async Task<ProbeOutcome> ProbeAsync(TemporaryCredentials credentials, RegionStatus status, SemaphoreSlim gate, CancellationToken cancel)
        {
            var probe = new StsProbe(_options);
            var endpoint = probe.EndpointFor(status.Region.Code).Url.ToString();
            await gate.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                var arn = await probe.GetCallerIdentityAsync(credentials, status.Region.Code, status.Region.IsOptIn, cancel).ConfigureAwait(false);
                return new ProbeOutcome(status, endpoint, null, arn);
            }
            catch (StsToolsException e)
            {
                return new ProbeOutcome(status, endpoint, e);
            }
            finally
            {
                gate.Release();
            }
        }

        private static bool IsTokenScope(StsToolsException? e) => e?.AwsErrorCode != null && s_tokenScopeCodes.Contains(e.AwsErrorCode);

        private static RegionCompatibility Judge(ProbeOutcome o, TokenVersion version, bool baselineOk, bool longTermKeys)
        {
            var r = new RegionCompatibility(o.Status) { TokenVersion = version, Endpoint = o.Endpoint };
            var e = o.Error;
            if (e == null)
            {
                return Verdict(r, true, CompatibilityReason.Compatible, null, $"GetCallerIdentity succeeded at {o.Endpoint}.");
            }

            var code = e.AwsErrorCode ?? e.ErrorId;
            if (e.ErrorId is "AwsEndpointUnreachable" or "AwsEndpointTimeout")
            {
                return Verdict(r, false, CompatibilityReason.NoNetwork, code, $"No answer from {o.Endpoint}: {e.Message}");
            }

            if (e.AwsErrorCode != null && s_expiredCodes.Contains(e.AwsErrorCode))
            {
                return Verdict(r, false, CompatibilityReason.Expired, code);
            }

            if (e.AwsErrorCode == "SignatureDoesNotMatch")
            {
                return Verdict(r, false, CompatibilityReason.InvalidCredentials, code,
                    "The secret key does not match the key id (or this machine's clock is more than 15 minutes off).");
            }

            if (IsTokenScope(e))
            {
                if (!o.Status.Region.IsOptIn || !baselineOk)
                {
                    return Verdict(r, false, CompatibilityReason.InvalidCredentials, code);
                }

                if (o.Status.IsEnabled == false)
                {
                    return Verdict(r, false, CompatibilityReason.RegionNotEnabled, code);
                }

                if (version == TokenVersion.V1)
                {
                    return Verdict(r, false, CompatibilityReason.V1TokenInOptInRegion, code);
                }

                if (version == TokenVersion.V2 || longTermKeys)
                {
                    return Verdict(r, false, CompatibilityReason.RegionNotEnabled, code,
                        $"{r.Region.Code} refused credentials that work elsewhere and are not a v1 token: the account has most likely not enabled the region (its status could not be read: {o.Status.Source}).");
                }

                return Verdict(r, false, CompatibilityReason.Undetermined, code,
                    $"{r.Region.Code} refused credentials that work in default regions: either the token is v1 (global endpoint) or the account has not enabled the region; Get-StsRegion -Live tells which.");
            }

            return Verdict(r, false, CompatibilityReason.OtherError, code, e.Message);
        }

        private static RegionCompatibility Verdict(RegionCompatibility r, bool? compatible, CompatibilityReason reason, string? errorCode, string? explanation = null)
        {
            r.Compatible = compatible;
            r.Reason = reason;
            r.ErrorCode = errorCode;
            r.Explanation = explanation ?? DefaultExplanation(reason, r.Region);
            r.Remedy = RemedyFor(reason, r.Region);
            return r;
        }

        private static string DefaultExplanation(CompatibilityReason reason, RegionInfo region) => reason switch
        {
            CompatibilityReason.Compatible => "The credential works here.",
            CompatibilityReason.V1TokenInOptInRegion =>
                $"A v1 session token (issued by the global STS endpoint while the account's GlobalEndpointTokenVersion was v1Token) is valid only in default regions; {region.Code} ({region.Name}) is opt-in.",
            CompatibilityReason.RegionNotEnabled => $"The account has not enabled the opt-in region {region.Code} ({region.Name}); no credential works there.",
            CompatibilityReason.Expired => "The session token has expired.",
            CompatibilityReason.InvalidCredentials => "The key or token is not recognised even in a default region: it is wrong, deleted, or mistyped.",
            _ => "The probe failed.",
        };

        /// <summary>What to do about a reason, in the module's terms.</summary>
        public static string? RemedyFor(CompatibilityReason reason, RegionInfo region) => reason switch
        {
            CompatibilityReason.V1TokenInOptInRegion =>
                "Get the credentials from a regional STS endpoint (Invoke-StsAssumeRole -StsEndpoint Regional), or run Set-StsTokenVersion V2Token in the calling account and get a new token: tokens already issued keep their v1 scope.",
            CompatibilityReason.RegionNotEnabled =>
                $"Enable {region.Code} for the account (AWS console → Account → AWS Regions, or `aws account enable-region --region-name {region.Code}`), or work in another region.",
            CompatibilityReason.Expired => "Get new credentials (run the command that produced them again).",
            CompatibilityReason.NoNetwork =>
                "Check the network path to the region's STS endpoint (proxy, firewall, VPC endpoint) or give -EndpointUrl; -Offline decides from the token alone.",
            CompatibilityReason.InvalidCredentials => "Check that the key id, secret and token were copied whole, or get new credentials.",
            CompatibilityReason.Undetermined => "Run Get-StsRegion -Live to see whether the region is enabled, and Test-StsRegionCompatibility without -Offline.",
            _ => null,
        };
    }
}
