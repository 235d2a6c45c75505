using System;
using System.Text;

namespace StsTools.Engine.RolesAnywhere.Keys
{
    /// <summary>
    /// Just enough DER to read private-key files (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8). netstandard2.0 has no
    /// ImportFromPem / ImportPkcs8PrivateKey / AsnReader, and Windows PowerShell 5.1 (.NET Framework) none at all, so
    /// the key structures are read here and handed to the platform as RSAParameters / ECParameters.
    /// </summary>
    internal sealed class DerReader
    {
        internal const byte Integer = 0x02;
        internal const byte BitString = 0x03;
        internal const byte OctetString = 0x04;
        internal const byte Null = 0x05;
        internal const byte ObjectIdentifier = 0x06;
        internal const byte Sequence = 0x30;

        private readonly byte[] _data;
        private readonly int _end;
        private int _position;

        internal DerReader(byte[] data)
            : this(data, 0, data.Length)
        {
        }

        private DerReader(byte[] data, int start, int end)
        {
            _data = data;
            _position = start;
            _end = end;
        }

        internal bool HasData => _position < _end;

        internal byte PeekTag() => HasData ? _data[_position] : throw new FormatException("Unexpected end of DER data.");

        /// <summary>Reads one element with the expected tag and returns its contents.</summary>
        internal byte[] ReadBytes(byte tag)
        {
            var (start, length) = ReadHeader(tag);
            var bytes = new byte[length];
            Buffer.BlockCopy(_data, start, bytes, 0, length);
            return bytes;
        }

        /// <summary>A reader over the contents of the next element (a SEQUENCE, or a context tag such as [0]).</summary>
        internal DerReader ReadConstructed(byte tag = Sequence)
        {
            var (start, length) = ReadHeader(tag);
            return new DerReader(_data, start, start + length);
        }

        /// <summary>An INTEGER's magnitude, big-endian, without the sign byte DER adds when the top bit is set.</summary>
        internal byte[] ReadUnsignedInteger()
        {
            var bytes = ReadBytes(Integer);
            var skip = 0;
            while (skip < bytes.Length - 1 && bytes[skip] == 0)
            {
                skip++;
            }

            if (skip == 0)
            {
                return bytes;
            }

            var trimmed = new byte[bytes.Length - skip];
            Buffer.BlockCopy(bytes, skip, trimmed, 0, trimmed.Length);
            Array.Clear(bytes, 0, bytes.Length);
            return trimmed;
        }

        internal int ReadSmallInteger()
        {
            var bytes = ReadBytes(Integer);
            if (bytes.Length > 4)
            {
                throw new FormatException("INTEGER too large.");
            }

            var value = 0;
            foreach (var b in bytes)
            {
                value = (value << 8) | b;
            }

            return value;
        }

        internal string ReadOid()
        {
            var bytes = ReadBytes(ObjectIdentifier);
            if (bytes.Length == 0)
            {
                throw new FormatException("Empty OBJECT IDENTIFIER.");
            }

            var text = new StringBuilder();
            text.Append(bytes[0] / 40).Append('.').Append(bytes[0] % 40);
            long value = 0;
            for (var i = 1; i < bytes.Length; i++)
            {
                value = (value << 7) | (long)(bytes[i] & 0x7F);
                if ((bytes[i] & 0x80) == 0)
                {
                    text.Append('.').Append(value);
                    value = 0;
                }
            }

            return text.ToString();
        }

        /// <summary>A BIT STRING's bits (the unused-bits count must be 0, as it is for keys).</summary>
        internal byte[] ReadBitString()
        {
            var bytes = ReadBytes(BitString);
            if (bytes.Length == 0 || bytes[0] != 0)
            {
                throw new FormatException("Unexpected BIT STRING padding.");
            }

            var bits = new byte[bytes.Length - 1];
            Buffer.BlockCopy(bytes, 1, bits, 0, bits.Length);
            return bits;
        }

        internal void Skip()
        {
            var (start, length) = ReadHeader(PeekTag());
            _position = start + length;
        }

        private (int Start, int Length) ReadHeader(byte tag)
        {
            if (!HasData || _data[_position] != tag)
            {
                throw new FormatException($"Expected DER tag 0x{tag:X2}.");
            }

            var p = _position + 1;
            if (p >= _end)
            {
                throw new FormatException("Truncated DER length.");
            }

            int length = _data[p++];
            if (length >= 0x80)
            {
                var count = length & 0x7F;
                if (count == 0 || count > 4 || p + count > _end)
                {
                    throw new FormatException("Unsupported DER length.");
                }

                length = 0;
                for (var i = 0; i < count; i++)
                {
                    length = (length << 8) | _data[p++];
                }
            }

            if (length < 0 || p + length > _end)
            {
                throw new FormatException("DER element longer than its container.");
            }

            _position = p + length;
            return (p, length);
        }
    }
}
