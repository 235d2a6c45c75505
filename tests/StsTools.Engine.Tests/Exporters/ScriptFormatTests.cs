using StsTools.Engine.Credentials;
using StsTools.Engine.Errors;
using StsTools.Engine.Exporters;
using StsTools.Engine.Exporters.Scripts;

namespace StsTools.Engine.Tests.Exporters;

public sealed class ScriptFormatTests
{
    private static readonly TemporaryCredentials Temporary = new("ASIAIOSFODNN7EXAMPLE", "it's/a+secret", "IQoJtoken", new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc)) { Region = "eu-west-1", AccountId = "111111111111" };
    private static readonly TemporaryCredentials LongTerm = new("AKIAIOSFODNN7EXAMPLE", "secret", null, DateTime.MaxValue);

    [Fact]
    public void Pwsh_quotes_with_single_quotes_and_removes_stale_tokens()
    {
        Assert.Contains("$env:AWS_SECRET_ACCESS_KEY = 'it''s/a+secret'\n", ScriptExporter.Render(ScriptFormat.Pwsh, Temporary));
        var longTerm = ScriptExporter.Render(ScriptFormat.Pwsh, LongTerm);
        Assert.Contains("Remove-Item -Path Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue\n", longTerm);
        Assert.Contains("Remove-Item -Path Env:AWS_CREDENTIAL_EXPIRATION -ErrorAction SilentlyContinue\n", longTerm);
    }

    [Fact]
    public void Bash_fish_and_cmd_quote_for_their_shell()
    {
        Assert.Contains("export AWS_SECRET_ACCESS_KEY='it'\\''s/a+secret'\n", ScriptExporter.Render(ScriptFormat.Bash, Temporary));
        Assert.Contains("unset AWS_SESSION_TOKEN\n", ScriptExporter.Render(ScriptFormat.Bash, LongTerm));
        Assert.Contains("set -gx AWS_SECRET_ACCESS_KEY 'it\\'s/a+secret'\n", ScriptExporter.Render(ScriptFormat.Fish, Temporary));
        Assert.Contains("set -e AWS_SESSION_TOKEN\n", ScriptExporter.Render(ScriptFormat.Fish, LongTerm));
        Assert.Contains("set \"AWS_SECRET_ACCESS_KEY=it's/a+secret\"\r\n", ScriptExporter.Render(ScriptFormat.Cmd, Temporary));
        Assert.Contains("set \"AWS_SESSION_TOKEN=\"\r\n", ScriptExporter.Render(ScriptFormat.Cmd, LongTerm));
        var e = Assert.Throws<StsToolsException>(() => ScriptExporter.Render(ScriptFormat.Cmd, new TemporaryCredentials("AKIAIOSFODNN7EXAMPLE", "100%", null, DateTime.MaxValue)));
        Assert.Equal("ValueNotRepresentableInCmd", e.ErrorId);
    }

    [Fact]
    public void Dotenv_leaves_plain_values_unquoted()
    {
        Assert.Equal("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=secret\n", ScriptExporter.Render(ScriptFormat.Dotenv, LongTerm));
        Assert.Contains("AWS_SECRET_ACCESS_KEY='it'\\''s/a+secret'\n", ScriptExporter.Render(ScriptFormat.Dotenv, Temporary));
    }

    [Fact]
    public void CredentialProcess_and_Json()
    {
        Assert.Equal("{\"Version\":1,\"AccessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"it's/a+secret\",\"SessionToken\":\"IQoJtoken\",\"Expiration\":\"2099-01-02T03:04:05Z\",\"AccountId\":\"111111111111\"}",
            ScriptExporter.Render(ScriptFormat.CredentialProcess, Temporary));
        Assert.Equal("{\"Version\":1,\"AccessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"secret\"}", ScriptExporter.Render(ScriptFormat.CredentialProcess, LongTerm));
        Assert.StartsWith("{\"AccessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"it's/a+secret\",\"SessionToken\":\"IQoJtoken\",\"Expiration\":\"2099-01-02T03:04:05Z\",\"Region\":\"eu-west-1\"",
            ScriptExporter.Render(ScriptFormat.Json, Temporary));
    }

    [Fact]
    public void Expired_credentials_and_control_characters_are_refused()
    {
        var expired = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", "s", "t", DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal("ExpiredCredential", Assert.Throws<StsToolsException>(() => ExportedVariables.EnsureExportable(expired, DateTime.UtcNow)).ErrorId);
        var injected = new TemporaryCredentials("ASIAIOSFODNN7EXAMPLE", "s\nexport X=1", "t", DateTime.MaxValue);
        Assert.Equal("InvalidCredentialValue", Assert.Throws<StsToolsException>(() => ExportedVariables.EnsureExportable(injected, DateTime.UtcNow)).ErrorId);
    }
}
