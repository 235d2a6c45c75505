using System.Threading;
using System.Threading.Tasks;

namespace StsTools.Engine.Providers
{
    /// <summary>Asks the user for the MFA code of <paramref name="serialNumber"/> (the cmdlet prompts on the pipeline
    /// thread; it throws TokenCodeRequired when the session cannot prompt).</summary>
    public delegate Task<string> TokenCodePrompt(string serialNumber, CancellationToken cancellationToken);
}
