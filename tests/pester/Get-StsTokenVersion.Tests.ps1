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
        (Get-AliceCredential | Get-StsTokenVersion -EndpointUrl $script:Emulator.Template).Version | Should -Be 'V1Token'
    }

    It 'refuses a malformed endpoint URL before any call' {
        { Get-StsTokenVersion -Credential (Get-AliceCredential) -EndpointUrl 'not a url' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidEndpointUrl,StsTools.Commands.GetStsTokenVersionCommand'
    }

    It 'says when there are no credentials' {
        $saved = $env:AWS_ACCESS_KEY_ID
        try {
            Remove-Item Env:AWS_ACCESS_KEY_ID -ErrorAction SilentlyContinue
            { Get-StsTokenVersion -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
                Should -Throw -ErrorId 'NoCallerCredentials,StsTools.Commands.GetStsTokenVersionCommand'
        }
        finally {
            $env:AWS_ACCESS_KEY_ID = $saved
        }
    }
}
