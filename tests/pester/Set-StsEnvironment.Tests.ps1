#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Set-StsEnvironment: contract, every target's effect, bad input. Needs no emulator: the credential is built
# with ConvertTo-StsCredential, and the targets only move it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    $script:Names = 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CREDENTIAL_EXPIRATION',
        'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'GITHUB_ENV', 'GITHUB_ACTIONS', 'TF_BUILD'
    $script:Saved = @{}
    foreach ($n in $script:Names) { $script:Saved[$n] = [Environment]::GetEnvironmentVariable($n) }
    $script:Secret = "wJalr/K7+MDENG'bPx`"RfiCY`$EXAMPLEKEY"
    $script:Token = 'IQoJb3JpZ2luX2VjE;]%AZP25EXAMPLETOKEN'
    function New-TestCredential {
        ConvertTo-StsCredential -AccessKeyId 'ASIAIOSFODNN7EXAMPLE' -SecretAccessKey $script:Secret -SessionToken $script:Token `
            -Expiration ([datetime]'2099-01-02T03:04:05Z').ToUniversalTime() -Region 'eu-west-1'
    }
}

AfterAll {
    foreach ($n in $script:Names) { [Environment]::SetEnvironmentVariable($n, $script:Saved[$n]) }
}

BeforeEach {
    foreach ($n in $script:Names) { [Environment]::SetEnvironmentVariable($n, $null) }
}

Describe 'Set-StsEnvironment contract' {
    It 'declares its output types' {
        $types = (Get-Command Set-StsEnvironment).OutputType.Name
        $types | Should -Contain 'StsTools.StsCredential'
        $types | Should -Contain 'System.String'
    }

    It 'supports -WhatIf and -Confirm' {
        (Get-Command Set-StsEnvironment).Parameters.Keys | Should -Contain 'WhatIf'
        (Get-Command Set-StsEnvironment).Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'offers every target and format' {
        [Enum]::GetNames([StsTools.StsEnvironmentTarget]) | Should -Be @('Process', 'Profile', 'GitHubActions', 'AzureDevOps', 'Auto', 'Script')
        [Enum]::GetNames([StsTools.StsScriptFormat]) | Should -Be @('Pwsh', 'Bash', 'Cmd', 'Fish', 'Dotenv', 'CredentialProcess', 'Json')
    }
}

Describe 'Set-StsEnvironment targets' {
    It 'Process sets the AWS variables' {
        New-TestCredential | Set-StsEnvironment
        $env:AWS_ACCESS_KEY_ID | Should -Be 'ASIAIOSFODNN7EXAMPLE'
        $env:AWS_SECRET_ACCESS_KEY | Should -BeExactly $script:Secret
        $env:AWS_SESSION_TOKEN | Should -BeExactly $script:Token
        $env:AWS_CREDENTIAL_EXPIRATION | Should -Be '2099-01-02T03:04:05Z'
        $env:AWS_REGION | Should -Be 'eu-west-1'
        $env:AWS_DEFAULT_REGION | Should -Be 'eu-west-1'
    }

    It '-WhatIf changes nothing' {
        New-TestCredential | Set-StsEnvironment -WhatIf
        $env:AWS_ACCESS_KEY_ID | Should -BeNullOrEmpty
    }

    It '-PassThru passes the credential on' {
        $c = New-TestCredential
        ($c | Set-StsEnvironment -PassThru).AccessKeyId | Should -Be 'ASIAIOSFODNN7EXAMPLE'
    }

    It 'warns about AWS_PROFILE and -ClearProfile removes it' {
        $env:AWS_PROFILE = 'dev'
        New-TestCredential | Set-StsEnvironment -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -Not -BeNullOrEmpty
        New-TestCredential | Set-StsEnvironment -ClearProfile
        $env:AWS_PROFILE | Should -BeNullOrEmpty
    }

    It 'Profile writes the profile, keeps the rest of the file and makes it private' {
        $file = Join-Path $TestDrive 'credentials'
        $odd = "# mine`r`n[other]`r`naws_access_key_id = AKIAOTHER0000000`r`n"
        [IO.File]::WriteAllText($file, $odd)
        $env:AWS_SHARED_CREDENTIALS_FILE = $file
        New-TestCredential | Set-StsEnvironment -Target Profile -ProfileName ci
        $text = [IO.File]::ReadAllText($file)
        $text.StartsWith($odd) | Should -BeTrue
        $text | Should -Match '\[ci\]'
        $text | Should -Match 'x_security_token_expires = 2099-01-02T03:04:05Z'
        if (-not $IsWindows) { [IO.File]::GetUnixFileMode($file) | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'GitHubActions masks, then appends heredoc blocks to GITHUB_ENV' {
        $env:GITHUB_ENV = Join-Path $TestDrive 'github_env'
        [IO.File]::WriteAllText($env:GITHUB_ENV, '')
        $lines = New-TestCredential | Set-StsEnvironment -Target GitHubActions 6>&1 | ForEach-Object { "$_" }
        $lines[0] | Should -Be '::add-mask::ASIAIOSFODNN7EXAMPLE'
        $lines[1] | Should -BeExactly "::add-mask::$script:Secret"
        $text = [IO.File]::ReadAllText($env:GITHUB_ENV)
        $text | Should -Match '(?m)^AWS_SECRET_ACCESS_KEY<<ghadelimiter_[0-9a-f-]{36}$'
        $text | Should -Not -Match "`r"
    }

    It 'AzureDevOps escapes values as the agent expects' {
        $lines = New-TestCredential | Set-StsEnvironment -Target AzureDevOps 6>&1 | ForEach-Object { "$_" }
        $lines | Should -Contain '##vso[task.setsecret]IQoJb3JpZ2luX2VjE%3B%5D%AZP25AZP25EXAMPLETOKEN'
        $lines | Should -Contain '##vso[task.setvariable variable=AWS_SESSION_TOKEN;issecret=true]IQoJb3JpZ2luX2VjE%3B%5D%AZP25AZP25EXAMPLETOKEN'
        $lines | Should -Contain '##vso[task.setvariable variable=AWS_REGION]eu-west-1'
    }

    It 'Script -Format <Format> writes text and changes nothing' -TestCases @(
        @{ Format = 'Pwsh'; Pattern = "^\`$env:AWS_ACCESS_KEY_ID = 'ASIAIOSFODNN7EXAMPLE'" }
        @{ Format = 'Bash'; Pattern = "^export AWS_ACCESS_KEY_ID='ASIAIOSFODNN7EXAMPLE'" }
        @{ Format = 'Fish'; Pattern = "^set -gx AWS_ACCESS_KEY_ID 'ASIAIOSFODNN7EXAMPLE'" }
        @{ Format = 'Dotenv'; Pattern = '^AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE' }
        @{ Format = 'CredentialProcess'; Pattern = '^\{"Version":1,"AccessKeyId":"ASIAIOSFODNN7EXAMPLE"' }
        @{ Format = 'Json'; Pattern = '^\{"AccessKeyId":"ASIAIOSFODNN7EXAMPLE"' }
    ) {
        param($Format, $Pattern)
        $text = New-TestCredential | Set-StsEnvironment -Format $Format
        $text | Should -Match $Pattern
        $env:AWS_ACCESS_KEY_ID | Should -BeNullOrEmpty
    }

    It 'the Pwsh script sets the values when run' {
        $script = New-TestCredential | Set-StsEnvironment -Format Pwsh
        Invoke-Expression $script
        $env:AWS_SECRET_ACCESS_KEY | Should -BeExactly $script:Secret
    }
}

Describe 'Set-StsEnvironment bad input' {
    It '<Case> fails with <ErrorId>' -TestCases @(
        @{ Case = 'an expired credential'; ErrorId = 'ExpiredCredential'; Script = { $c = New-TestCredential; $c.Expiration = [datetime]::UtcNow.AddMinutes(-1); $c | Set-StsEnvironment -ErrorAction Stop } }
        @{ Case = 'Profile without a name'; ErrorId = 'MissingProfileName'; Script = { New-TestCredential | Set-StsEnvironment -Target Profile -ErrorAction Stop } }
        @{ Case = 'an invalid profile name'; ErrorId = 'InvalidProfileName'; Script = { New-TestCredential | Set-StsEnvironment -ProfileName 'a b' -ErrorAction Stop } }
        @{ Case = 'an unwritable credentials file'; ErrorId = 'CredentialsFileNotWritable'; Script = { $env:AWS_SHARED_CREDENTIALS_FILE = $TestDrive; New-TestCredential | Set-StsEnvironment -ProfileName ci -ErrorAction Stop } }
        @{ Case = 'GitHubActions without GITHUB_ENV'; ErrorId = 'GitHubEnvNotSet'; Script = { New-TestCredential | Set-StsEnvironment -Target GitHubActions -ErrorAction Stop } }
        @{ Case = '-Format with another target'; ErrorId = 'FormatRequiresScriptTarget'; Script = { New-TestCredential | Set-StsEnvironment -Target Process -Format Bash -ErrorAction Stop } }
    ) {
        param($Case, $ErrorId, $Script)
        $Script | Should -Throw -ErrorId "$ErrorId,StsTools.Commands.SetStsEnvironmentCommand"
        $env:AWS_ACCESS_KEY_ID | Should -BeNullOrEmpty
    }

    It 'a -Format that does not exist is refused by parameter binding' {
        { New-TestCredential | Set-StsEnvironment -Format Zsh -ErrorAction Stop } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,StsTools.Commands.SetStsEnvironmentCommand'
    }
}
