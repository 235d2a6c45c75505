using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace StsTools.Completion
{
    /// <summary>Tab completion for Set-StsTokenVersion -Version.</summary>
    public sealed class TokenVersionCompleter : IArgumentCompleter
    {
        private static readonly (string Value, string Tip)[] s_values =
        {
            ("V2Token", "Tokens from the global STS endpoint work in every region (longer tokens)"),
            ("V1Token", "Tokens from the global STS endpoint work only in regions enabled by default"),
            ("AllRegions", "Same as V2Token"),
            ("DefaultRegions", "Same as V1Token"),
        };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return s_values.Where(v => v.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v.Value, v.Value, CompletionResultType.ParameterValue, v.Tip)).ToList();
        }
    }
}
