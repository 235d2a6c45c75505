using System.IO;
using System.Text;
using System.Text.Json;

namespace StsTools.Engine.RolesAnywhere
{
    /// <summary>What one CreateSession asks for: the three ARNs (query string) and the duration and session name (JSON body).</summary>
    public sealed class CreateSessionRequest
    {
        public const int MinimumDuration = 900;
        public const int MaximumDuration = 43200;
        public const int DefaultDuration = 3600;

        public CreateSessionRequest(RolesAnywhereArns arns, int durationSeconds = DefaultDuration, string? roleSessionName = null)
        {
            Arns = arns;
            DurationSeconds = durationSeconds;
            RoleSessionName = string.IsNullOrEmpty(roleSessionName) ? null : roleSessionName;
        }

        public RolesAnywhereArns Arns { get; }
        public int DurationSeconds { get; }
        public string? RoleSessionName { get; }

        /// <summary><c>{"durationSeconds":3600}</c> or <c>{"durationSeconds":3600,"roleSessionName":"…"}</c>.</summary>
        public byte[] Body()
        {
            using (var stream = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("durationSeconds", DurationSeconds);
                    if (RoleSessionName != null)
                    {
                        writer.WriteString("roleSessionName", RoleSessionName);
                    }

                    writer.WriteEndObject();
                }

                return stream.ToArray();
            }
        }

        internal string Describe() => Encoding.UTF8.GetString(Body());
    }
}
