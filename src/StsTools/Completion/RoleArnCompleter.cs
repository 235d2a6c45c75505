using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using StsTools.Engine.Profiles;

namespace StsTools.Completion
{
    /// <summary>Tab completion for -RoleArn: the role_arn values of the AWS config files, tooltip the profiles naming them.</summary>
    public sealed class RoleArnCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                return Arns()
                    .Where(a => a.Key.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || a.Key.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
                    .Select(a => new CompletionResult(a.Key, a.Key, CompletionResultType.ParameterValue, "profile " + string.Join(", ", a.Value)))
                    .ToList();
            }
            catch (Exception)
            {
                // Completion never fails the user's typing: an unreadable config file just completes nothing.
                return Array.Empty<CompletionResult>();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IDictionary<string, List<string>> Arns()
        {
            var files = AwsConfigFiles.Load();
            var arns = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var name in files.ProfileNames)
            {
                var profile = files.Find(name);
                if (profile != null && profile.TryGetValue("role_arn", out var arn) && arn.Length > 0)
                {
                    if (!arns.TryGetValue(arn, out var names))
                    {
                        arns[arn] = names = new List<string>();
                    }

                    names.Add(name);
                }
            }

            return arns;
        }
    }
}
