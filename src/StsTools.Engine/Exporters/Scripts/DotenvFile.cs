using System.Text;
using System.Text.RegularExpressions;
using StsTools.Engine.Credentials;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>
    /// A .env file: <c>NAME=value</c>. Values made only of characters every reader takes literally (AWS keys,
    /// tokens, dates and regions are) stay unquoted, so docker's --env-file, python-dotenv, Node's dotenv and
    /// <c>set -a; . ./.env</c> all read the same value; anything else is single-quoted as the shells do.
    /// A .env file cannot unset: removed variables are left out.
    /// </summary>
    public static class DotenvFile
    {
        private static readonly Regex s_plain = new Regex(@"^[A-Za-z0-9_./+=:@,-]*$", RegexOptions.CultureInvariant);

        public static string Render(TemporaryCredentials c)
        {
            var text = new StringBuilder();
            foreach (var variable in ExportedVariables.For(c))
            {
                if (variable.Value != null)
                {
                    var value = s_plain.IsMatch(variable.Value) ? variable.Value : BashScript.Quote(variable.Value);
                    text.Append(variable.Key).Append('=').Append(value).Append('\n');
                }
            }

            return text.ToString();
        }
    }
}
