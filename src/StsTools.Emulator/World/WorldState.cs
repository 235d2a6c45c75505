using System.Security.Cryptography.X509Certificates;
using StsTools.Emulator.Auth;

namespace StsTools.Emulator.World;

/// <summary>
/// The world as it runs: the document it was loaded from plus what changes at run time (token-version setting,
/// enabled regions). Replaced as a whole on reset. Lookups are read-only; the two mutable settings are guarded by
/// a lock because IAM/Account calls change them while other requests read them.
/// </summary>
public sealed class WorldState
{
    private readonly object _sync = new();
    private readonly Dictionary<string, int> _tokenVersion = new();
    private readonly Dictionary<string, HashSet<string>> _enabledOptIn = new();
    private readonly Dictionary<string, LongTermKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (AccountDocument Account, RoleDocument Role)> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _deny = new(StringComparer.Ordinal);

    public WorldState(WorldDocument document)
    {
        Document = document;
        foreach (var account in document.Accounts)
        {
            _tokenVersion[account.Id] = account.GlobalEndpointTokenVersion;
            _enabledOptIn[account.Id] = new HashSet<string>(account.EnabledOptInRegions);
            foreach (var key in account.RootAccessKeys)
            {
                _keys[key.AccessKeyId] = new LongTermKey(account, null, key);
            }

            foreach (var user in account.Users)
            {
                foreach (var key in user.AccessKeys)
                {
                    _keys[key.AccessKeyId] = new LongTermKey(account, user, key);
                }

                _deny[UserArn(account.Id, user)] = new List<string>(user.Deny);
            }

            foreach (var role in account.Roles)
            {
                _roles[RoleArn(account.Id, role)] = (account, role);
                _deny[RoleArn(account.Id, role)] = new List<string>(role.Deny);
            }
        }
    }

    public WorldDocument Document { get; }

    public IEnumerable<AccountDocument> Accounts => Document.Accounts;

    public AccountDocument? FindAccount(string id) => Document.Accounts.FirstOrDefault(a => a.Id == id);

    public LongTermKey? FindAccessKey(string accessKeyId) => _keys.TryGetValue(accessKeyId, out var k) ? k : null;

    public (AccountDocument Account, RoleDocument Role)? FindRole(string arn) => _roles.TryGetValue(arn, out var r) ? r : null;

    public static string RoleArn(string accountId, RoleDocument role) => $"arn:aws:iam::{accountId}:role{NormalizePath(role.Path)}{role.Name}";

    public static string UserArn(string accountId, UserDocument user) => $"arn:aws:iam::{accountId}:user{NormalizePath(user.Path)}{user.Name}";

    public int GlobalEndpointTokenVersion(string accountId)
    {
        lock (_sync)
        {
            return _tokenVersion.TryGetValue(accountId, out var v) ? v : 1;
        }
    }

    public void SetGlobalEndpointTokenVersion(string accountId, int version)
    {
        lock (_sync)
        {
            _tokenVersion[accountId] = version;
        }
    }

    /// <summary>Default regions are always enabled; an opt-in region only when the account enabled it.</summary>
    public bool IsRegionEnabled(string accountId, string region)
    {
        if (!Regions.IsOptIn(region))
        {
            return true;
        }

        lock (_sync)
        {
            return _enabledOptIn.TryGetValue(accountId, out var set) && set.Contains(region);
        }
    }

    public void SetRegionEnabled(string accountId, string region, bool enabled)
    {
        lock (_sync)
        {
            if (!_enabledOptIn.TryGetValue(accountId, out var set))
            {
                _enabledOptIn[accountId] = set = new HashSet<string>();
            }

            if (enabled)
            {
                set.Add(region);
            }
            else
            {
                set.Remove(region);
            }
        }
    }

    /// <summary>The actions a principal (user or role ARN) is denied; the admin API can replace them at run time.</summary>
    public IReadOnlyList<string> DenyList(string principalArn)
    {
        lock (_sync)
        {
            return _deny.TryGetValue(principalArn, out var list) ? list.ToArray() : Array.Empty<string>();
        }
    }

    public void SetDenyList(string principalArn, IEnumerable<string> actions)
    {
        lock (_sync)
        {
            _deny[principalArn] = actions.ToList();
        }
    }

    public IReadOnlyDictionary<string, string[]> DenyLists()
    {
        lock (_sync)
        {
            return _deny.Where(d => d.Value.Count > 0).ToDictionary(d => d.Key, d => d.Value.ToArray());
        }
    }

    public bool IsStsDisabled(string accountId, string region) =>
        FindAccount(accountId)?.StsDisabledRegions.Contains(region) == true;

    /// <summary>The caller a long-term key authenticates as.</summary>
    public static Caller CallerFor(LongTermKey key)
    {
        if (key.User == null)
        {
            var rootArn = $"arn:aws:iam::{key.Account.Id}:root";
            return new Caller { Kind = CallerKind.Root, AccountId = key.Account.Id, Arn = rootArn, UserId = key.Account.Id, PrincipalArn = rootArn };
        }

        var arn = UserArn(key.Account.Id, key.User);
        return new Caller
        {
            Kind = CallerKind.User,
            AccountId = key.Account.Id,
            Arn = arn,
            UserId = SessionTokenFormat.StableId("AIDA", arn),
            PrincipalArn = arn,
            UserName = key.User.Name,
        };
    }

    public static X509Certificate2 LoadCertificate(string pemOrResource) =>
        X509Certificate2.CreateFromPem(WorldLoader.ResolveText(pemOrResource));

    private static string NormalizePath(string? path) =>
        string.IsNullOrEmpty(path) ? "/" : (path.StartsWith('/') ? path : "/" + path).TrimEnd('/') + "/";
}

/// <summary>A long-term access key and whose it is (a user, or the account root when <see cref="User"/> is null).</summary>
public sealed record LongTermKey(AccountDocument Account, UserDocument? User, AccessKeyDocument Key);
