using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using StsTools.Emulator.Handlers;
using StsTools.Emulator.Policies;
using StsTools.Emulator.Protocol;
using StsTools.Emulator.World;

namespace StsTools.Emulator.RolesAnywhere;

/// <summary>
/// IAM Roles Anywhere CreateSession (POST /&lt;region&gt;/sessions, FACTS §5): a request signed with a certificate's
/// key gets credentials for a role when the certificate chains to an enabled trust anchor, is valid now (world clock),
/// and the profile lists the role whose trust policy admits rolesanywhere.amazonaws.com. Success is HTTP 201.
/// </summary>
public sealed partial class RolesAnywhereHandler
{
    private readonly EmulatorState _state;

    public RolesAnywhereHandler(EmulatorState state) => _state = state;

    public Task HandleAsync(EmulatorRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.RawQuery);
        string? Q(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var profileArn = Q("profileArn");
        var roleArn = Q("roleArn");
        var trustAnchorArn = Q("trustAnchorArn");
        var missing = new[] { ("profileArn", profileArn), ("roleArn", roleArn), ("trustAnchorArn", trustAnchorArn) }.Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            throw Validation($"Missing required query parameter(s): {string.Join(", ", missing)}.");
        }

        var (duration, sessionName) = ReadBody(request);
        var verified = X509RequestVerifier.Verify(request, _state.World.Document.SignatureSkewSeconds);
        var certificate = verified.Certificate;
        request.Log.Caller = certificate.Subject;

        var world = _state.World;
        var anchorOwner = world.Accounts.FirstOrDefault(a => a.RolesAnywhere.TrustAnchors.Any(t => t.Arn == trustAnchorArn));
        var anchor = anchorOwner?.RolesAnywhere.TrustAnchors.First(t => t.Arn == trustAnchorArn);
        if (anchor == null || RegionOf(anchor.Arn) != request.Region)
        {
            throw new AwsErrorException("ResourceNotFoundException", $"Trust anchor {trustAnchorArn} was not found in {request.Region}.", 404);
        }

        var profile = anchorOwner!.RolesAnywhere.Profiles.FirstOrDefault(p => p.Arn == profileArn);
        if (profile == null || RegionOf(profile.Arn) != request.Region)
        {
            throw new AwsErrorException("ResourceNotFoundException", $"Profile {profileArn} was not found in {request.Region} of account {anchorOwner.Id}.", 404);
        }

        if (!anchor.Enabled || !profile.Enabled)
        {
            throw Denied($"The {(anchor.Enabled ? "profile" : "trust anchor")} is disabled.");
        }

        CheckCertificate(certificate, verified.Chain, WorldState.LoadCertificate(anchor.Certificate));

        if (!profile.RoleArns.Contains(roleArn!))
        {
            throw Denied($"The profile does not allow role {roleArn}.");
        }

        var found = world.FindRole(roleArn!);
        if (found == null)
        {
            throw Denied($"Unable to assume role {roleArn}: it does not exist.");
        }

        var (account, role) = found.Value;
        var trust = new TrustRequest
        {
            PrincipalType = "Service",
            PrincipalIds = new[] { "rolesanywhere.amazonaws.com" },
            // Roles Anywhere tags the session with the certificate's attributes and sets its source identity.
            Actions = new[] { "sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity" },
        };
        AddCertificateContext(trust, certificate, anchor.Arn);
        if (!TrustPolicyEvaluator.IsAllowed(role.TrustPolicy, trust))
        {
            throw Denied($"Unable to assume role {roleArn}: its trust policy does not allow rolesanywhere.amazonaws.com.");
        }

        int seconds;
        try
        {
            seconds = StsHandler.RoleDuration(duration, role, chained: false);
        }
        catch (AwsErrorException e)
        {
            throw Validation(e.Message);
        }

        var serialHex = new BigInteger(certificate.GetSerialNumber(), isUnsigned: true).ToString("x").TrimStart('0');
        var sourceIdentity = "CN=" + certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var identity = StsHandler.RoleSessionIdentity(account.Id, role, sessionName ?? serialHex, sourceIdentity, false, null);
        var session = _state.Tokens.Issue(identity, _state.Clock.Now.AddSeconds(seconds), tokenVersion: 2, request.Endpoint, request.Region, "CreateSession");
        request.Log.IssuedTokenVersion = 2;

        var body = new
        {
            credentialSet = new[]
            {
                new
                {
                    assumedRoleUser = new { arn = identity.Arn, assumedRoleId = identity.UserId },
                    credentials = new
                    {
                        accessKeyId = session.AccessKeyId,
                        secretAccessKey = session.SecretAccessKey,
                        sessionToken = session.SessionToken,
                        expiration = StsXml.Timestamp(session.Expiration),
                    },
                    packedPolicySize = 0,
                    roleArn = roleArn,
                    sourceIdentity,
                },
            },
            subjectArn = $"arn:aws:rolesanywhere:{request.Region}:{account.Id}:subject/{Guid.NewGuid()}",
        };
        return ServiceProtocol.WriteJsonAsync(request.Http, body, 201);
    }

    /// <summary>An end-entity certificate, valid now by the world clock, chaining through the given intermediates to
    /// the trust anchor's CA.</summary>
    private void CheckCertificate(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates, X509Certificate2 anchor)
    {
        var now = _state.Clock.Now.UtcDateTime;
        if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
        {
            throw Denied($"Certificate is not valid at {now:yyyy-MM-dd'T'HH:mm:ss'Z'}: it is valid from {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd} to {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd}.");
        }

        if (leaf.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
        {
            throw Denied("The signing certificate must be an end-entity certificate, not a CA.");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(leaf))
        {
            var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
            throw Denied($"Untrusted signing certificate: it does not chain to the trust anchor ({why}).");
        }

        // The chain must end at the anchor's own certificate, not merely at something self-signed that looks alike.
        if (!chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(anchor.RawDataMemory.Span))
        {
            throw Denied("Untrusted signing certificate: it does not chain to the trust anchor.");
        }
    }

    private static void AddCertificateContext(TrustRequest trust, X509Certificate2 certificate, string anchorArn)
    {
        foreach (var (prefix, name) in new[] { ("x509Subject", certificate.SubjectName), ("x509Issuer", certificate.IssuerName) })
        {
            foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
            {
                var oid = rdn.GetSingleElementType().FriendlyName switch { "CN" => "CN", "O" => "O", "OU" => "OU", "C" => "C", "L" => "L", "S" => "ST", _ => null };
                if (oid != null)
                {
                    trust.With($"aws:PrincipalTag/{prefix}/{oid}", rdn.GetSingleElementValue());
                }
            }
        }

        trust.With("aws:SourceArn", anchorArn);
    }

    private static (long? Duration, string? SessionName) ReadBody(EmulatorRequest request)
    {
        if (request.Body.Length == 0)
        {
            return (null, null);
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(request.Body).RootElement;
        }
        catch (JsonException)
        {
            throw Validation("The request body is not valid JSON.");
        }

        long? duration = null;
        if (body.TryGetProperty("durationSeconds", out var d))
        {
            if (!d.TryGetInt64(out var dv))
            {
                throw Validation("durationSeconds must be an integer.");
            }

            if (dv is < 900 or > 43200)
            {
                throw Validation($"1 validation error detected: Value '{dv}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
            }

            duration = dv;
        }

        string? name = body.TryGetProperty("roleSessionName", out var n) ? n.GetString() : null;
        if (name != null && (name.Length is < 2 or > 64 || !SessionName().IsMatch(name)))
        {
            throw Validation($"1 validation error detected: Value '{name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        return (duration, name);
    }

    private static string RegionOf(string arn) => arn.Split(':') is { Length: > 3 } parts ? parts[3] : "";

    private static AwsErrorException Denied(string message) => new("AccessDeniedException", message, 403);

    private static AwsErrorException Validation(string message) => new("ValidationException", message, 400);

    [GeneratedRegex(@"^[\w+=,.@-]*$", RegexOptions.ECMAScript)]
    private static partial Regex SessionName();
}
