using StsTools.Emulator.World;

namespace StsTools.Emulator;

/// <summary>What the emulator prints on start: where it listens, its endpoints, and the world's keys to use.
/// The first line ("StsTools emulator listening on &lt;url&gt;") is what tests wait for.</summary>
public static class Banner
{
    public const string ListeningPrefix = "StsTools emulator listening on ";

    public static void Print(TextWriter o, IReadOnlyList<string> baseUrls, EmulatorState state)
    {
        foreach (var url in baseUrls)
        {
            o.WriteLine(ListeningPrefix + url);
        }

        var b = baseUrls[0];
        var world = state.World.Document;
        o.WriteLine($"  world:               {state.WorldSource}");
        o.WriteLine($"  global STS:          {b}{Regions.Global}/");
        o.WriteLine($"  regional endpoints:  {b}{{region}}/   (STS, IAM, EC2, Account, Roles Anywhere POST /{{region}}/sessions)");
        o.WriteLine($"  admin API:           {b}_emulator/");
        foreach (var issuer in world.OidcIssuers)
        {
            if (issuer.Kind == "github-actions")
            {
                o.WriteLine($"  GitHub Actions OIDC: ACTIONS_ID_TOKEN_REQUEST_URL={b}_oidc/{issuer.Name}/token?api-version=2.0  ACTIONS_ID_TOKEN_REQUEST_TOKEN={issuer.RequestToken}");
            }
            else if (issuer.Kind == "azure-devops")
            {
                o.WriteLine($"  Azure DevOps OIDC:   SYSTEM_OIDCREQUESTURI={b}_oidc/{issuer.Name}/oidctoken  SYSTEM_ACCESSTOKEN={issuer.RequestToken}  serviceConnectionId={issuer.ServiceConnections.FirstOrDefault()?.Id}");
            }
        }

        foreach (var account in world.Accounts)
        {
            var optIn = string.Join(", ", account.EnabledOptInRegions);
            o.WriteLine($"  account {account.Id} (GlobalEndpointTokenVersion {account.GlobalEndpointTokenVersion}; opt-in regions enabled: {(optIn.Length == 0 ? "none" : optIn)})");
            foreach (var user in account.Users)
            {
                foreach (var key in user.AccessKeys)
                {
                    o.WriteLine($"    user {user.Name}: AWS_ACCESS_KEY_ID={key.AccessKeyId} AWS_SECRET_ACCESS_KEY={key.SecretAccessKey}{Denied(user.Deny)}");
                }

                foreach (var mfa in user.MfaDevices)
                {
                    o.WriteLine($"    MFA {mfa.SerialNumber} (TOTP seed {mfa.Seed})");
                }
            }

            foreach (var role in account.Roles)
            {
                o.WriteLine($"    role {WorldState.RoleArn(account.Id, role)}{Denied(role.Deny)}");
            }
        }

        o.WriteLine("Press Ctrl+C to stop.");
        o.Flush();
    }

    private static string Denied(List<string> deny) => deny.Count == 0 ? "" : $"  (denied: {string.Join(", ", deny)})";
}
