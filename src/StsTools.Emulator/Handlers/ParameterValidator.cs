using System.Globalization;
using System.Text.RegularExpressions;
using StsTools.Emulator.Protocol;

namespace StsTools.Emulator.Handlers;

/// <summary>
/// Checks request members against the STS model's constraints (FACTS §4) and reports them all at once, worded as
/// AWS does: "2 validation errors detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: …".
/// </summary>
public sealed class ParameterValidator
{
    private readonly List<string> _errors = new();

    /// <summary>Members whose value AWS does not echo back.</summary>
    private static readonly HashSet<string> s_secretMembers = new() { "webIdentityToken", "sAMLAssertion", "tokenCode", "policy" };

    public ParameterValidator Length(string member, string? value, int min, int max)
    {
        if (value == null)
        {
            return this;
        }

        var length = new StringInfo(value).LengthInTextElements;
        if (length < min)
        {
            Add(member, value, $"Member must have length greater than or equal to {min}");
        }
        else if (length > max)
        {
            Add(member, value, $"Member must have length less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidator Pattern(string member, string? value, string pattern, bool asciiWordCharacters = true)
    {
        if (value == null)
        {
            return this;
        }

        // The model's patterns are Java regexes, where \w is ASCII only.
        var options = asciiWordCharacters ? RegexOptions.ECMAScript : RegexOptions.None;
        if (!Regex.IsMatch(value, "^(?:" + pattern + ")$", options))
        {
            Add(member, value, $"Member must satisfy regular expression pattern: {pattern}");
        }

        return this;
    }

    public ParameterValidator Range(string member, long? value, long min, long max)
    {
        if (value == null)
        {
            return this;
        }

        if (value < min)
        {
            Add(member, value.Value.ToString(CultureInfo.InvariantCulture), $"Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            Add(member, value.Value.ToString(CultureInfo.InvariantCulture), $"Member must have value less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidator Count(string member, int count, int max)
    {
        if (count > max)
        {
            _errors.Add($"Value at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidator Custom(string member, bool ok, string constraint, string? value = null)
    {
        if (!ok)
        {
            Add(member, value, constraint);
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
        {
            return;
        }

        var count = _errors.Count == 1 ? "1 validation error detected: " : $"{_errors.Count} validation errors detected: ";
        throw AwsErrorException.Validation(count + string.Join("; ", _errors));
    }

    /// <summary>An integer member of a query request; ValidationError when it is not one.</summary>
    public static long? Integer(EmulatorRequest request, string name, string member)
    {
        var text = request.Param(name);
        if (text == null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw AwsErrorException.Validation($"1 validation error detected: Value '{text}' at '{member}' failed to satisfy constraint: Member must be an integer");
    }

    private void Add(string member, string? value, string constraint) =>
        _errors.Add(value == null || s_secretMembers.Contains(member)
            ? $"Value at '{member}' failed to satisfy constraint: {constraint}"
            : $"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");
}
