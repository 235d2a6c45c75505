using System;
using System.Collections.Generic;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>
    /// ECDSA signature encodings. .NET before 5 (and so netstandard2.0) signs as IEEE P1363, r‖s of fixed width;
    /// Roles Anywhere verifies the RFC 3279 DER form, <c>SEQUENCE { INTEGER r, INTEGER s }</c>.
    /// </summary>
    public static class EcdsaSignature
    {
        public static byte[] ToDer(byte[] p1363)
        {
            if (p1363.Length == 0 || p1363.Length % 2 != 0)
            {
                throw new ArgumentException("An IEEE P1363 signature has two halves of equal length.", nameof(p1363));
            }

            var half = p1363.Length / 2;
            var r = Integer(p1363, 0, half);
            var s = Integer(p1363, half, half);
            var content = new List<byte>(r.Count + s.Count);
            content.AddRange(r);
            content.AddRange(s);
            var result = new List<byte> { 0x30 };
            result.AddRange(Length(content.Count));
            result.AddRange(content);
            return result.ToArray();
        }

        private static List<byte> Integer(byte[] source, int offset, int count)
        {
            var start = offset;
            var end = offset + count;
            while (start < end - 1 && source[start] == 0)
            {
                start++;
            }

            var value = new List<byte>();
            if ((source[start] & 0x80) != 0)
            {
                value.Add(0); // keep it positive
            }

            for (var i = start; i < end; i++)
            {
                value.Add(source[i]);
            }

            var encoded = new List<byte> { 0x02 };
            encoded.AddRange(Length(value.Count));
            encoded.AddRange(value);
            return encoded;
        }

        private static byte[] Length(int length) =>
            length < 0x80 ? new[] { (byte)length } : length < 0x100 ? new byte[] { 0x81, (byte)length } : new byte[] { 0x82, (byte)(length >> 8), (byte)length };
    }
}
