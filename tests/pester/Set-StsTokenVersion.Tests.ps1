#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Set-StsTokenVersion: ShouldProcess (ConfirmImpact High), -WhatIf, -PassThru, warnings, bad values.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    . (Join-Path $PSScriptRoot 'RegionsEmulator.ps1')
    $script:Emulator = Start-RegionsEmulator
}

AfterAll {
    Stop-RegionsEmulator $script:Emulator
}

Describe 'Set-StsTokenVersion contract' {
    It 'supports ShouldProcess with ConfirmImpact High' {
        $command = Get-Command Set-StsTokenVersion
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'refuses a bad version with InvalidTokenVersion' {
        { Set-StsTokenVersion V3Token -Credential (Get-AliceCredential) -Confirm:$false -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTokenVersion,StsTools.Commands.SetStsTokenVersionCommand'
    }

    It 'refuses a profile name no file can hold with InvalidProfileName' {
        { Set-StsTokenVersion V2Token -ProfileName 'a]b' -Confirm:$false -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidProfileName,StsTools.Commands.SetStsTokenVersionCommand'
    }
}

Describe 'Set-StsTokenVersion against the emulator' {
    It 'changes nothing with -WhatIf' {
        Set-StsTokenVersion V2Token -Credential (Get-AliceCredential) -WhatIf -EndpointUrl $script:Emulator.Template
        (Get-StsTokenVersion -Credential (Get-AliceCredential) -EndpointUrl $script:Emulator.Template).GlobalEndpointTokenVersion |
            Should -Be 'V1Token'
    }

    It 'sets V2Token, returns previous and current, and warns that issued tokens keep their scope' {
        $result = Set-StsTokenVersion AllRegions -Credential (Get-AliceCredential) -Confirm:$false -PassThru `
            -EndpointUrl $script:Emulator.Template -WarningVariable warnings -WarningAction SilentlyContinue
        $result.PreviousVersion | Should -Be 'V1Token'
        $result.GlobalEndpointTokenVersion | Should -Be 'V2Token'
        ($warnings -join ' ') | Should -BeLike '*keep their scope*'
    }

    It 'accepts the API spelling and goes back to v1Token' {
        $result = Set-StsTokenVersion v1Token -Credential (Get-AliceCredential) -Confirm:$false -PassThru `
            -EndpointUrl $script:Emulator.Template -WarningAction SilentlyContinue
        $result.GlobalEndpointTokenVersion | Should -Be 'V1Token'
    }
}

Describe 'Set-StsTokenVersion with profiles' {
    BeforeEach { $script:Sandbox = New-ProfileSandbox }
    AfterEach { Restore-ProfileSandbox $script:Sandbox }

    It 'with -WhatIf and a role profile assumes nothing and writes no cache' {
        Set-StsTokenVersion V2Token -ProfileName ro -WhatIf -EndpointUrl $script:Emulator.Template
        Test-Path (Join-Path $script:Sandbox.Root '.aws/cli/cache') | Should -BeFalse
    }

    It 'sets the version of a profile''s account and puts it back' {
        (Set-StsTokenVersion V2Token -ProfileName alice -Confirm:$false -PassThru -EndpointUrl $script:Emulator.Template -WarningAction SilentlyContinue).AccountId |
            Should -Be '111111111111'
        Set-StsTokenVersion V1Token -ProfileName alice -Confirm:$false -EndpointUrl $script:Emulator.Template -WarningAction SilentlyContinue
    }

    It 'reports a missing profile with ProfileNotFound' {
        { Set-StsTokenVersion V2Token -ProfileName missing -Confirm:$false -EndpointUrl $script:Emulator.Template -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProfileNotFound,StsTools.Commands.SetStsTokenVersionCommand'
    }
}
