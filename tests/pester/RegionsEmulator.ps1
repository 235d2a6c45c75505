# Starts the StsTools emulator (default world) for the region and token-version Pester files, on a free loopback
# port, from the built dll (dotnet build first). Dot-source it in BeforeAll; call Stop-RegionsEmulator in AfterAll.

function Start-RegionsEmulator {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $dll = Get-ChildItem -Path (Join-Path $root 'src/StsTools.Emulator/bin') -Recurse -Filter 'StsTools.Emulator.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'The emulator is not built: run dotnet build first.' }
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add($dll.FullName)
    $info.ArgumentList.Add('--urls')
    $info.ArgumentList.Add('http://127.0.0.1:0')
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = [datetime]::UtcNow.AddSeconds(60)
    while ([datetime]::UtcNow -lt $deadline) {
        $line = $process.StandardOutput.ReadLine()
        if ($null -eq $line) { break }
        if ($line -like 'StsTools emulator listening on *') {
            $base = $line.Substring('StsTools emulator listening on '.Length).Trim().TrimEnd('/') + '/'
            return [pscustomobject]@{ Process = $process; BaseUrl = $base; Template = $base + '{region}/'; GlobalSts = $base + 'aws-global/' }
        }
    }

    $process.Kill()
    throw 'The emulator did not report its address.'
}

function Stop-RegionsEmulator($Emulator) {
    if ($Emulator -and -not $Emulator.Process.HasExited) { $Emulator.Process.Kill() }
}

# alice's long-term keys (test-only values of the default world).
function Get-AliceCredential {
    ConvertTo-StsCredential -AccessKeyId 'AKIAIOSFODNN7ALICE01' -SecretAccessKey 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY'
}

# alice assumes ReadOnly through the AWS CLI at the given endpoint (aws-global: a v1 token under the default world).
function Get-ReadOnlyCredential($Emulator, [string] $Endpoint = 'aws-global') {
    $savedKey, $savedSecret, $savedToken = $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN
    Remove-Item Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
    $env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7ALICE01'
    $env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY'
    try {
        $region = if ($Endpoint -eq 'aws-global') { 'us-east-1' } else { $Endpoint }
        aws sts assume-role --role-arn arn:aws:iam::222222222222:role/ReadOnly --role-session-name pester `
            --endpoint-url ($Emulator.BaseUrl + $Endpoint + '/') --region $region --output json |
            ConvertFrom-Json | ConvertTo-StsCredential -Region us-east-1
    }
    finally {
        $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN = $savedKey, $savedSecret, $savedToken
    }
}

# A private AWS home for -ProfileName cases: HOME, config and credentials in a temp directory ([alice] holds alice's
# keys; [profile ro] assumes ReadOnly with them), no AWS_* keys, no instance metadata. Restore-ProfileSandbox undoes it.
function New-ProfileSandbox {
    $names = 'HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
        'AWS_SESSION_TOKEN', 'AWS_EC2_METADATA_DISABLED', 'STSTOOLS_CACHE_DIR'
    $saved = @{}
    foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $root = Join-Path ([System.IO.Path]::GetTempPath()) ('ststools-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
    New-Item -ItemType Directory -Path (Join-Path $root '.aws') | Out-Null
    Set-Content -Path (Join-Path $root '.aws/config') -Value "[profile ro]`nrole_arn = arn:aws:iam::222222222222:role/ReadOnly`nsource_profile = alice`nregion = us-east-1`n"
    Set-Content -Path (Join-Path $root '.aws/credentials') -Value "[alice]`naws_access_key_id = AKIAIOSFODNN7ALICE01`naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY`n"
    foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $null) }
    $env:HOME = $root
    $env:AWS_CONFIG_FILE = Join-Path $root '.aws/config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $root '.aws/credentials'
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:STSTOOLS_CACHE_DIR = Join-Path $root 'ststools-cache'
    [pscustomobject]@{ Root = $root; Saved = $saved }
}

function Restore-ProfileSandbox($Sandbox) {
    if (-not $Sandbox) { return }
    foreach ($entry in $Sandbox.Saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($entry.Key, $entry.Value) }
    Remove-Item -Recurse -Force $Sandbox.Root -ErrorAction SilentlyContinue
}
