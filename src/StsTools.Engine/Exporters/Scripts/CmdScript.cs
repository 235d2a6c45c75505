using System.Text;
using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;

namespace StsTools.Engine.Exporters.Scripts
{
    /// <summary>
    /// cmd.exe: <c>set "NAME=value"</c> lines (CRLF) for a .cmd file or `for /f`. cmd has no quoting that keeps
    /// <c>%</c>, <c>!</c> or <c>"</c> literal both in a batch file and at the prompt, so values holding them are
    /// refused rather than written wrong; AWS keys and tokens never contain them.
    /// </summary>
    public static class CmdScript
    {
        public static string Render(TemporaryCredentials c)
        {
            var text = new StringBuilder();
            foreach (var variable in ExportedVariables.For(c))
            {
                var value = variable.Value ?? string.Empty;
                if (value.IndexOfAny(new[] { '%', '!', '"' }) >= 0)
                {
                    throw new StsToolsException("ValueNotRepresentableInCmd", ErrorKind.InvalidData,
                        $"The value of {variable.Key} contains % ! or \", which cmd.exe cannot take literally; use another -Format.")
                    { Target = variable.Key };
                }

                // `set "NAME="` removes the variable.
                text.Append("set \"").Append(variable.Key).Append('=').Append(value).Append("\"\r\n");
            }

            return text.ToString();
        }
    }
}
