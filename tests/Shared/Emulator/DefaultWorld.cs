namespace StsTools.Testing.Emulator;

/// <summary>The emulator's default world (docs/emulator.md): every name, key and ARN a test needs. Test-only values.</summary>
public static class DefaultWorld
{
    public const string CallerAccount = "111111111111";
    public const string RoleAccount = "222222222222";

    public const string AliceArn = "arn:aws:iam::111111111111:user/alice";
    public const string AliceAccessKeyId = "AKIAIOSFODNN7ALICE01";
    public const string AliceSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY";
    public const string AliceMfaSerial = "arn:aws:iam::111111111111:mfa/alice";
    public const string AliceTotpSeed = "JBSWY3DPEHPK3PXP";

    /// <summary>bob (account 111111111111, no MFA, nothing denied himself) is the one principal trusted by the
    /// deny-list roles <see cref="RestrictedRoleArn"/> and <see cref="NoRegionReadRoleArn"/>.</summary>
    public const string BobArn = "arn:aws:iam::111111111111:user/bob";
    public const string BobAccessKeyId = "AKIAIOSFODNN7BOB0001";
    public const string BobSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYBOBKEY00";

    /// <summary>Trusts bob; its sessions are denied <c>account:*</c> (Account ListRegions/GetRegionOptStatus →
    /// AccessDeniedException), everything else allowed.</summary>
    public const string RestrictedRoleArn = "arn:aws:iam::222222222222:role/Restricted";
    /// <summary>Trusts bob; its sessions are denied <c>account:*</c>, <c>ec2:DescribeRegions</c> (UnauthorizedOperation)
    /// and <c>iam:*</c> (GetAccountSummary, SetSecurityTokenServicePreferences → AccessDenied): nothing can read its regions.</summary>
    public const string NoRegionReadRoleArn = "arn:aws:iam::222222222222:role/NoRegionRead";
    public static readonly string[] RestrictedDeny = { "account:*" };
    public static readonly string[] NoRegionReadDeny = { "account:*", "ec2:DescribeRegions", "iam:*" };

    /// <summary>Trusts accounts 111111111111 and 222222222222 (so role chaining can be shown); max session 12 h.</summary>
    public const string ReadOnlyRoleArn = "arn:aws:iam::222222222222:role/ReadOnly";
    /// <summary>Requires external id <see cref="DeployExternalId"/>; max session 1 h.</summary>
    public const string DeployRoleArn = "arn:aws:iam::222222222222:role/Deploy";
    public const string DeployExternalId = "ext-4242";
    /// <summary>Requires MFA (aws:MultiFactorAuthPresent); max session 1 h.</summary>
    public const string AdminRoleArn = "arn:aws:iam::222222222222:role/Admin";
    public const string GitHubDeployRoleArn = "arn:aws:iam::222222222222:role/GitHubDeploy";
    public const string AzureDeployRoleArn = "arn:aws:iam::222222222222:role/AzureDeploy";
    public const string SamlUserRoleArn = "arn:aws:iam::222222222222:role/SamlUser";
    public const string RolesAnywhereRoleArn = "arn:aws:iam::222222222222:role/RolesAnywhereRole";

    public const string GitHubIssuer = "https://token.actions.githubusercontent.com";
    public const string GitHubAudience = "sts.amazonaws.com";
    public const string GitHubSubject = "repo:example-org/example-app:ref:refs/heads/main";
    public const string GitHubRequestToken = "test-only-github-request-token";
    public const string AzureDevOpsIssuer = "https://vstoken.dev.azure.com/0a1b2c3d-0000-4000-8000-0000000000ad";
    public const string AzureDevOpsAudience = "api://AzureADTokenExchange";
    public const string AzureDevOpsSubject = "sc://example-org/example-project/aws-deploy";
    public const string AzureDevOpsAccessToken = "test-only-azure-devops-access-token";
    public const string AzureDevOpsServiceConnectionId = "5e1f0000-0000-4000-8000-00000000c0de";

    public const string SamlProviderArn = "arn:aws:iam::222222222222:saml-provider/ExampleIdP";
    public const string SamlIssuer = "urn:ststools:test-only-idp";

    public const string TrustAnchorArn = "arn:aws:rolesanywhere:us-east-1:222222222222:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001";
    public const string ProfileArn = "arn:aws:rolesanywhere:us-east-1:222222222222:profile/0a1b2c3d-0000-4000-8000-000000000002";

    /// <summary>tests/fixtures/test-only-pki (root-ca.pem is the trust anchor's CA; leaf-*.pem/.key the certificates).</summary>
    public static string PkiDirectory => System.IO.Path.Combine(EmulatorPaths.RepoRoot, "tests", "fixtures", "test-only-pki");

    public static readonly string[] EnabledOptInRegions = { "me-south-1", "ap-east-1" };
    public const string DisabledOptInRegion = "af-south-1";
}
