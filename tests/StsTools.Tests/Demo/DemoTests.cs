using System.Text.RegularExpressions;
using StsTools.Tests.Infrastructure;
using StsTools.Testing.Emulator;
using Xunit.Abstractions;

namespace StsTools.Tests.Demo;

/// <summary>
/// The one-command demo (build.ps1 -Task Demo → demo/Demo.ps1) run as a new user runs it: in a fresh process, in the
/// engine-only host ../shared/tools/psh/psh when it is there (else the ScriptHost, a fresh PowerShell 7.6 process),
/// against its own emulator. `dotnet test` has built everything, so the demo runs with -NoBuild.
/// </summary>
public sealed class DemoTests
{
    private static readonly string[] s_headlines =
    {
        "Story 002: an MFA session once, then the role that requires MFA",
        "Story 001: another account's role with an external id, in a profile the AWS CLI reads",
        "Story 000: a token from the global endpoint fails in me-south-1",
        "Story 003: regional failover",
        "Story 004: IAM Roles Anywhere from an X.509 certificate",
        "CI: the credentials handed to the next GitHub Actions step",
        "Stopping the emulator.",
    };

    // A temporary secret key as the emulator (and AWS) shapes it: 40 characters of base64, alone.
    private static readonly Regex s_secretKeyShape = new(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", RegexOptions.Compiled);

    private readonly ITestOutputHelper _log;

    public DemoTests(ITestOutputHelper log) => _log = log;

    [Fact]
    public void Demo_walks_every_seed_story_green_and_prints_no_secret()
    {
        var secretsFile = Path.Combine(Path.GetTempPath(), $"ststools-demo-secrets-{Guid.NewGuid():N}.txt");
        var environment = new Dictionary<string, string?>
        {
            // The demo writes the secrets it saw here, so this test can prove none of them was printed.
            ["STSTOOLS_DEMO_SECRETS_FILE"] = secretsFile,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
        };
        try
        {
            var result = RunDemo(environment);
            _log.WriteLine(result.ToString());

            Assert.True(result.ExitCode == 0, "The demo failed:\n" + result);
            foreach (var headline in s_headlines)
            {
                Assert.Contains(headline, result.StdOut);
            }

            var summary = Regex.Match(result.StdOut, @"Demo finished in [0-9.,]+ s: (?<passed>\d+) step\(s\) passed, 0 failed\.");
            Assert.True(summary.Success, "No summary line with 0 failed steps.");
            Assert.True(int.Parse(summary.Groups["passed"].Value) >= 15, "The demo ran fewer steps than the stories have: " + summary.Value);
            Assert.DoesNotContain("FAILED", result.StdOut);

            var everything = result.StdOut + result.StdErr;
            var secrets = File.Exists(secretsFile) ? File.ReadAllLines(secretsFile).Where(s => s.Length > 0).ToList() : new List<string>();
            Assert.Contains(DefaultWorld.AliceSecretAccessKey, secrets);
            secrets.Add(DefaultWorld.AliceSecretAccessKey);
            secrets.Add(DefaultWorld.AliceTotpSeed);
            foreach (var secret in secrets.Distinct())
            {
                Assert.False(everything.Contains(secret, StringComparison.Ordinal), $"The demo printed a secret ({secret[..4]}…).");
            }

            // Whatever the demo did not register: no session token (v1 or v2 prefix) and nothing shaped like a secret key.
            Assert.DoesNotContain("FwoGZXIvYXdz", everything);
            Assert.DoesNotContain("IQoJb3JpZ2lu", everything);
            var shaped = s_secretKeyShape.Matches(everything).Select(m => m.Value).ToList();
            Assert.True(shaped.Count == 0, "Printed something shaped like a secret key: " + string.Join(", ", shaped.Select(s => s[..4] + "…")));
            _log.WriteLine($"Secrets checked against the output: {secrets.Distinct().Count()}");
        }
        finally
        {
            File.Delete(secretsFile);
        }
    }

    private ProcessRunner.Result RunDemo(IDictionary<string, string?> environment)
    {
        var psh = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tools", "psh", "psh"));
        if (File.Exists(psh))
        {
            _log.WriteLine($"Running: {psh} -NonInteractive -f build.ps1 -Task Demo -NoBuild -Configuration {RepoPaths.Configuration}");
            return ProcessRunner.Run(psh,
                new[] { "-NonInteractive", "-f", "build.ps1", "-Task", "Demo", "-NoBuild", "-Configuration", RepoPaths.Configuration },
                environment, timeout: TimeSpan.FromMinutes(4));
        }

        _log.WriteLine($"{psh} is not there: running demo/Demo.ps1 in the ScriptHost (a fresh PowerShell 7.6 process) instead.");
        var script = "& ([System.IO.Path]::Combine($args[0], 'demo', 'Demo.ps1')) -Root $args[0] -Configuration $args[1]";
        return ProcessRunner.Run("dotnet", new[] { RepoPaths.ScriptHostDll, "-c", script, RepoPaths.Root, RepoPaths.Configuration },
            environment, timeout: TimeSpan.FromMinutes(4));
    }
}
