using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StsTools.Engine.Errors;

namespace StsTools.Engine.WebIdentity
{
    /// <summary>
    /// Where a web identity token comes from (FACTS §8): a file (EKS IRSA), the GitHub Actions runner, the Azure
    /// DevOps pipeline. Errors name the variables and the missing permission; they never repeat a token.
    /// </summary>
    public static class OidcTokenSources
    {
        public const string DefaultGitHubAudience = "sts.amazonaws.com";

        private static readonly HttpClient s_http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };

        public static string ReadTokenFile(string path)
        {
            if (!File.Exists(path))
            {
                throw new StsToolsException("WebIdentityTokenFileNotFound", ErrorKind.ObjectNotFound,
                    $"The web identity token file '{path}' does not exist.")
                { Target = path, Remedy = "Check -WebIdentityTokenFile or AWS_WEB_IDENTITY_TOKEN_FILE (on EKS: the service account's projected token volume)." };
            }

            var token = File.ReadAllText(path).Trim();
            if (token.Length == 0)
            {
                throw new StsToolsException("WebIdentityTokenFileEmpty", ErrorKind.InvalidData, $"The web identity token file '{path}' is empty.") { Target = path };
            }

            return token;
        }

        /// <summary>GET $ACTIONS_ID_TOKEN_REQUEST_URL&amp;audience=… with the runner's bearer token → {"value": JWT}.</summary>
        public static async Task<string> FromGitHubActionsAsync(string audience, Func<string, string?> environment, CancellationToken cancellationToken)
        {
            var url = environment("ACTIONS_ID_TOKEN_REQUEST_URL");
            var bearer = environment("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
            if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(bearer))
            {
                throw new StsToolsException("GitHubActionsOidcUnavailable", ErrorKind.ObjectNotFound,
                    "ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: this is not a GitHub Actions job that may request an OIDC token.")
                { Remedy = "Run in GitHub Actions with `permissions: id-token: write` on the job or workflow." };
            }

            var full = url + (url!.IndexOf('?') >= 0 ? "&" : "?") + "audience=" + Uri.EscapeDataString(audience);
            using var request = new HttpRequestMessage(HttpMethod.Get, full);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return await FetchAsync(request, "value", "GitHubActionsOidcFailed", "the GitHub Actions OIDC endpoint", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>POST $SYSTEM_OIDCREQUESTURI?api-version=7.1&amp;serviceConnectionId=… → {"oidcToken": JWT}.</summary>
        public static async Task<string> FromAzureDevOpsAsync(string serviceConnectionId, Func<string, string?> environment, CancellationToken cancellationToken)
        {
            var url = environment("SYSTEM_OIDCREQUESTURI");
            var bearer = environment("SYSTEM_ACCESSTOKEN");
            if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(bearer))
            {
                throw new StsToolsException("AzureDevOpsOidcUnavailable", ErrorKind.ObjectNotFound,
                    "SYSTEM_OIDCREQUESTURI and SYSTEM_ACCESSTOKEN are not set: this is not an Azure DevOps pipeline step that may request an OIDC token.")
                { Remedy = "Map the access token into the step (env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)) and use a workload identity federation service connection." };
            }

            var full = url + (url!.IndexOf('?') >= 0 ? "&" : "?") + "api-version=7.1&serviceConnectionId=" + Uri.EscapeDataString(serviceConnectionId);
            using var request = new HttpRequestMessage(HttpMethod.Post, full)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return await FetchAsync(request, "oidcToken", "AzureDevOpsOidcFailed", "the Azure DevOps OIDC endpoint", cancellationToken).ConfigureAwait(false);
        }

        private static async Task<string> FetchAsync(HttpRequestMessage request, string property, string errorId, string what, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await s_http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new StsToolsException(errorId, ErrorKind.ConnectionError, $"Could not reach {what} ({request.RequestUri?.GetLeftPart(UriPartial.Path)}): {e.Message}", e);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new StsToolsException(errorId, ErrorKind.AuthenticationError,
                        $"{what} answered HTTP {(int)response.StatusCode} ({request.RequestUri?.GetLeftPart(UriPartial.Path)}).")
                    { Remedy = "Check that the job may request an OIDC token (GitHub: permissions id-token: write; Azure DevOps: the service connection id and System.AccessToken)." };
                }

                try
                {
                    using var document = JsonDocument.Parse(body);
                    if (document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
                    {
                        return value.GetString()!;
                    }
                }
                catch (JsonException)
                {
                }

                throw new StsToolsException(errorId, ErrorKind.InvalidData, $"{what} answered without a '{property}' token.");
            }
        }
    }
}
