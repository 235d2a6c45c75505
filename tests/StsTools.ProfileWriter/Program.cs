// `StsTools.ProfileWriter <credentials-file> <profile> <key id> <secret> <token> <expiration>`: writes one profile
// exactly as Set-StsEnvironment -Target Profile does (same engine calls), for the concurrent-writers test.
using System.Globalization;
using StsTools.Engine.Credentials;
using StsTools.Engine.Exporters;
using StsTools.Engine.Profiles;

if (args.Length != 6)
{
    Console.Error.WriteLine("usage: StsTools.ProfileWriter FILE PROFILE KEYID SECRET TOKEN EXPIRATION");
    return 2;
}

var credentials = new TemporaryCredentials(args[2], args[3], args[4],
    DateTime.Parse(args[5], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
ExportedVariables.EnsureExportable(credentials, DateTime.UtcNow);
ProfileNameRules.Validate(args[1]);
ProfileExporter.EnsureWritable(args[0]);
ProfileExporter.Export(args[0], args[1], credentials, CancellationToken.None);
return 0;
