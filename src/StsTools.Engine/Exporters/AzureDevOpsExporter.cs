using System.Collections.Generic;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters
{
    /// <summary>
    /// The AzureDevOps target (FACTS §8): `##vso[task.setsecret]` for the secret and the token first, then one
    /// `##vso[task.setvariable]` per variable, the secret ones with issecret=true. Azure Pipelines does not hand
    /// secret variables to later tasks as environment variables: the pipeline maps them with `env:`.
    /// </summary>
    public static class AzureDevOpsExporter
    {
        public static IReadOnlyList<string> Commands(TemporaryCredentials c)
        {
            var lines = new List<string> { "##vso[task.setsecret]" + AzureDevOpsEscaping.Escape(c.SecretAccessKey) };
            if (c.SessionToken != null)
            {
                lines.Add("##vso[task.setsecret]" + AzureDevOpsEscaping.Escape(c.SessionToken));
            }

            foreach (var variable in ExportedVariables.For(c))
            {
                var secret = ExportedVariables.IsSecret(variable.Key) ? ";issecret=true" : string.Empty;
                lines.Add("##vso[task.setvariable variable=" + AzureDevOpsEscaping.Escape(variable.Key) + secret + "]"
                    + AzureDevOpsEscaping.Escape(variable.Value ?? string.Empty));
            }

            return lines;
        }
    }
}
