using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StsTools.Emulator.Policies;

/// <summary>
/// Evaluates a role trust policy (an IAM policy document) the way IAM does for the parts trust policies use:
/// Effect Allow/Deny (an explicit Deny wins), Principal (AWS / Federated / Service, "*"), Action with wildcards,
/// and Conditions — String*, Bool, Numeric*, Null, the IfExists suffix and the ForAnyValue/ForAllValues set
/// prefixes. NotPrincipal and NotAction are not supported (a statement with them never matches).
/// </summary>
public static class TrustPolicyEvaluator
{
    public static bool IsAllowed(JsonElement policy, TrustRequest request)
    {
        var statements = policy.TryGetProperty("Statement", out var st) ? st : default;
        var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList()
            : statements.ValueKind == JsonValueKind.Object ? new List<JsonElement> { statements } : new List<JsonElement>();

        foreach (var action in request.Actions)
        {
            var allowed = false;
            foreach (var statement in list)
            {
                if (!Applies(statement, request, action))
                {
                    continue;
                }

                var effect = statement.TryGetProperty("Effect", out var e) ? e.GetString() : null;
                if (effect == "Deny")
                {
                    return false;
                }

                allowed |= effect == "Allow";
            }

            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Applies(JsonElement statement, TrustRequest request, string action)
    {
        if (statement.TryGetProperty("NotPrincipal", out _) || statement.TryGetProperty("NotAction", out _))
        {
            return false;
        }

        return statement.TryGetProperty("Principal", out var principal) && PrincipalMatches(principal, request)
            && statement.TryGetProperty("Action", out var actions) && Strings(actions).Any(a => Glob(a, action, ignoreCase: true))
            && (!statement.TryGetProperty("Condition", out var condition) || ConditionsHold(condition, request));
    }

    private static bool PrincipalMatches(JsonElement principal, TrustRequest request)
    {
        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*";
        }

        if (principal.ValueKind != JsonValueKind.Object || !principal.TryGetProperty(request.PrincipalType, out var ids))
        {
            return false;
        }

        foreach (var id in Strings(ids))
        {
            if (id == "*" || request.PrincipalIds.Contains(id, StringComparer.Ordinal))
            {
                return true;
            }

            if (request.PrincipalType == "AWS" && request.AccountId != null
                && (id == request.AccountId || id == $"arn:aws:iam::{request.AccountId}:root"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ConditionsHold(JsonElement condition, TrustRequest request)
    {
        foreach (var op in condition.EnumerateObject())
        {
            foreach (var keyValues in op.Value.EnumerateObject())
            {
                var expected = Strings(keyValues.Value).ToList();
                request.Context.TryGetValue(keyValues.Name, out var actual);
                if (!Holds(op.Name, actual, expected))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Holds(string op, List<string>? actual, List<string> expected)
    {
        var setMode = "";
        if (op.StartsWith("ForAnyValue:", StringComparison.Ordinal) || op.StartsWith("ForAllValues:", StringComparison.Ordinal))
        {
            setMode = op[..op.IndexOf(':')];
            op = op[(op.IndexOf(':') + 1)..];
        }

        var ifExists = op.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
        {
            op = op[..^"IfExists".Length];
        }

        if (op == "Null")
        {
            var isNull = actual == null || actual.Count == 0;
            return expected.Any(v => string.Equals(v, isNull ? "true" : "false", StringComparison.OrdinalIgnoreCase));
        }

        var negated = op.Contains("Not", StringComparison.Ordinal);
        if (actual == null || actual.Count == 0)
        {
            // A missing key satisfies IfExists, ForAllValues and the negated operators; nothing else.
            return ifExists || setMode == "ForAllValues" || negated;
        }

        Func<string, string, bool> match = op switch
        {
            "StringEquals" or "StringNotEquals" => (a, e) => a == e,
            "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => (a, e) => string.Equals(a, e, StringComparison.OrdinalIgnoreCase),
            "StringLike" or "StringNotLike" => (a, e) => Glob(e, a, ignoreCase: false),
            "Bool" => (a, e) => string.Equals(a, e, StringComparison.OrdinalIgnoreCase),
            "ArnEquals" or "ArnLike" or "ArnNotEquals" or "ArnNotLike" => (a, e) => Glob(e, a, ignoreCase: false),
            "NumericEquals" or "NumericNotEquals" => (a, e) => Compare(a, e) == 0,
            "NumericLessThan" => (a, e) => Compare(a, e) < 0,
            "NumericLessThanEquals" => (a, e) => Compare(a, e) <= 0,
            "NumericGreaterThan" => (a, e) => Compare(a, e) > 0,
            "NumericGreaterThanEquals" => (a, e) => Compare(a, e) >= 0,
            // Unparseable numbers compare as null, which satisfies no numeric operator.
            _ => (_, _) => false,
        };

        bool Any(string a) => expected.Any(e => match(a, e));
        var result = setMode == "ForAllValues" ? actual.All(Any) : actual.Any(Any);
        return negated ? !result : result;
    }

    private static int? Compare(string a, string e) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y) : null;

    /// <summary>IAM wildcards: * any run of characters, ? one character.</summary>
    public static bool Glob(string pattern, string text, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
        return Regex.IsMatch(text, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new[] { value.GetString()! },
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString()),
        JsonValueKind.True => new[] { "true" },
        JsonValueKind.False => new[] { "false" },
        JsonValueKind.Number => new[] { value.ToString() },
        _ => Array.Empty<string>(),
    };
}
