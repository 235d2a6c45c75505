#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# ConvertTo-StsCredential: contract and conversions. Needs no emulator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/StsTools') -Force
    $script:Expiration = [datetime]::UtcNow.AddHours(1)
    $script:CliJson = @"
{
  "Credentials": {
    "AccessKeyId": "ASIAIOSFODNN7EXAMPLE",
    "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
    "SessionToken": "IQoJb3JpZ2luX2VjEXAMPLETOKEN",
    "Expiration": "$($script:Expiration.ToString('yyyy-MM-ddTHH:mm:ssZ'))"
  },
  "AssumedRoleUser": {
    "AssumedRoleId": "AROAEXAMPLE:ops",
    "Arn": "arn:aws:sts::222222222222:assumed-role/ReadOnly/ops"
  }
}
"@
}

Describe 'ConvertTo-StsCredential contract' {
    It 'declares StsCredential as its output type' {
        (Get-Command ConvertTo-StsCredential).OutputType.Name | Should -Contain 'StsTools.StsCredential'
    }

    It 'refuses a malformed access key id with its own error id' {
        { ConvertTo-StsCredential -AccessKeyId 'short' -SecretAccessKey 'x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAccessKeyId,StsTools.Commands.ConvertToStsCredentialCommand'
    }

    It 'refuses an object without keys with its own error id' {
        { [pscustomobject]@{ Name = 'nothing' } | ConvertTo-StsCredential -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnrecognizedCredentialObject,StsTools.Commands.ConvertToStsCredentialCommand'
    }
}

Describe 'ConvertTo-StsCredential conversions' {
    It 'reads the whole aws sts assume-role answer' {
        $c = $script:CliJson | ConvertFrom-Json | ConvertTo-StsCredential
        $c.AccessKeyId | Should -Be 'ASIAIOSFODNN7EXAMPLE'
        $c.Arn | Should -Be 'arn:aws:sts::222222222222:assumed-role/ReadOnly/ops'
        $c.AccountId | Should -Be '222222222222'
        $c.TokenVersion | Should -Be 'V2'
        $c.Source | Should -Be 'AssumeRole'
    }

    It 'reads just the Credentials object' {
        $c = ($script:CliJson | ConvertFrom-Json).Credentials | ConvertTo-StsCredential
        $c.SecretAccessKey | Should -Be 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'
        $c.Expiration.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss') | Should -Be $script:Expiration.ToString('yyyy-MM-ddTHH:mm:ss')
    }

    It 'reads AWS Tools style property names' {
        $c = [pscustomobject]@{ AccessKey = 'ASIAIOSFODNN7EXAMPLE'; SecretKey = 'secret'; Token = 'FwoGZXIvYXdzEXAMPLE' } | ConvertTo-StsCredential
        $c.TokenVersion | Should -Be 'V1'
    }

    It 'reads the AWS_* variables of the process' {
        $saved = @{}
        foreach ($n in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION') { $saved[$n] = [Environment]::GetEnvironmentVariable($n) }
        try {
            $env:AWS_ACCESS_KEY_ID = 'ASIAIOSFODNN7EXAMPLE'
            $env:AWS_SECRET_ACCESS_KEY = 'secret'
            $env:AWS_SESSION_TOKEN = 'IQoJb3JpZ2luEXAMPLE'
            $env:AWS_REGION = 'me-south-1'
            $c = ConvertTo-StsCredential -FromEnvironment
            $c.Region | Should -Be 'me-south-1'
            $c.Source | Should -Be 'Environment'
        }
        finally {
            foreach ($n in $saved.Keys) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) }
        }
    }

    It 'never shows the secret or the token in its default output' {
        $c = $script:CliJson | ConvertFrom-Json | ConvertTo-StsCredential
        $text = ($c | Out-String) + ($c | Format-List | Out-String) + $c.ToString()
        $text | Should -Not -Match 'wJalrXUtnFEMI'
        $text | Should -Not -Match 'IQoJb3JpZ2luX2VjEXAMPLETOKEN'
        $text | Should -Match 'ASIA…MPLE'
    }
}
