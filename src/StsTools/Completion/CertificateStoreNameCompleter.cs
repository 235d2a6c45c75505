using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Security.Cryptography.X509Certificates;

namespace StsTools.Completion
{
    /// <summary>-StoreName: the standard certificate store names (My first: where client certificates live).</summary>
    public sealed class CertificateStoreNameCompleter : IArgumentCompleter
    {
        private static readonly string[] s_names =
            new[] { nameof(StoreName.My) }.Concat(Enum.GetNames(typeof(StoreName)).Where(n => n != nameof(StoreName.My)).OrderBy(n => n, StringComparer.Ordinal)).ToArray();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return s_names
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n == "My" ? "Personal certificates (with private keys)" : n));
        }
    }
}
