using System.Text;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>PowerShell: <c>$env:NAME = 'value'</c> (single quotes: nothing expands; a quote is doubled).</summary>
    public static class PwshScript
    {
        public static string Render(TemporaryCredentials c)
        {
            var text = new StringBuilder();
            foreach (var variable in ExportedVariables.For(c))
            {
                if (variable.Value == null)
                {
                    text.Append("Remove-Item -Path Env:").Append(variable.Key).Append(" -ErrorAction SilentlyContinue\n");
                }
                else
                {
                    text.Append("$env:").Append(variable.Key).Append(" = '").Append(variable.Value.Replace("'", "''")).Append("'\n");
                }
            }

            return text.ToString();
        }
    }
}
