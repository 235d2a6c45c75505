@{
    RootModule           = 'StsTools.dll'
    ModuleVersion        = '0.0.0-dev'
    GUID                 = '5b0f3e0c-6f4e-4d1c-9a57-2f1d6a7e4c11'
    Author               = 'StsTools contributors'
    CompanyName          = 'StsTools'
    Copyright            = '(c) StsTools contributors. MIT License.'
    Description          = 'Short-lived AWS credentials for PowerShell runbooks and CI: assume roles (IAM, OIDC, SAML, chains, many accounts), MFA sessions, Roles Anywhere without a helper binary, opt-in region and token-version checks, and one command that puts the credentials where the next command needs them.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('StsTools.format.ps1xml')
    CmdletsToExport      = @(
        'Clear-StsEnvironment',
        'ConvertTo-StsCredential',
        'Get-StsMfaSession',
        'Get-StsRegion',
        'Get-StsTokenVersion',
        'Invoke-StsAssumeRole',
        'New-RolesAnywhereSession',
        'Set-StsEnvironment',
        'Set-StsTokenVersion',
        'Test-StsRegionCompatibility',
        'Use-StsCredential'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'STS', 'AssumeRole', 'MFA', 'OIDC', 'GitHubActions', 'AzureDevOps', 'RolesAnywhere', 'Credentials')
            ProjectUri = 'https://github.com/ststools/StsTools'
        }
    }
}
