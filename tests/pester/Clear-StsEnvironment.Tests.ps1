#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Clear-StsEnvironment: undoes Set-StsEnvironment's Process and Profile targets.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    $script:SavedKey = $env:AWS_ACCESS_KEY_ID
    $script:SavedFile = $env:AWS_SHARED_CREDENTIALS_FILE
    function New-TestCredential {
        ConvertTo-StsCredential -AccessKeyId 'ASIAIOSFODNN7EXAMPLE' -SecretAccessKey 'secret' -SessionToken 'IQoJtoken' -Expiration ([datetime]::UtcNow.AddHours(1))
    }
}

AfterAll {
    $env:AWS_ACCESS_KEY_ID = $script:SavedKey
    $env:AWS_SHARED_CREDENTIALS_FILE = $script:SavedFile
}

Describe 'Clear-StsEnvironment' {
    It 'declares no output and supports -WhatIf' {
        (Get-Command Clear-StsEnvironment).Parameters.Keys | Should -Contain 'WhatIf'
    }

    It 'removes the variables Set-StsEnvironment wrote; -WhatIf keeps them' {
        New-TestCredential | Set-StsEnvironment
        Clear-StsEnvironment -WhatIf
        $env:AWS_ACCESS_KEY_ID | Should -Be 'ASIAIOSFODNN7EXAMPLE'
        Clear-StsEnvironment
        $env:AWS_ACCESS_KEY_ID | Should -BeNullOrEmpty
        $env:AWS_SESSION_TOKEN | Should -BeNullOrEmpty
    }

    It 'removes a profile and keeps the rest of the file' {
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'credentials'
        [IO.File]::WriteAllText($env:AWS_SHARED_CREDENTIALS_FILE, "# mine`n[other]`nk = v`n")
        New-TestCredential | Set-StsEnvironment -ProfileName ci
        Clear-StsEnvironment -ProfileName ci
        [IO.File]::ReadAllText($env:AWS_SHARED_CREDENTIALS_FILE) | Should -BeExactly "# mine`n[other]`nk = v`n"
    }

    It 'refuses <Case> with <ErrorId>' -TestCases @(
        @{ Case = 'Profile without a name'; ErrorId = 'MissingProfileName'; Script = { Clear-StsEnvironment -Target Profile -ErrorAction Stop } }
        @{ Case = 'an invalid profile name'; ErrorId = 'InvalidProfileName'; Script = { Clear-StsEnvironment -ProfileName '[x]' -ErrorAction Stop } }
    ) {
        param($Case, $ErrorId, $Script)
        $Script | Should -Throw -ErrorId "$ErrorId,StsTools.Commands.ClearStsEnvironmentCommand"
    }
}
