using StsTools.Engine.Credentials;
using StsTools.Engine.Exporters;
using StsTools.Tests.Shared.Ci;

namespace StsTools.Engine.Tests.Exporters;

public sealed class GitHubActionsExporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ststools-gh-").FullName;

    [Fact]
    public void Masks_first_then_appends_heredoc_blocks_the_runner_reads_back()
    {
        var envFile = Path.Combine(_dir, "github_env");
        File.WriteAllText(envFile, "EARLIER=kept\n");
        var c = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", "wJalr/K7+MDENG=", "IQoJ<<tok=en", new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc)) { Region = "ap-northeast-1" };
        var events = new List<string>();
        using var watcher = new FileSystemWatcher(_dir);
        GitHubActionsExporter.Export(c, envFile, line =>
        {
            // When a mask line is written, the file must not hold the secret yet.
            Assert.DoesNotContain("wJalr", File.ReadAllText(envFile));
            events.Add(line);
        });

        Assert.Equal(new[] { "::add-mask::ASIAIOSFODNN7EXAMPLE", "::add-mask::wJalr/K7+MDENG=", "::add-mask::IQoJ<<tok=en" }, events);
        var text = File.ReadAllText(envFile);
        Assert.DoesNotContain("\r", text);
        var parsed = GitHubEnvFileParser.Parse(text);
        Assert.Equal("kept", parsed["EARLIER"]);
        Assert.Equal("ASIAIOSFODNN7EXAMPLE", parsed["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("wJalr/K7+MDENG=", parsed["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("IQoJ<<tok=en", parsed["AWS_SESSION_TOKEN"]);
        Assert.Equal("2099-01-02T03:04:05Z", parsed["AWS_CREDENTIAL_EXPIRATION"]);
        Assert.Equal("ap-northeast-1", parsed["AWS_REGION"]);
        Assert.Equal("ap-northeast-1", parsed["AWS_DEFAULT_REGION"]);
        Assert.Matches(@"^AWS_ACCESS_KEY_ID<<ghadelimiter_[0-9a-f-]{36}$", text.Split('\n')[1]);
    }

    [Fact]
    public void Delimiters_differ_per_variable_and_per_run()
    {
        var c = new TemporaryCredentials("AKIAIOSFODNN7EXAMPLE", "s", null, DateTime.MaxValue);
        var first = GitHubActionsExporter.EnvFileText(c);
        var second = GitHubActionsExporter.EnvFileText(c);
        Assert.NotEqual(first, second);
        var delimiters = first.Split('\n').Where(l => l.Contains("<<")).Select(l => l[(l.IndexOf("<<") + 2)..]).ToList();
        Assert.Equal(delimiters.Count, delimiters.Distinct().Count());
        // Long-term keys: the stale token is emptied (GITHUB_ENV cannot unset).
        Assert.Equal("", GitHubEnvFileParser.Parse(first)["AWS_SESSION_TOKEN"]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
