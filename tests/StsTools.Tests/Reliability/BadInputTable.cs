namespace StsTools.Tests.Reliability;

/// <summary>
/// One bad input: the cmdlet, the mistake (variants of one mistake share it and so share an error id), the script,
/// and the error id it must give. <see cref="Keys"/>: whether alice's keys are in the environment (some mistakes are
/// about having none).
/// </summary>
public sealed record BadInput(string Cmdlet, string Mistake, string Script, string ErrorId, bool Keys = true)
{
    /// <summary>The FullyQualifiedErrorId PowerShell shows: the id, then the cmdlet's class.</summary>
    public string FullyQualifiedErrorId => ErrorId + ",StsTools.Commands." + Cmdlet.Replace("-", "") + "Command";

    public override string ToString() => $"{Cmdlet}: {Mistake} ({Script})";
}

/// <summary>
/// The bad-input table across all cmdlets (QUALITY.md: ≥ 60 cases; each limit of FACTS §4, malformed ARNs, files that
/// are not certificates, wrong passwords, mismatched key, expired certificate, unknown region, bad profile chains, …).
/// Session variables come from <see cref="ReliabilityFixture.Begin"/>; profiles from <see cref="ConfigFile"/>.
/// </summary>
public static class BadInputTable
{
    private const string Assume = "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/ReadOnly -NoCache -EndpointUrl $ep ";
    private const string Mfa = "Get-StsMfaSession -SerialNumber arn:aws:iam::111111111111:mfa/alice -NoCache -EndpointUrl $ep ";
    private const string Ra = "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048.key @ra ";

    /// <summary>The profiles the profile cases name (written to the sandbox's config file).</summary>
    public const string ConfigFile = """
        [profile plain]
        region = us-east-1

        [profile loop-a]
        role_arn = arn:aws:iam::222222222222:role/ReadOnly
        source_profile = loop-b

        [profile loop-b]
        role_arn = arn:aws:iam::222222222222:role/ReadOnly
        source_profile = loop-a

        [profile dangling]
        role_arn = arn:aws:iam::222222222222:role/ReadOnly
        source_profile = nowhere

        [profile conflict]
        role_arn = arn:aws:iam::222222222222:role/ReadOnly
        source_profile = plain
        credential_source = Environment

        [profile nosource]
        role_arn = arn:aws:iam::222222222222:role/ReadOnly

        [profile badduration]
        role_arn = arn:aws:iam::222222222222:role/ReadOnly
        source_profile = plain
        duration_seconds = soon

        [profile badrole]
        role_arn = not-an-arn
        source_profile = plain

        [profile mfa-role]
        role_arn = arn:aws:iam::222222222222:role/Admin
        source_profile = plain
        mfa_serial = arn:aws:iam::111111111111:mfa/alice

        """;

    public const string CredentialsFile = """
        # a comment that must survive
        [plain]
        aws_access_key_id = AKIAIOSFODNN7ALICE01
        aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY

        """;

    public static IReadOnlyList<BadInput> Cases { get; } = new BadInput[]
    {
        // Invoke-StsAssumeRole: FACTS §4 limits, one per parameter, several variants where the rule has several edges.
        new("Invoke-StsAssumeRole", "malformed role ARN", "Invoke-StsAssumeRole -RoleArn not-an-arn -NoCache", "InvalidRoleArn"),
        new("Invoke-StsAssumeRole", "malformed role ARN", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::12345:role/X -NoCache", "InvalidRoleArn"),
        new("Invoke-StsAssumeRole", "malformed role ARN", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:user/alice -NoCache", "InvalidRoleArn"),
        new("Invoke-StsAssumeRole", "malformed role ARN", "Invoke-StsAssumeRole -ProfileName badrole -NoCache", "InvalidRoleArn"),
        new("Invoke-StsAssumeRole", "RoleSessionName outside 2–64 [\\w+=,.@-]", Assume + "-RoleSessionName a", "InvalidRoleSessionName"),
        new("Invoke-StsAssumeRole", "RoleSessionName outside 2–64 [\\w+=,.@-]", Assume + "-RoleSessionName 'has space'", "InvalidRoleSessionName"),
        new("Invoke-StsAssumeRole", "RoleSessionName outside 2–64 [\\w+=,.@-]", Assume + "-RoleSessionName ('x' * 65)", "InvalidRoleSessionName"),
        new("Invoke-StsAssumeRole", "ExternalId outside 2–1224 [\\w+=,.@:/-]", Assume + "-ExternalId x", "InvalidExternalId"),
        new("Invoke-StsAssumeRole", "ExternalId outside 2–1224 [\\w+=,.@:/-]", Assume + "-ExternalId 'ext#1'", "InvalidExternalId"),
        new("Invoke-StsAssumeRole", "ExternalId outside 2–1224 [\\w+=,.@:/-]", Assume + "-ExternalId ('e' * 1225)", "InvalidExternalId"),
        new("Invoke-StsAssumeRole", "SerialNumber outside 9–256", Assume + "-SerialNumber short -TokenCode 123456", "InvalidSerialNumber"),
        new("Invoke-StsAssumeRole", "TokenCode not 6 digits", Assume + "-SerialNumber arn:aws:iam::111111111111:mfa/alice -TokenCode 12345", "InvalidTokenCode"),
        new("Invoke-StsAssumeRole", "TokenCode not 6 digits", Assume + "-SerialNumber arn:aws:iam::111111111111:mfa/alice -TokenCode abcdef", "InvalidTokenCode"),
        new("Invoke-StsAssumeRole", "TokenCode without SerialNumber", Assume + "-TokenCode 123456", "TokenCodeWithoutSerialNumber"),
        new("Invoke-StsAssumeRole", "SourceIdentity starting with aws:", Assume + "-SourceIdentity aws:me", "ReservedSourceIdentity"),
        new("Invoke-StsAssumeRole", "SourceIdentity outside 2–64", Assume + "-SourceIdentity a", "InvalidSourceIdentity"),
        new("Invoke-StsAssumeRole", "session policy not JSON", Assume + "-Policy '{not json'", "InvalidPolicyJson"),
        new("Invoke-StsAssumeRole", "session policy over 2048 characters", Assume + "-Policy ('{\"a\":\"' + ('x' * 2100) + '\"}')", "PolicyTooLong"),
        new("Invoke-StsAssumeRole", "more than 10 policy ARNs", Assume + "-PolicyArn (1..11 | ForEach-Object { \"arn:aws:iam::aws:policy/P$_\" })", "TooManyPolicyArns"),
        new("Invoke-StsAssumeRole", "malformed policy ARN", Assume + "-PolicyArn not-a-policy", "InvalidPolicyArn"),
        new("Invoke-StsAssumeRole", "more than 50 tags", "$h = @{}; 1..51 | ForEach-Object { $h[\"k$_\"] = 'v' }; " + Assume + "-Tag $h", "TooManyTags"),
        new("Invoke-StsAssumeRole", "tag key outside 1–128 of the tag characters", Assume + "-Tag @{ 'bad#key' = 'v' }", "InvalidTagKey"),
        new("Invoke-StsAssumeRole", "tag key outside 1–128 of the tag characters", Assume + "-Tag @{ ('k' * 129) = 'v' }", "InvalidTagKey"),
        new("Invoke-StsAssumeRole", "tag value over 256", Assume + "-Tag @{ k = ('v' * 257) }", "InvalidTagValue"),
        new("Invoke-StsAssumeRole", "tag keys equal but for case",
            "$d = [System.Collections.Generic.Dictionary[string,string]]::new([StringComparer]::Ordinal); $d['Team'] = 'a'; $d['team'] = 'b'; " + Assume + "-Tag $d", "DuplicateTagKey"),
        new("Invoke-StsAssumeRole", "transitive key not among the tags", Assume + "-Tag @{ k = 'v' } -TransitiveTagKey other", "TransitiveTagKeyNotInTags"),
        new("Invoke-StsAssumeRole", "DurationSeconds outside 900–43200", Assume + "-DurationSeconds 899", "DurationOutOfRange"),
        new("Invoke-StsAssumeRole", "DurationSeconds outside 900–43200", Assume + "-DurationSeconds 43201", "DurationOutOfRange"),
        new("Invoke-StsAssumeRole", "chained session over 1 hour", "$chain | " + Assume + "-DurationSeconds 7200", "ChainedDurationTooLong"),
        new("Invoke-StsAssumeRole", "expired source credential", "$x | " + Assume, "SourceCredentialExpired"),
        new("Invoke-StsAssumeRole", "web identity token outside 4–20000", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/GitHubDeploy -WebIdentityToken abc -NoCache -EndpointUrl $ep", "InvalidWebIdentityToken"),
        new("Invoke-StsAssumeRole", "web identity token file missing", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/GitHubDeploy -WebIdentityTokenFile $sbx/nope.jwt -NoCache -EndpointUrl $ep", "WebIdentityTokenFileNotFound"),
        new("Invoke-StsAssumeRole", "web identity token file empty", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/GitHubDeploy -WebIdentityTokenFile $sbx/empty.jwt -NoCache -EndpointUrl $ep", "WebIdentityTokenFileEmpty"),
        new("Invoke-StsAssumeRole", "GitHub OIDC outside GitHub Actions", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/GitHubDeploy -FromGitHubActions -NoCache -EndpointUrl $ep", "GitHubActionsOidcUnavailable"),
        new("Invoke-StsAssumeRole", "Azure DevOps OIDC outside a pipeline", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/AzureDeploy -FromAzureDevOps -ServiceConnectionId 5e1f0000-0000-4000-8000-00000000c0de -NoCache -EndpointUrl $ep", "AzureDevOpsOidcUnavailable"),
        new("Invoke-StsAssumeRole", "SAML assertion outside 4–100000", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/SamlUser -SamlAssertion abc -PrincipalArn arn:aws:iam::222222222222:saml-provider/ExampleIdP -NoCache -EndpointUrl $ep", "InvalidSamlAssertion"),
        new("Invoke-StsAssumeRole", "principal ARN not a SAML provider", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/SamlUser -SamlAssertion abcdefgh -PrincipalArn arn:aws:iam::222222222222:role/x -NoCache -EndpointUrl $ep", "InvalidPrincipalArn"),
        new("Invoke-StsAssumeRole", "unknown region", Assume + "-Region xx-nowhere-1", "UnknownRegion"),
        new("Invoke-StsAssumeRole", "unknown region", Assume + "-FallbackRegion xx-bad-9", "UnknownRegion"),
        new("Invoke-StsAssumeRole", "endpoint URL not http(s)", "Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/ReadOnly -NoCache -EndpointUrl 'not a url'", "InvalidEndpointUrl"),
        new("Invoke-StsAssumeRole", "fallback region is the primary", Assume + "-Region eu-west-1 -FallbackRegion eu-west-1", "FallbackRegionIsPrimary"),
        new("Invoke-StsAssumeRole", "global endpoint outside the aws partition", "Invoke-StsAssumeRole -RoleArn arn:aws-cn:iam::222222222222:role/ReadOnly -NoCache -Region cn-north-1 -StsEndpoint Global", "GlobalEndpointNotInPartition"),
        new("Invoke-StsAssumeRole", "profile does not exist", "Invoke-StsAssumeRole -ProfileName missing -NoCache", "ProfileNotFound"),
        new("Invoke-StsAssumeRole", "profile name no file can hold", "Invoke-StsAssumeRole -ProfileName 'bad]name' -NoCache", "InvalidProfileName"),
        new("Invoke-StsAssumeRole", "profile is not a role profile", "Invoke-StsAssumeRole -ProfileName plain -NoCache", "ProfileIsNotARoleProfile"),
        new("Invoke-StsAssumeRole", "source_profile loop", "Invoke-StsAssumeRole -ProfileName loop-a -NoCache", "ProfileSourceLoop"),
        new("Invoke-StsAssumeRole", "source_profile names no profile", "Invoke-StsAssumeRole -ProfileName dangling -NoCache", "SourceProfileNotFound"),
        new("Invoke-StsAssumeRole", "source_profile and credential_source both", "Invoke-StsAssumeRole -ProfileName conflict -NoCache", "ProfileSourceConflict"),
        new("Invoke-StsAssumeRole", "role profile without a source", "Invoke-StsAssumeRole -ProfileName nosource -NoCache", "ProfileMissingSource"),
        new("Invoke-StsAssumeRole", "profile value not a number", "Invoke-StsAssumeRole -ProfileName badduration -NoCache", "InvalidProfileValue"),
        new("Invoke-StsAssumeRole", "ThrottleLimit below 1", Assume + "-ThrottleLimit 0", "ParameterArgumentValidationError"),
        new("Invoke-StsAssumeRole", "no credentials to sign with", Assume, "NoSourceCredentials", Keys: false),

        // Get-StsMfaSession
        new("Get-StsMfaSession", "SerialNumber outside 9–256", "Get-StsMfaSession -SerialNumber short -TokenCode 123456 -NoCache -EndpointUrl $ep", "InvalidSerialNumber"),
        new("Get-StsMfaSession", "TokenCode not 6 digits", Mfa + "-TokenCode 1234567", "InvalidTokenCode"),
        new("Get-StsMfaSession", "DurationSeconds outside 900–129600", Mfa + "-TokenCode 123456 -DurationSeconds 899", "SessionDurationOutOfRange"),
        new("Get-StsMfaSession", "DurationSeconds outside 900–129600", Mfa + "-TokenCode 123456 -DurationSeconds 129601", "SessionDurationOutOfRange"),
        new("Get-StsMfaSession", "session credential instead of long-term keys", "$c | " + Mfa + "-TokenCode 123456", "MfaSessionNeedsLongTermKeys"),
        new("Get-StsMfaSession", "TokenCode without SerialNumber", "Get-StsMfaSession -TokenCode 123456 -NoCache -EndpointUrl $ep", "TokenCodeWithoutSerialNumber"),
        new("Get-StsMfaSession", "unknown region", Mfa + "-TokenCode 123456 -Region xx-nowhere-1", "UnknownRegion"),
        new("Get-StsMfaSession", "endpoint URL not http(s)", "Get-StsMfaSession -SerialNumber arn:aws:iam::111111111111:mfa/alice -TokenCode 123456 -NoCache -EndpointUrl 'ftp:/x'", "InvalidEndpointUrl"),
        new("Get-StsMfaSession", "profile does not exist", "Get-StsMfaSession -ProfileName missing -TokenCode 123456 -NoCache -EndpointUrl $ep", "ProfileNotFound"),
        new("Get-StsMfaSession", "profile name no file can hold", "Get-StsMfaSession -ProfileName \"two`nlines\" -TokenCode 123456 -NoCache -EndpointUrl $ep", "InvalidProfileName"),
        new("Get-StsMfaSession", "no credentials to sign with", Mfa + "-TokenCode 123456", "NoSourceCredentials", Keys: false),

        // Set-StsEnvironment, Clear-StsEnvironment, Use-StsCredential
        new("Set-StsEnvironment", "expired credential", "$x | Set-StsEnvironment", "ExpiredCredential"),
        new("Set-StsEnvironment", "expired credential", "$x | Set-StsEnvironment -Target Profile -ProfileName p1", "ExpiredCredential"),
        new("Set-StsEnvironment", "Profile target without a name", "$c | Set-StsEnvironment -Target Profile", "MissingProfileName"),
        new("Set-StsEnvironment", "ProfileName with another target", "$c | Set-StsEnvironment -Target Process -ProfileName p1", "ProfileNameRequiresProfileTarget"),
        new("Set-StsEnvironment", "Format with another target", "$c | Set-StsEnvironment -Target Process -Format Bash", "FormatRequiresScriptTarget"),
        new("Set-StsEnvironment", "GitHubActions target outside GitHub Actions", "$c | Set-StsEnvironment -Target GitHubActions", "GitHubEnvNotSet"),
        new("Set-StsEnvironment", "invalid profile name", "$c | Set-StsEnvironment -Target Profile -ProfileName 'a]b'", "InvalidProfileName"),
        new("Set-StsEnvironment", "input is not a credential", "'hello' | Set-StsEnvironment", "UnrecognizedCredentialObject"),
        new("Clear-StsEnvironment", "Profile target without a name", "Clear-StsEnvironment -Target Profile", "MissingProfileName"),
        new("Clear-StsEnvironment", "invalid profile name", "Clear-StsEnvironment -Target Profile -ProfileName 'a]b'", "InvalidProfileName"),
        new("Use-StsCredential", "expired credential", "Use-StsCredential -Credential $x -ScriptBlock { 'ran' }", "ExpiredCredential"),

        // ConvertTo-StsCredential
        new("ConvertTo-StsCredential", "malformed access key id", "ConvertTo-StsCredential -AccessKeyId bad -SecretAccessKey s", "InvalidAccessKeyId"),
        new("ConvertTo-StsCredential", "input is not a credential", "[pscustomobject]@{ Foo = 1 } | ConvertTo-StsCredential", "UnrecognizedCredentialObject"),
        new("ConvertTo-StsCredential", "expiration not a date",
            "[pscustomobject]@{ AccessKeyId = 'ASIAIOSFODNN7EXAMPLE'; SecretAccessKey = 's'; SessionToken = 't'; Expiration = 'someday' } | ConvertTo-StsCredential", "InvalidExpiration"),
        new("ConvertTo-StsCredential", "no credentials in the environment", "ConvertTo-StsCredential -FromEnvironment", "NoCredentialsInEnvironment", Keys: false),
        new("ConvertTo-StsCredential", "unknown region", "ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey s -Region xx-nowhere-1", "UnknownRegion"),

        // Get-StsRegion, Get-/Set-StsTokenVersion, Test-StsRegionCompatibility
        new("Get-StsRegion", "unknown region", "Get-StsRegion -Name xx-nowhere-1", "UnknownRegion"),
        new("Get-StsRegion", "endpoint URL not http(s)", "Get-StsRegion -Live -Credential $c -EndpointUrl 'not a url'", "InvalidEndpointUrl"),
        new("Get-StsRegion", "expired credential", "Get-StsRegion -Live -Credential $x -EndpointUrl $ep", "ExpiredCredential"),
        new("Get-StsTokenVersion", "endpoint URL not http(s)", "Get-StsTokenVersion -Credential $c -EndpointUrl 'not a url'", "InvalidEndpointUrl"),
        new("Get-StsTokenVersion", "expired credential", "Get-StsTokenVersion -Credential $x -EndpointUrl $ep", "ExpiredCredential"),
        new("Get-StsTokenVersion", "no credentials to call with", "Get-StsTokenVersion -EndpointUrl $ep", "NoCallerCredentials", Keys: false),
        new("Set-StsTokenVersion", "not a token version", "Set-StsTokenVersion -Version V3Token -Credential $c -EndpointUrl $ep -Confirm:$false", "InvalidTokenVersion"),
        new("Set-StsTokenVersion", "endpoint URL not http(s)", "Set-StsTokenVersion -Version V2Token -Credential $c -EndpointUrl 'not a url' -Confirm:$false", "InvalidEndpointUrl"),
        new("Set-StsTokenVersion", "expired credential", "Set-StsTokenVersion -Version V2Token -Credential $x -EndpointUrl $ep -Confirm:$false", "ExpiredCredential"),
        new("Test-StsRegionCompatibility", "unknown region", "$c | Test-StsRegionCompatibility -Region xx-nowhere-1 -EndpointUrl $ep", "UnknownRegion"),
        new("Test-StsRegionCompatibility", "endpoint URL not http(s)", "$c | Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl 'not a url'", "InvalidEndpointUrl"),
        new("Test-StsRegionCompatibility", "no credentials to test", "Test-StsRegionCompatibility -Region me-south-1 -EndpointUrl $ep", "NoCallerCredentials", Keys: false),
        new("Get-StsTokenVersion", "profile does not exist", "Get-StsTokenVersion -ProfileName missing -EndpointUrl $ep", "ProfileNotFound"),
        new("Get-StsTokenVersion", "profile does not exist", "$env:AWS_PROFILE = 'missing'; try { Get-StsTokenVersion -EndpointUrl $ep } finally { $env:AWS_PROFILE = $null }", "ProfileNotFound", Keys: false),
        new("Get-StsTokenVersion", "profile name no file can hold", "Get-StsTokenVersion -ProfileName 'bad]name' -EndpointUrl $ep", "InvalidProfileName"),
        new("Get-StsTokenVersion", "credential and profile both", "Get-StsTokenVersion -Credential $c -ProfileName plain -EndpointUrl $ep", "CredentialWithProfileName"),
        new("Invoke-StsAssumeRole", "piped credential and profile both", "$c | Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/ReadOnly -ProfileName plain -EndpointUrl $ep -NoCache", "CredentialWithProfileName"),
        new("Get-StsMfaSession", "credential and profile both", "Get-StsMfaSession -SerialNumber arn:aws:iam::111111111111:mfa/alice -TokenCode 123456 -Credential $lt -ProfileName plain -EndpointUrl $ep -NoCache", "CredentialWithProfileName"),
        new("Get-StsTokenVersion", "source_profile loop", "Get-StsTokenVersion -ProfileName loop-a -EndpointUrl $ep", "ProfileSourceLoop"),
        new("Set-StsTokenVersion", "profile does not exist", "Set-StsTokenVersion -Version V2Token -ProfileName missing -EndpointUrl $ep -Confirm:$false", "ProfileNotFound"),
        new("Set-StsTokenVersion", "profile name no file can hold", "Set-StsTokenVersion -Version V2Token -ProfileName 'a]b' -EndpointUrl $ep -Confirm:$false", "InvalidProfileName"),
        new("Set-StsTokenVersion", "credential and profile both", "Set-StsTokenVersion -Version V2Token -Credential $c -ProfileName plain -EndpointUrl $ep -WhatIf", "CredentialWithProfileName"),
        new("Get-StsRegion", "profile does not exist", "Get-StsRegion -Live -ProfileName missing -EndpointUrl $ep", "ProfileNotFound"),
        new("Get-StsRegion", "profile name no file can hold", "Get-StsRegion -Live -ProfileName \"two`nlines\" -EndpointUrl $ep", "InvalidProfileName"),
        new("Test-StsRegionCompatibility", "profile does not exist", "Test-StsRegionCompatibility -ProfileName missing -Region me-south-1 -EndpointUrl $ep", "ProfileNotFound"),
        new("Test-StsRegionCompatibility", "profile name no file can hold", "Test-StsRegionCompatibility -ProfileName '[x' -Region me-south-1 -EndpointUrl $ep", "InvalidProfileName"),
        new("Test-StsRegionCompatibility", "credential and profile both", "$c | Test-StsRegionCompatibility -ProfileName plain -Region me-south-1 -EndpointUrl $ep", "CredentialWithProfileName"),
        new("Test-StsRegionCompatibility", "role profile with mfa_serial, no prompt", "Test-StsRegionCompatibility -ProfileName mfa-role -Region me-south-1 -EndpointUrl $ep", "TokenCodeRequired"),

        // New-RolesAnywhereSession: ARNs, files, keys, certificates.
        new("New-RolesAnywhereSession", "malformed trust anchor ARN", Ra + "-TrustAnchorArn arn:aws:rolesanywhere:us-east-1:222222222222:bad", "InvalidTrustAnchorArn"),
        new("New-RolesAnywhereSession", "malformed profile ARN", Ra + "-ProfileArn nope", "InvalidProfileArn"),
        new("New-RolesAnywhereSession", "malformed role ARN", Ra + "-RoleArn nope", "InvalidRoleArn"),
        new("New-RolesAnywhereSession", "profile and trust anchor in different regions",
            Ra + "-ProfileArn arn:aws:rolesanywhere:eu-west-1:222222222222:profile/0a1b2c3d-0000-4000-8000-000000000002", "RolesAnywhereRegionMismatch"),
        new("New-RolesAnywhereSession", "unknown region", Ra + "-Region xx-nowhere-1", "UnknownRegion"),
        new("New-RolesAnywhereSession", "endpoint URL not http(s)", Ra + "-EndpointUrl 'not a url'", "InvalidEndpointUrl"),
        new("New-RolesAnywhereSession", "file is not a certificate", "New-RolesAnywhereSession -CertificatePath $sbx/notcert.pem -PrivateKeyPath $pki/leaf-rsa2048.key @ra", "InvalidCertificateFile"),
        new("New-RolesAnywhereSession", "file is not a certificate",
            "New-RolesAnywhereSession -CertificatePath $pki/leaf-via-intermediate.pem -PrivateKeyPath $pki/leaf-via-intermediate.key -IntermediateCertificatePath $sbx/notcert.pem @ra", "InvalidCertificateFile"),
        new("New-RolesAnywhereSession", "certificate file missing", "New-RolesAnywhereSession -CertificatePath $sbx/nope.pem -PrivateKeyPath $pki/leaf-rsa2048.key @ra", "CertificateFileNotFound"),
        new("New-RolesAnywhereSession", "file is not a private key", "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048.pem @ra", "InvalidPrivateKeyFile"),
        new("New-RolesAnywhereSession", "wrong private key password",
            "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048-encrypted.key -PrivateKeyPassword $badpw @ra", "WrongPrivateKeyPassword"),
        new("New-RolesAnywhereSession", "encrypted key without a password",
            "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-rsa2048-encrypted.key @ra", "PrivateKeyPasswordRequired"),
        new("New-RolesAnywhereSession", "key does not match the certificate", "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-p256.key @ra", "PrivateKeyMismatch"),
        new("New-RolesAnywhereSession", "key does not match the certificate", "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa2048.pem -PrivateKeyPath $pki/leaf-expired.key @ra", "PrivateKeyMismatch"),
        new("New-RolesAnywhereSession", "expired certificate", "New-RolesAnywhereSession -CertificatePath $pki/leaf-expired.pem -PrivateKeyPath $pki/leaf-expired.key @ra", "CertificateExpired"),
        new("New-RolesAnywhereSession", "certificate not yet valid", "New-RolesAnywhereSession -CertificatePath $pki/leaf-not-yet-valid.pem -PrivateKeyPath $pki/leaf-not-yet-valid.key @ra", "CertificateNotYetValid"),
        new("New-RolesAnywhereSession", "RSA key under 2048 bits", "New-RolesAnywhereSession -CertificatePath $pki/leaf-rsa1024.pem -PrivateKeyPath $pki/leaf-rsa1024.key @ra", "RsaKeyTooSmall"),
        new("New-RolesAnywhereSession", "DSA key", "New-RolesAnywhereSession -CertificatePath $pki/leaf-dsa.pem -PrivateKeyPath $pki/dsa.key @ra", "UnsupportedKeyAlgorithm"),
        new("New-RolesAnywhereSession", "wrong PKCS#12 password", "New-RolesAnywhereSession -Pkcs12Path $pki/leaf-rsa2048.p12 -Password $badpw @ra", "WrongPkcs12Password"),
        new("New-RolesAnywhereSession", "file is not PKCS#12", "New-RolesAnywhereSession -Pkcs12Path $pki/leaf-rsa2048.pem -Password $pw @ra", "InvalidPkcs12File"),
        new("New-RolesAnywhereSession", "malformed thumbprint", "New-RolesAnywhereSession -Thumbprint xyz @ra", "InvalidThumbprint"),
        new("New-RolesAnywhereSession", "thumbprint not in the store", "New-RolesAnywhereSession -Thumbprint ('AB' * 20) @ra", "CertificateNotInStore"),
        new("New-RolesAnywhereSession", "DurationSeconds outside 900–43200", Ra + "-DurationSeconds 43201", "DurationOutOfRange"),
        new("New-RolesAnywhereSession", "DurationSeconds outside 900–43200", Ra + "-DurationSeconds 600", "DurationOutOfRange"),
        new("New-RolesAnywhereSession", "RoleSessionName outside 2–64 [\\w+=,.@-]", Ra + "-RoleSessionName 'has space'", "InvalidRoleSessionName"),
    };
}
