using System.Text;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>fish: <c>set -gx NAME 'value'</c>; inside fish's single quotes only <c>\\</c> and <c>\'</c> are escapes.</summary>
    public static class FishScript
    {
        public static string Render(TemporaryCredentials c)
        {
            var text = new StringBuilder();
            foreach (var variable in ExportedVariables.For(c))
            {
                if (variable.Value == null)
                {
                    text.Append("set -e ").Append(variable.Key).Append('\n');
                }
                else
                {
                    text.Append("set -gx ").Append(variable.Key).Append(" '")
                        .Append(variable.Value.Replace("\\", "\\\\").Replace("'", "\\'")).Append("'\n");
                }
            }

            return text.ToString();
        }
    }
}
