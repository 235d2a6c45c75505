using System.Text;

namespace StsTools.Engine.Exporters
{
    /// <summary>
    /// Escaping of `##vso[…]` logging command values as the Azure Pipelines agent unescapes them (FACTS §8):
    /// `%`→`%AZP25` first (so a literal `%3B` survives), then `;`→`%3B`, CR→`%0D`, LF→`%0A`, `]`→`%5D`.
    /// </summary>
    public static class AzureDevOpsEscaping
    {
        public static string Escape(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var ch in value)
            {
                switch (ch)
                {
                    case '%': text.Append("%AZP25"); break;
                    case ';': text.Append("%3B"); break;
                    case '\r': text.Append("%0D"); break;
                    case '\n': text.Append("%0A"); break;
                    case ']': text.Append("%5D"); break;
                    default: text.Append(ch); break;
                }
            }

            return text.ToString();
        }
    }
}
