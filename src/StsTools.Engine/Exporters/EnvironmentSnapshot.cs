using System;
using System.Collections.Generic;
using System.Linq;

namespace StsTools.Engine.Exporters
{
    /// <summary>The values some process variables had, to put them back later (Use-StsCredential).</summary>
    public sealed class EnvironmentSnapshot
    {
        private readonly List<KeyValuePair<string, string?>> _values;

        private EnvironmentSnapshot(List<KeyValuePair<string, string?>> values) => _values = values;

        /// <summary>The credential variables and the profile selectors: everything a credential swap touches.</summary>
        public static EnvironmentSnapshot CaptureCredentialVariables() =>
            Capture(ExportedVariables.All.Concat(new[] { ExportedVariables.Profile, ExportedVariables.DefaultProfile }));

        public static EnvironmentSnapshot Capture(IEnumerable<string> names) =>
            new EnvironmentSnapshot(names.Select(n => new KeyValuePair<string, string?>(n, Environment.GetEnvironmentVariable(n))).ToList());

        /// <summary>Sets every captured variable back; those that did not exist are removed.</summary>
        public void Restore()
        {
            foreach (var value in _values)
            {
                Environment.SetEnvironmentVariable(value.Key, value.Value);
            }
        }
    }
}
