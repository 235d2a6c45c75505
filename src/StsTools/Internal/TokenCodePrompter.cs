using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using StsTools.Engine.Providers;

namespace StsTools.Internal
{
    /// <summary>Asks for an MFA code through the host. Returns null when the session cannot prompt
    /// (pwsh -NonInteractive, a runspace without UI), so the caller reports TokenCodeRequired.</summary>
    internal static class TokenCodePrompter
    {
        /// <summary>The engine's prompt callback: the question goes to the pipeline thread through <paramref name="pump"/>
        /// (the only thread that may use the host) while the call waits; <paramref name="cannotPrompt"/> is the error
        /// when the session cannot ask.</summary>
        internal static TokenCodePrompt OnPipelineThread(PSHost host, CallPump pump, Func<string, Exception> cannotPrompt) =>
            (serial, ct) => pump.Ask(() => Ask(host, serial) ?? throw cannotPrompt(serial), ct);

        public static string? Ask(PSHost? host, string serialNumber)
        {
            if (host?.UI == null)
            {
                return null;
            }

            try
            {
                var fields = new Collection<FieldDescription> { new FieldDescription("TokenCode") { Label = "MFA code" } };
                var answer = host.UI.Prompt("MFA code", $"Enter the 6-digit code shown for {serialNumber}", fields);
                return answer != null && answer.TryGetValue("TokenCode", out var value) ? value?.BaseObject?.ToString()?.Trim() : null;
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is HostException || e is NotImplementedException || e is InvalidOperationException)
            {
                return null;
            }
        }
    }
}
