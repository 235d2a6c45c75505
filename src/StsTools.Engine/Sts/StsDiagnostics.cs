using System;
using System.Threading;

namespace StsTools.Engine.Sts
{
    /// <summary>
    /// Where the engine reports what it does (endpoint used, each HTTP attempt, failover, cache hits) for -Verbose.
    /// Flows with the async call (AsyncLocal), so the HTTP handler deep inside the SDK reports to the caller that
    /// started the call, even with many calls in flight. Messages never contain a secret.
    /// </summary>
    public static class StsDiagnostics
    {
        private static readonly AsyncLocal<Action<string>?> s_sink = new AsyncLocal<Action<string>?>();
        private static readonly AsyncLocal<AttemptCounter?> s_attempts = new AsyncLocal<AttemptCounter?>();

        /// <summary>Sets the sink for the current async flow (and everything it starts).</summary>
        public static void Use(Action<string>? sink) => s_sink.Value = sink;

        public static void Write(string message) => s_sink.Value?.Invoke(message);

        /// <summary>Whether anyone listens: the per-call messages on the hot path are only built then.</summary>
        public static bool IsOn => s_sink.Value != null;

        internal static AttemptCounter StartCall(string operation)
        {
            var counter = new AttemptCounter(operation);
            s_attempts.Value = counter;
            return counter;
        }

        internal static AttemptCounter? CurrentCall => s_attempts.Value;

        internal sealed class AttemptCounter
        {
            private int _attempts;

            public AttemptCounter(string operation)
            {
                Operation = operation;
                Label = "STS " + operation;
            }

            public string Operation { get; }

            public string Label { get; }

            public int Attempts => _attempts;

            public int Next() => Interlocked.Increment(ref _attempts);
        }
    }
}
