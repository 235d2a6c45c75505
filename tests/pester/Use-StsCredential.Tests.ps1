#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Use-StsCredential: the block runs with the credential; the environment comes back afterwards, on error too.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    $script:SavedKey = $env:AWS_ACCESS_KEY_ID
    function New-TestCredential {
        ConvertTo-StsCredential -AccessKeyId 'ASIAIOSFODNN7EXAMPLE' -SecretAccessKey 'secret' -SessionToken 'IQoJtoken' -Expiration ([datetime]::UtcNow.AddHours(1))
    }
}

AfterAll {
    $env:AWS_ACCESS_KEY_ID = $script:SavedKey
}

Describe 'Use-StsCredential' {
    BeforeEach { $env:AWS_ACCESS_KEY_ID = 'AKIAOUTSIDE00000' }

    It 'runs the block with the credential and restores the environment' {
        $inside = New-TestCredential | Use-StsCredential { $env:AWS_ACCESS_KEY_ID }
        $inside | Should -Be 'ASIAIOSFODNN7EXAMPLE'
        $env:AWS_ACCESS_KEY_ID | Should -Be 'AKIAOUTSIDE00000'
    }

    It 'restores the environment when the block throws' {
        { Use-StsCredential -Credential (New-TestCredential) -ScriptBlock { throw 'failed inside' } } | Should -Throw '*failed inside*'
        $env:AWS_ACCESS_KEY_ID | Should -Be 'AKIAOUTSIDE00000'
    }

    It 'refuses an expired credential before running the block' {
        $c = New-TestCredential
        $c.Expiration = [datetime]::UtcNow.AddMinutes(-1)
        { $c | Use-StsCredential { 'ran' } -ErrorAction Stop } | Should -Throw -ErrorId 'ExpiredCredential,StsTools.Commands.UseStsCredentialCommand'
    }
}
