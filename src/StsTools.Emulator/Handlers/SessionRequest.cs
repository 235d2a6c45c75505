using System.Text.Json;
using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.Handlers;

/// <summary>
/// The members AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, GetFederationToken share (session name,
/// duration, session policy, policy ARNs, tags, source identity), read and checked against FACTS §4.
/// </summary>
public sealed class SessionRequest
{
    public string? RoleArn { get; private init; }
    public string? RoleSessionName { get; private init; }
    public long? DurationSeconds { get; private init; }
    public string? Policy { get; private init; }
    public IReadOnlyList<string> PolicyArns { get; private init; } = Array.Empty<string>();
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; private init; } = Array.Empty<KeyValuePair<string, string>>();
    public IReadOnlyList<string> TransitiveTagKeys { get; private init; } = Array.Empty<string>();
    public string? SourceIdentity { get; private init; }

    public const string NamePattern = @"[\w+=,.@-]*";
    private const string TagKeyPattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]+";
    private const string TagValuePattern = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]*";

    /// <summary>Reads the shared members and adds their violations to <paramref name="v"/>.</summary>
    public static SessionRequest Read(EmulatorRequest request, ParameterValidator v, bool hasRole, bool sessionNameRequired,
        long minDuration, long maxDuration)
    {
        var tags = new List<KeyValuePair<string, string>>();
        for (var i = 1; request.Param($"Tags.member.{i}.Key") is { } key; i++)
        {
            tags.Add(new(key, request.Param($"Tags.member.{i}.Value") ?? ""));
        }

        var policyArns = new List<string>();
        for (var i = 1; request.Param($"PolicyArns.member.{i}.arn") is { } arn; i++)
        {
            policyArns.Add(arn);
        }

        var s = new SessionRequest
        {
            RoleArn = request.Param("RoleArn"),
            RoleSessionName = request.Param("RoleSessionName"),
            DurationSeconds = ParameterValidator.Integer(request, "DurationSeconds", "durationSeconds"),
            Policy = request.Param("Policy"),
            PolicyArns = policyArns,
            Tags = tags,
            TransitiveTagKeys = request.ListParam("TransitiveTagKeys.member"),
            SourceIdentity = request.Param("SourceIdentity"),
        };

        if (hasRole)
        {
            v.Custom("roleArn", s.RoleArn != null, "Member must not be null");
            v.Length("roleArn", s.RoleArn, 20, 2048);
        }

        if (sessionNameRequired)
        {
            v.Custom("roleSessionName", s.RoleSessionName != null, "Member must not be null");
        }

        v.Length("roleSessionName", s.RoleSessionName, 2, 64).Pattern("roleSessionName", s.RoleSessionName, NamePattern);
        v.Range("durationSeconds", s.DurationSeconds, minDuration, maxDuration);
        v.Length("policy", s.Policy, 1, 2048);
        v.Count("policyArns", s.PolicyArns.Count, 10);
        foreach (var arn in s.PolicyArns)
        {
            v.Length("policyArns.member.arn", arn, 20, 2048);
        }

        v.Count("tags", s.Tags.Count, 50);
        foreach (var (key, value) in s.Tags)
        {
            v.Length("tags.member.key", key, 1, 128).Pattern("tags.member.key", key, TagKeyPattern, asciiWordCharacters: false);
            v.Length("tags.member.value", value, 0, 256).Pattern("tags.member.value", value, TagValuePattern, asciiWordCharacters: false);
        }

        v.Count("transitiveTagKeys", s.TransitiveTagKeys.Count, 50);
        v.Length("sourceIdentity", s.SourceIdentity, 2, 64).Pattern("sourceIdentity", s.SourceIdentity, NamePattern);
        return s;
    }

    /// <summary>Checks that need the members valid first: duplicate tag keys, a policy that is JSON, the packed size,
    /// a source identity in the reserved aws: namespace. Returns PackedPolicySize (percent) when a policy or tags were
    /// sent.</summary>
    public int? CheckPolicyAndTags()
    {
        if (SourceIdentity != null && SourceIdentity.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw AwsErrorException.Validation("1 validation error detected: Value '" + SourceIdentity +
                "' at 'sourceIdentity' failed to satisfy constraint: Member must not begin with the reserved prefix 'aws:'");
        }

        if (Tags.GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            throw new AwsErrorException("InvalidParameterValue", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        }

        var minified = 0;
        if (Policy != null)
        {
            try
            {
                using var doc = JsonDocument.Parse(Policy);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException();
                }

                minified = JsonSerializer.Serialize(doc.RootElement).Length;
            }
            catch (JsonException)
            {
                throw new AwsErrorException("MalformedPolicyDocument", "The policy is not in the valid JSON format.");
            }
        }

        if (Policy == null && Tags.Count == 0 && PolicyArns.Count == 0)
        {
            return null;
        }

        // AWS packs policies and tags into a binary format whose size it reports as a percentage of the limit; the
        // emulator approximates it: compressed policy text at half its size, tags at their length.
        var packed = minified / 2 + Tags.Sum(t => t.Key.Length + t.Value.Length + 2) + PolicyArns.Count * 24;
        var percent = (int)Math.Ceiling(packed * 100.0 / 1024);
        if (percent > 100)
        {
            throw new AwsErrorException("PackedPolicyTooLarge",
                $"Packed policy consumes {percent}% of allotted space, please use smaller policy.");
        }

        return percent;
    }
}
