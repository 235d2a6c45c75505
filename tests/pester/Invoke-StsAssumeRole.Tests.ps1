#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Invoke-StsAssumeRole: contract, bad input with error ids, and the main scenarios against the emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
    $script:Home = Join-Path ([System.IO.Path]::GetTempPath()) ("ststools-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path (Join-Path $script:Home '.aws') -Force | Out-Null
    $script:Saved = @{}
    foreach ($name in 'HOME', 'USERPROFILE', 'STSTOOLS_CACHE_DIR', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL_STS', 'AWS_PROFILE') {
        $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $env:HOME = $script:Home
    $env:USERPROFILE = $script:Home
    $env:STSTOOLS_CACHE_DIR = Join-Path $script:Home 'cache'
    $env:AWS_CONFIG_FILE = Join-Path $script:Home '.aws/config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $script:Home '.aws/credentials'
    $env:AWS_ENDPOINT_URL_STS = $script:Emulator.Template
    $env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7ALICE01'
    $env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY'
    $script:ReadOnly = 'arn:aws:iam::222222222222:role/ReadOnly'
    $script:Id = ',StsTools.Commands.InvokeStsAssumeRoleCommand'
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
    foreach ($name in $script:Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
    Remove-Item -LiteralPath $script:Home -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-StsAssumeRole contract' {
    It 'declares StsCredential as its output type' {
        (Get-Command Invoke-StsAssumeRole).OutputType.Name | Should -Contain 'StsTools.StsCredential'
    }

    It 'has the IAM, web identity and SAML parameter sets' {
        $sets = (Get-Command Invoke-StsAssumeRole).ParameterSets.Name
        foreach ($set in 'Iam', 'WebIdentityToken', 'WebIdentityTokenFile', 'GitHubActions', 'AzureDevOps', 'Saml') { $sets | Should -Contain $set }
    }

    It 'refuses <Case> with <ErrorId> before any call' -ForEach @(
        @{ Case = 'a malformed ARN'; Arguments = @{ RoleArn = 'not-an-arn' }; ErrorId = 'InvalidRoleArn' }
        @{ Case = 'a duration out of range'; Arguments = @{ RoleArn = 'arn:aws:iam::222222222222:role/ReadOnly'; DurationSeconds = 899 }; ErrorId = 'DurationOutOfRange' }
        @{ Case = 'a 5-digit token code'; Arguments = @{ RoleArn = 'arn:aws:iam::222222222222:role/ReadOnly'; SerialNumber = 'arn:aws:iam::111111111111:mfa/alice'; TokenCode = '12345' }; ErrorId = 'InvalidTokenCode' }
        @{ Case = 'a session name with spaces'; Arguments = @{ RoleArn = 'arn:aws:iam::222222222222:role/ReadOnly'; RoleSessionName = 'has space' }; ErrorId = 'InvalidRoleSessionName' }
        @{ Case = 'a missing token file'; Arguments = @{ RoleArn = 'arn:aws:iam::222222222222:role/ReadOnly'; WebIdentityTokenFile = '/no/such/file' }; ErrorId = 'WebIdentityTokenFileNotFound' }
        @{ Case = 'a policy that is not JSON'; Arguments = @{ RoleArn = 'arn:aws:iam::222222222222:role/ReadOnly'; Policy = 'not json' }; ErrorId = 'InvalidPolicyJson' }
        @{ Case = '-Credential with -ProfileName'; Arguments = @{ RoleArn = 'arn:aws:iam::222222222222:role/ReadOnly'; ProfileName = 'any'; Credential = (ConvertTo-StsCredential -AccessKeyId AKIAIOSFODNN7EXAMPLE -SecretAccessKey s) }; ErrorId = 'CredentialWithProfileName' }
    ) {
        { Invoke-StsAssumeRole @Arguments -NoCache -ErrorAction Stop } | Should -Throw -ErrorId ($ErrorId + $script:Id)
    }

    It 'refuses a chained duration over 3600 up front' {
        $chained = ConvertTo-StsCredential -AccessKeyId ASIAIOSFODNN7EXAMPLE -SecretAccessKey s -SessionToken t -Expiration ([datetime]::UtcNow.AddHours(1))
        $chained.Arn = 'arn:aws:sts::222222222222:assumed-role/ReadOnly/x'
        { $chained | Invoke-StsAssumeRole -RoleArn $script:ReadOnly -DurationSeconds 7200 -ErrorAction Stop } |
            Should -Throw -ErrorId ('ChainedDurationTooLong' + $script:Id)
    }
}

Describe 'Invoke-StsAssumeRole against the emulator' {
    It 'assumes a role on the regional endpoint by default' {
        $c = Invoke-StsAssumeRole -RoleArn $script:ReadOnly -RoleSessionName pester -Region eu-west-1 -NoCache
        $c.Arn | Should -Be 'arn:aws:sts::222222222222:assumed-role/ReadOnly/pester'
        $c.IssuedBy | Should -Be 'eu-west-1'
        $c.TokenVersion | Should -Be 'V2'
        $c.Source | Should -Be 'AssumeRole'
    }

    It 'uses the global endpoint on request (a v1 token under the default world)' {
        $c = Invoke-StsAssumeRole -RoleArn $script:ReadOnly -StsEndpoint Global -NoCache
        $c.IssuedBy | Should -Be 'global'
        $c.TokenVersion | Should -Be 'V1'
    }

    It 'checks the external id' {
        { Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/Deploy -ExternalId wrong-id -NoCache -ErrorAction Stop } |
            Should -Throw -ErrorId ('AwsAccessDenied' + $script:Id)
        (Invoke-StsAssumeRole -RoleArn arn:aws:iam::222222222222:role/Deploy -ExternalId ext-4242 -NoCache).Arn |
            Should -BeLike '*assumed-role/Deploy/*'
    }

    It 'returns the cached credentials for an identical request' {
        $first = Invoke-StsAssumeRole -RoleArn $script:ReadOnly -RoleSessionName cached
        $second = Invoke-StsAssumeRole -RoleArn $script:ReadOnly -RoleSessionName cached -Verbose 4>&1
        ($second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -BeLike '*Cache hit*'
        ($second | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).AccessKeyId | Should -Be $first.AccessKeyId
    }

    It 'assumes many piped roles concurrently, reporting the bad one and returning the rest' {
        $roles = @($script:ReadOnly, 'arn:aws:iam::222222222222:role/DoesNotExist', $script:ReadOnly) |
            ForEach-Object -Begin { $i = 0 } -Process { [pscustomobject]@{ RoleArn = $_; RoleSessionName = "many-$((++$i))" } }
        $result = $roles | Invoke-StsAssumeRole -ThrottleLimit 2 -NoCache -ErrorVariable failures -ErrorAction SilentlyContinue
        @($result).Count | Should -Be 2
        @($failures).Count | Should -Be 1
    }

    It 'fails over to the fallback region when the primary is down' {
        Invoke-RestMethod -Method Put -Uri ($script:Emulator.BaseUrl + '_emulator/faults/eu-west-1') -ContentType 'application/json' -Body '{"down":true}' | Out-Null
        try {
            (Invoke-StsAssumeRole -RoleArn $script:ReadOnly -Region eu-west-1 -FallbackRegion eu-central-1 -NoCache).IssuedBy | Should -Be 'eu-central-1'
        }
        finally {
            Invoke-RestMethod -Method Delete -Uri ($script:Emulator.BaseUrl + '_emulator/faults') | Out-Null
        }
    }

    It 'gets credentials with a web identity token and shows iss/aud/sub when it is rejected' {
        $token = (Invoke-RestMethod -Method Post -Uri ($script:Emulator.BaseUrl + '_emulator/oidc/github/token') -ContentType 'application/json' -Body '{"audience":"sts.amazonaws.com"}').token
        (Invoke-StsAssumeRole -WebIdentityToken $token -RoleArn arn:aws:iam::222222222222:role/GitHubDeploy -RoleSessionName gh).Arn |
            Should -Be 'arn:aws:sts::222222222222:assumed-role/GitHubDeploy/gh'
        $wrong = (Invoke-RestMethod -Method Post -Uri ($script:Emulator.BaseUrl + '_emulator/oidc/github/token') -ContentType 'application/json' -Body '{"audience":"wrong"}').token
        Invoke-StsAssumeRole -WebIdentityToken $wrong -RoleArn arn:aws:iam::222222222222:role/GitHubDeploy -ErrorVariable rejected -ErrorAction SilentlyContinue
        $rejected[0].ErrorDetails.Message | Should -BeLike '*aud=wrong*'
        $rejected[0].ErrorDetails.Message | Should -Not -BeLike "*$wrong*"
    }
}
