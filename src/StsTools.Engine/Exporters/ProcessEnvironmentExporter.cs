using System;
using System.Collections.Generic;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters
{
    /// <summary>The Process target: the variables of this process, which every child process inherits.</summary>
    public static class ProcessEnvironmentExporter
    {
        /// <summary>Sets (or removes, for null values) the credential's variables; returns the names touched.</summary>
        public static IReadOnlyList<string> Export(TemporaryCredentials c, bool clearProfile)
        {
            var names = new List<string>();
            foreach (var variable in ExportedVariables.For(c))
            {
                Environment.SetEnvironmentVariable(variable.Key, variable.Value);
                names.Add(variable.Key);
            }

            if (clearProfile)
            {
                Environment.SetEnvironmentVariable(ExportedVariables.Profile, null);
                Environment.SetEnvironmentVariable(ExportedVariables.DefaultProfile, null);
                names.Add(ExportedVariables.Profile);
                names.Add(ExportedVariables.DefaultProfile);
            }

            return names;
        }

        /// <summary>Removes every variable Set-StsEnvironment writes; returns the names that were set.</summary>
        public static IReadOnlyList<string> Clear()
        {
            var removed = new List<string>();
            foreach (var name in ExportedVariables.All)
            {
                if (Environment.GetEnvironmentVariable(name) != null)
                {
                    Environment.SetEnvironmentVariable(name, null);
                    removed.Add(name);
                }
            }

            return removed;
        }
    }
}
