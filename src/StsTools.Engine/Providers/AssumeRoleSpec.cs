using System;
using System.Collections.Generic;
using StsTools.Engine.Validation;

namespace StsTools.Engine.Providers
{
    /// <summary>The parameters of one AssumeRole call, as the user (or a config profile) gave them.</summary>
    public sealed class AssumeRoleSpec
    {
        public string RoleArn { get; set; } = string.Empty;

        /// <summary>Null when not given: a valid one is generated, and the cache key does not include it.</summary>
        public string? RoleSessionName { get; set; }

        public string? ExternalId { get; set; }
        public string? SerialNumber { get; set; }
        public string? TokenCode { get; set; }
        public string? PolicyJson { get; set; }
        public IList<string> PolicyArns { get; set; } = new List<string>();
        public IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public IList<string> TransitiveTagKeys { get; set; } = new List<string>();
        public string? SourceIdentity { get; set; }
        public int? DurationSeconds { get; set; }

        /// <summary>FACTS §4, every limit; <paramref name="chained"/> when the source is itself a role session.</summary>
        public void Validate(bool chained)
        {
            StsLimits.RoleArn(RoleArn);
            StsLimits.RoleSessionName(RoleSessionName);
            StsLimits.ExternalId(ExternalId);
            StsLimits.SerialNumber(SerialNumber);
            StsLimits.TokenCode(TokenCode, SerialNumber);
            StsLimits.Policy(PolicyJson);
            StsLimits.PolicyArns(PolicyArns);
            StsLimits.Tags(Tags, TransitiveTagKeys);
            StsLimits.SourceIdentity(SourceIdentity);
            StsLimits.RoleDuration(DurationSeconds, chained);
        }

        /// <summary>A session name STS accepts, when none was given: <c>ststools-&lt;unix seconds&gt;</c> (the AWS CLI uses botocore-session-…).</summary>
        public static string GenerateSessionName(DateTime utcNow) =>
            "ststools-" + (long)(utcNow - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
    }
}
