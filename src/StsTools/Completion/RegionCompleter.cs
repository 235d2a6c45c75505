using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using StsTools.Engine.Regions;

namespace StsTools.Completion
{
    /// <summary>
    /// Tab completion of region codes from the built-in table, with the region's name (and "opt-in") as the tooltip.
    /// What was typed matches a code's start ("me-" → me-central-1, me-south-1, …) or, failing that, a word of the
    /// name ("Bahrain" → me-south-1).
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"').Trim();
            var regions = RegionTable.All;
            var byCode = regions.Where(r => r.Code.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
            var matches = byCode.Count > 0 || typed.Length == 0
                ? byCode
                : regions.Where(r => r.Name.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0).ToList();
            return matches.Select(r => new CompletionResult(r.Code, r.Code, CompletionResultType.ParameterValue,
                r.IsOptIn ? $"{r.Name} — opt-in" : r.Partition.Name == "aws" ? r.Name : $"{r.Name} — {r.Partition.Name}")).ToList();
        }
    }
}
