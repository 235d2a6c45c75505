using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace StsTools.Engine.RolesAnywhere.Keys
{
    /// <summary>One <c>-----BEGIN label-----</c> … <c>-----END label-----</c> block of a PEM file (RFC 7468), decoded.
    /// netstandard2.0 has no PemEncoding; the format is simple enough to read here.</summary>
    internal sealed class PemBlock
    {
        private static readonly Regex s_block = new Regex(
            @"-----BEGIN (?<label>[A-Z0-9 ]+)-----(?<body>.*?)-----END \k<label>-----",
            RegexOptions.Singleline | RegexOptions.CultureInvariant);

        private PemBlock(string label, byte[] der, bool hasHeaders)
        {
            Label = label;
            Der = der;
            HasEncryptionHeaders = hasHeaders;
        }

        internal string Label { get; }

        internal byte[] Der { get; }

        /// <summary>OpenSSL's legacy encrypted PEM ("Proc-Type: 4,ENCRYPTED" / "DEK-Info:" headers).</summary>
        internal bool HasEncryptionHeaders { get; }

        /// <summary>Every well-formed block of the text, in order. Text outside blocks (comments, bag attributes) is ignored.</summary>
        internal static IReadOnlyList<PemBlock> ReadAll(string text)
        {
            var blocks = new List<PemBlock>();
            foreach (Match m in s_block.Matches(text))
            {
                var body = m.Groups["body"].Value;
                var hasHeaders = body.IndexOf("Proc-Type:", StringComparison.Ordinal) >= 0 || body.IndexOf("DEK-Info:", StringComparison.Ordinal) >= 0;
                var base64 = new StringBuilder(body.Length);
                foreach (var line in body.Split('\n'))
                {
                    var trimmed = line.Trim();
                    if (trimmed.Length == 0 || trimmed.IndexOf(':') >= 0)
                    {
                        continue;
                    }

                    base64.Append(trimmed);
                }

                byte[] der;
                try
                {
                    der = Convert.FromBase64String(base64.ToString());
                }
                catch (FormatException)
                {
                    continue;
                }

                blocks.Add(new PemBlock(m.Groups["label"].Value, der, hasHeaders));
            }

            return blocks;
        }
    }
}
