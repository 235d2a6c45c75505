using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using StsTools.Engine.Profiles;

namespace StsTools.Completion
{
    /// <summary>Tab completion for -ProfileName: the profiles of the shared credentials file and the config file.</summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var results = new List<CompletionResult>();
            foreach (var name in Names())
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var text = name.IndexOfAny(new[] { ' ', '\'', '$', '`', '(', ')', ';', ',', '&', '@', '{', '}' }) >= 0
                        ? "'" + name.Replace("'", "''") + "'"
                        : name;
                    results.Add(new CompletionResult(text, name, CompletionResultType.ParameterValue, name));
                }
            }

            return results;
        }

        // Its own method, so the engine loads only when completion actually runs.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IReadOnlyList<string> Names() => ProfileNames.List();
    }
}
