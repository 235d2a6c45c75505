#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-StsTokenVersion: the account's GlobalEndpointTokenVersion from IAM GetAccountSummary.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
}

Describe 'Get-StsTokenVersion' {
    It 'declares StsTokenVersionSetting as its output type' {
        (Get-Command Get-StsTokenVersion).OutputType.Name | Should -Contain 'StsTools.StsTokenVersionSetting'
    }

    It 'reads V1Token in the default world' {
        (Get-AliceCredential | Get-StsTokenVersion -EndpointUrl $script:Emulator.Template).GlobalEndpointTokenVersion | Should -Be 'V1Token'
    }

    It 'refuses a malformed endpoint URL before any call' {
        { Get-StsTokenVersion -Credential (Get-AliceCredential) -EndpointUrl 'not a url' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidEndpointUrl,StsTools.Commands.GetStsTokenVersionCommand'
    }

    It 'refuses a profile name no file can hold with InvalidProfileName' {
        { Get-StsTokenVersion -ProfileName 'bad]name' -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidProfileName,StsTools.Commands.GetStsTokenVersionCommand'
    }

    It 'refuses -ProfileName with -Credential' {
        { Get-StsTokenVersion -Credential (Get-AliceCredential) -ProfileName alice -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'CredentialWithProfileName,StsTools.Commands.GetStsTokenVersionCommand'
    }
}

Describe 'Get-StsTokenVersion with profiles' {
    BeforeEach { $script:Sandbox = New-ProfileSandbox }
    AfterEach { Restore-ProfileSandbox $script:Sandbox }

    It 'reads with a profile''s keys' {
        (Get-StsTokenVersion -ProfileName alice -EndpointUrl $script:Emulator.Template).AccountId | Should -Be '111111111111'
    }

    It 'reads the account of a role profile''s role' {
        (Get-StsTokenVersion -ProfileName ro -EndpointUrl $script:Emulator.Template).AccountId | Should -Be '222222222222'
    }

    It 'uses AWS_PROFILE without -ProfileName' {
        $env:AWS_PROFILE = 'ro'
        (Get-StsTokenVersion -EndpointUrl $script:Emulator.Template).AccountId | Should -Be '222222222222'
    }

    It 'reports a missing profile with ProfileNotFound' {
        { Get-StsTokenVersion -ProfileName missing -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,StsTools.Commands.GetStsTokenVersionCommand'
    }

    It 'says when there are no credentials' {
        Set-Content -Path $env:AWS_CONFIG_FILE -Value ''
        Set-Content -Path $env:AWS_SHARED_CREDENTIALS_FILE -Value ''
        { Get-StsTokenVersion -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoCallerCredentials,StsTools.Commands.GetStsTokenVersionCommand'
    }
}
