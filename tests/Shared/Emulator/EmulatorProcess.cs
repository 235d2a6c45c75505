using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace StsTools.Testing.Emulator;

/// <summary>
/// The StsTools emulator in its own process on a free loopback port, started from the built dll (fast: no
/// `dotnet run`). Share one per test class (<see cref="EmulatorFixture"/> with IClassFixture) for read-only use;
/// start a private one when a test changes faults, the clock or account settings. Disposing kills it; it also
/// exits by itself when the test process does.
/// </summary>
public sealed class EmulatorProcess : IDisposable
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string? _worldFile;

    private EmulatorProcess(Process process, string baseUrl, string? worldFile, StringBuilder output)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
        _worldFile = worldFile;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public string BaseUrl { get; }

    /// <summary>The custom endpoint URL users give the module: <c>http://127.0.0.1:PORT/{region}/</c>.</summary>
    public string EndpointTemplate => BaseUrl + "{region}/";

    /// <summary>Same as <see cref="EndpointTemplate"/>; the name the issue uses.</summary>
    public string StsEndpointTemplate => EndpointTemplate;

    /// <summary>The global STS endpoint: <c>http://127.0.0.1:PORT/aws-global/</c>.</summary>
    public string GlobalStsUrl => BaseUrl + "aws-global/";

    /// <summary>A region's endpoint (STS, IAM, EC2, Account, Roles Anywhere): <c>http://127.0.0.1:PORT/&lt;region&gt;/</c>.</summary>
    public string EndpointUrl(string region) => BaseUrl + region + "/";

    /// <summary>What the emulator printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts an emulator with the default world, or with <paramref name="worldJson"/> (a world file's text).</summary>
    public static EmulatorProcess Start(string? worldJson = null, TimeSpan? timeout = null)
    {
        string? worldFile = null;
        if (worldJson != null)
        {
            worldFile = Path.Combine(Path.GetTempPath(), $"ststools-world-{Guid.NewGuid():N}.json");
            File.WriteAllText(worldFile, worldJson);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EmulatorPaths.Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add("--parent-pid");
        start.ArgumentList.Add(Environment.ProcessId.ToString());
        if (worldFile != null)
        {
            start.ArgumentList.Add("--world");
            start.ArgumentList.Add(worldFile);
        }

        // Tests' AWS settings must not leak into the emulator; it needs none.
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE" })
        {
            start.Environment.Remove(name);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator.");
        var output = new StringBuilder();
        var listening = new TaskCompletionSourceLite();
        string? listeningUrl = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == null)
            {
                listening.TrySet(null);
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            // Ready once the whole banner is out (its last line), so Output has it all.
            if (e.Data.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                listeningUrl ??= e.Data[ListeningPrefix.Length..].Trim();
            }
            else if (e.Data == BannerEnd && listeningUrl != null)
            {
                listening.TrySet(listeningUrl);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var url = listening.Wait(timeout ?? TimeSpan.FromSeconds(60));
        if (url == null)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            string text;
            lock (output)
            {
                text = output.ToString();
            }

            throw new InvalidOperationException($"The emulator ({EmulatorPaths.Dll}) did not report its address. Output:\n{text}");
        }

        return new EmulatorProcess(process, url.EndsWith('/') ? url : url + "/", worldFile, output);
    }

    public const string ListeningPrefix = "StsTools emulator listening on ";

    /// <summary>The banner's last line.</summary>
    public const string BannerEnd = "Press Ctrl+C to stop.";

    /// <summary>Requests the endpoints received (all, or one endpoint's: "aws-global", "me-south-1").</summary>
    public IReadOnlyList<EmulatorRequestLogEntry> RequestLog(string? endpoint = null)
    {
        var url = BaseUrl + "_emulator/requests" + (endpoint == null ? "" : "?endpoint=" + Uri.EscapeDataString(endpoint));
        return Get<List<EmulatorRequestLogEntry>>(url);
    }

    public void ClearRequestLog() => Send(HttpMethod.Delete, "_emulator/requests");

    /// <summary>Puts a fault on an endpoint ("aws-global", a region, or "*" for all), replacing the one there.</summary>
    public void SetFault(string endpoint, EmulatorFault fault) =>
        Send(HttpMethod.Put, "_emulator/faults/" + Uri.EscapeDataString(endpoint), fault);

    public void ClearFault(string endpoint) => Send(HttpMethod.Delete, "_emulator/faults/" + Uri.EscapeDataString(endpoint));

    public void ClearFaults() => Send(HttpMethod.Delete, "_emulator/faults");

    /// <summary>The world clock (what expiry, certificate validity and TOTP are judged by).</summary>
    public DateTimeOffset Now() => Get<ClockState>(BaseUrl + "_emulator/clock").Now;

    /// <summary>Moves the world clock forward (credentials, web-identity tokens, certificates expire).</summary>
    public void AdvanceClock(TimeSpan by) => Send(HttpMethod.Post, "_emulator/clock/advance", new { seconds = by.TotalSeconds });

    /// <summary>Back to the state at start (or to another world): forgets issued credentials, faults, log, clock.</summary>
    public void Reset(string? worldJson = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + "_emulator/reset")
        {
            Content = new StringContent(worldJson ?? "", Encoding.UTF8, "application/json"),
        };
        Check(s_http.Send(request));
    }

    /// <summary>Replaces a principal's deny list (a user or role ARN; actions like "iam:GetAccountSummary", "account:*").
    /// An empty list allows everything again. <see cref="Reset"/> restores the world's lists.</summary>
    public void SetDenyList(string principalArn, params string[] actions) =>
        Send(HttpMethod.Put, "_emulator/deny", new { principalArn, deny = actions });

    /// <summary>The current TOTP code of an MFA device of the world (by the world clock).</summary>
    public string TotpCode(string serialNumber = DefaultWorld.AliceMfaSerial) =>
        Get<JsonElement>(BaseUrl + "_emulator/totp?serialNumber=" + Uri.EscapeDataString(serialNumber)).GetProperty("code").GetString()!;

    /// <summary>An ID token from one of the emulator's OIDC issuers ("github", "azure-devops"), with the given
    /// audience/subject and extra or replaced claims (e.g. <c>exp</c> in the past).</summary>
    public string MintOidcToken(string issuer = "github", string? audience = null, string? subject = null, IDictionary<string, object>? claims = null) =>
        Post<JsonElement>("_emulator/oidc/" + issuer + "/token", new { audience, subject, claims }).GetProperty("token").GetString()!;

    /// <summary>A base64 SAML response signed by the world's SAML IdP (default: for role SamlUser).</summary>
    public string SamlResponse(string roleArn = DefaultWorld.SamlUserRoleArn, string principalArn = DefaultWorld.SamlProviderArn,
        string subject = "alice@example.test", string? audience = null, int lifetimeSeconds = 300) =>
        Post<JsonElement>("_emulator/saml/response", new { roleArn, principalArn, subject, audience, lifetimeSeconds })
            .GetProperty("samlResponse").GetString()!;

    /// <summary>ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN pointing at the emulator's GitHub issuer.</summary>
    public IReadOnlyDictionary<string, string> GitHubActionsEnvironment(string? subject = null) => new Dictionary<string, string>
    {
        ["ACTIONS_ID_TOKEN_REQUEST_URL"] = BaseUrl + "_oidc/github/token?api-version=2.0" + (subject == null ? "" : "&subject=" + Uri.EscapeDataString(subject)),
        ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = DefaultWorld.GitHubRequestToken,
    };

    /// <summary>SYSTEM_OIDCREQUESTURI / SYSTEM_ACCESSTOKEN pointing at the emulator's Azure DevOps issuer.</summary>
    public IReadOnlyDictionary<string, string> AzureDevOpsEnvironment() => new Dictionary<string, string>
    {
        ["SYSTEM_OIDCREQUESTURI"] = BaseUrl + "_oidc/azure-devops/oidctoken",
        ["SYSTEM_ACCESSTOKEN"] = DefaultWorld.AzureDevOpsAccessToken,
    };

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        if (_worldFile != null)
        {
            try
            {
                File.Delete(_worldFile);
            }
            catch (IOException)
            {
            }
        }
    }

    private T Get<T>(string url)
    {
        using var response = s_http.Send(new HttpRequestMessage(HttpMethod.Get, url));
        Check(response);
        return JsonSerializer.Deserialize<T>(response.Content.ReadAsStream(), s_json)!;
    }

    private T Post<T>(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = JsonContent.Create(body, options: s_json) };
        using var response = s_http.Send(request);
        Check(response);
        return JsonSerializer.Deserialize<T>(response.Content.ReadAsStream(), s_json)!;
    }

    private void Send(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, BaseUrl + path);
        if (body != null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: s_json);
        }

        using var response = s_http.Send(request);
        Check(response);
    }

    private static void Check(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = new StreamReader(response.Content.ReadAsStream()).ReadToEnd();
            throw new InvalidOperationException($"Emulator admin call {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} failed: {(int)response.StatusCode} {text}");
        }
    }

    private sealed record ClockState(DateTimeOffset Now, double OffsetSeconds);

    /// <summary>A one-shot result with a blocking wait (no async in the start path: fixtures are synchronous).</summary>
    private sealed class TaskCompletionSourceLite
    {
        private readonly ManualResetEventSlim _done = new();
        private string? _value;

        public void TrySet(string? value)
        {
            if (!_done.IsSet)
            {
                _value = value;
                _done.Set();
            }
        }

        public string? Wait(TimeSpan timeout) => _done.Wait(timeout) ? _value : null;
    }
}
