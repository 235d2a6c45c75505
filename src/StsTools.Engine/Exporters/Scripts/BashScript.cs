using System.Text;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>POSIX shells (bash, zsh, sh): <c>export NAME='value'</c>, for <c>eval "$(…)"</c> or <c>source</c>.</summary>
    public static class BashScript
    {
        public static string Render(TemporaryCredentials c)
        {
            var text = new StringBuilder();
            foreach (var variable in ExportedVariables.For(c))
            {
                if (variable.Value == null)
                {
                    text.Append("unset ").Append(variable.Key).Append('\n');
                }
                else
                {
                    text.Append("export ").Append(variable.Key).Append('=').Append(Quote(variable.Value)).Append('\n');
                }
            }

            return text.ToString();
        }

        /// <summary>Single quotes keep everything literal; a single quote itself is closed, escaped and reopened.</summary>
        public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
    }
}
