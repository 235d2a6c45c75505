using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StsTools.Emulator.Tests.Infrastructure;

namespace StsTools.Emulator.Tests;

/// <summary>
/// Must-show 6: the README's emulator section followed word for word, as a new user would. The bash blocks marked
/// <c>&lt;!-- emulator-try: NAME --&gt;</c> are taken from README.md when it has the section, else from
/// docs/emulator.md (where the section is written before the lead moves it). The start block runs as written from the
/// repository root (`dotnet run`, on a free port substituted for 4566) in its own process group; the pasted AWS CLI
/// blocks run in one bash with no AWS setup at all; then Ctrl+C (SIGINT to the group, as a terminal sends it) must
/// stop the emulator cleanly.
/// </summary>
public sealed class ReadmeTests : IDisposable
{
    private const string Marker = "<!-- emulator-try: ";
    private readonly AwsCli _cli = new();

    public void Dispose() => _cli.Dispose();

    public static (string File, Dictionary<string, string> Blocks) TrialBlocks()
    {
        var readme = Path.Combine(EmulatorPaths.RepoRoot, "README.md");
        var file = File.Exists(readme) && File.ReadAllText(readme).Contains(Marker, StringComparison.Ordinal)
            ? readme
            : Path.Combine(EmulatorPaths.RepoRoot, "docs", "emulator.md");
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        var blocks = Regex.Matches(text, @"<!-- emulator-try: (?<name>[\w-]+) -->\s*\n```(?:bash|json)\n(?<code>.*?)\n```", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["code"].Value);
        return (file, blocks);
    }

    [Fact]
    public void The_section_has_a_start_block_and_pasteable_cli_blocks()
    {
        var (file, blocks) = TrialBlocks();
        Assert.True(blocks.ContainsKey("start"), $"{file}: no block marked {Marker}start -->");
        Assert.True(blocks.ContainsKey("run"), $"{file}: no block marked {Marker}run -->");
        Assert.Equal("dotnet run --project src/StsTools.Emulator -- --urls http://127.0.0.1:4566", blocks["start"].Trim());
        Assert.Contains("aws sts assume-role", blocks["run"]);
    }

    [Fact]
    public void Following_the_section_word_for_word_starts_the_emulator_gets_credentials_and_ctrl_c_stops_it()
    {
        if (OperatingSystem.IsWindows())
        {
            Console.WriteLine("SKIPPED: the section's blocks are bash, and Ctrl+C is sent as SIGINT to a process group (setsid, kill).");
            return;
        }

        var (file, blocks) = TrialBlocks();
        var port = FreePort();
        string Port(string code) => code.Replace("127.0.0.1:4566", $"127.0.0.1:{port}", StringComparison.Ordinal);

        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = EmulatorPaths.RepoRoot };
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Port(blocks["start"]));
        _cli.Isolate(start, new Dictionary<string, string?>(), region: null);
        using var emulator = Process.Start(start)!;
        var output = new StringBuilder();
        using var listening = new ManualResetEventSlim();
        using var stopped = new ManualResetEventSlim();
        emulator.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith(EmulatorProcess.ListeningPrefix, StringComparison.Ordinal) == true)
            {
                listening.Set();
            }

            if (e.Data == "StsTools emulator stopped.")
            {
                stopped.Set();
            }
        };
        emulator.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        emulator.BeginOutputReadLine();
        emulator.BeginErrorReadLine();
        string Output()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        try
        {
            // `dotnet run` builds first: generous, since the machine may be busy.
            Assert.True(listening.Wait(TimeSpan.FromMinutes(4)), $"{file}: the start block did not report 'listening'. Output:\n{Output()}");
            Assert.Contains($"http://127.0.0.1:{port}/", Output());

            var script = Port(blocks["run"]) + "\necho '=== next block ==='\n" + (blocks.TryGetValue("seed000", out var seed) ? Port(seed) : "");
            var r = _cli.Bash(script);
            var parts = r.Stdout.Split("=== next block ===\n");
            var assumed = JsonDocument.Parse(parts[0]).RootElement;
            Assert.StartsWith("ASIA", assumed.GetProperty("Credentials").GetProperty("AccessKeyId").GetString());
            Assert.False(string.IsNullOrEmpty(assumed.GetProperty("Credentials").GetProperty("SessionToken").GetString()), r.ToString());
            Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/try-it", assumed.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());

            if (seed != null)
            {
                Assert.Contains("An error occurred (AuthFailure) when calling the DescribeRegions operation", r.Stderr);
                Assert.Equal("arn:aws:sts::222222222222:assumed-role/ReadOnly/seed000", JsonDocument.Parse(parts[1]).RootElement.GetProperty("Arn").GetString());
            }

            // Ctrl+C: the terminal signals the foreground process group.
            using (var kill = Process.Start("kill", new[] { "-s", "INT", "--", "-" + emulator.Id }))
            {
                kill.WaitForExit();
            }

            Assert.True(emulator.WaitForExit(60_000), "The emulator did not exit on Ctrl+C. Output:\n" + Output());
            emulator.WaitForExit();
            Assert.True(stopped.IsSet, "No 'StsTools emulator stopped.' line. Output:\n" + Output());
            Assert.Equal(0, emulator.ExitCode);
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void The_sections_example_world_file_loads_and_behaves_as_described()
    {
        var (file, blocks) = TrialBlocks();
        if (!blocks.TryGetValue("world", out var world))
        {
            Assert.Fail($"{file}: no example world marked {Marker}world -->");
        }

        using var emulator = EmulatorProcess.Start(world);
        SignedClient Carol(string region, string service = "sts") => new()
        {
            EndpointUrl = emulator.EndpointUrl(region),
            Region = region == "aws-global" ? "us-east-1" : region,
            Service = service,
            AccessKeyId = "AKIAIOSFODNN7CAROL01",
            SecretAccessKey = "carol-test-only-secret",
        };

        Assert.Equal("arn:aws:iam::333333333333:user/carol", Carol("us-east-1").Query("GetCallerIdentity").Value("Arn"));
        Assert.StartsWith("IQoJb3JpZ2lu", Carol("aws-global").Query("GetSessionToken").Credentials.SessionToken);
        Assert.Equal("RegionDisabledException", Carol("eu-west-3").Query("GetCallerIdentity").ErrorCode);
        Assert.Equal("UnauthorizedOperation", Carol("us-east-1", "ec2").Query("DescribeRegions").ErrorCode);
        Assert.Equal("Throttling", Carol("ap-south-1").Query("GetCallerIdentity").ErrorCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
