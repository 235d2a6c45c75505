using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using StsTools.Emulator;
using StsTools.Emulator.Protocol;

// StsTools emulator: a local AWS-compatible endpoint (STS, IAM, EC2, Account, Roles Anywhere, OIDC issuers).
//   dotnet run --project src/StsTools.Emulator -- --urls http://127.0.0.1:4566 [--world world.json] [--parent-pid N]
// docs/emulator.md describes the world, the addressing and the admin API.

var options = CommandLine.Parse(args);
if (options.Help)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

EmulatorState state;
try
{
    state = new EmulatorState(options.WorldPath);
}
catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot load the world '{options.WorldPath}': {e.Message}");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(options.Urls);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 2 * 1024 * 1024;
});

var app = builder.Build();
var dispatcher = new EndpointDispatcher(state);
app.Run(dispatcher.HandleAsync);

try
{
    await app.StartAsync();
}
catch (IOException e)
{
    Console.Error.WriteLine($"Cannot listen on {options.Urls}: {e.Message}");
    return 3;
}

var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
Banner.Print(Console.Out, addresses.Select(a => a.TrimEnd('/') + "/").ToList(), state);

if (options.ParentPid is { } parentPid)
{
    // Started by a test run: go away with it, even if it is killed before it can stop us.
    _ = Task.Run(async () =>
    {
        try
        {
            using var parent = Process.GetProcessById(parentPid);
            await parent.WaitForExitAsync();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        await app.StopAsync();
    });
}

await app.WaitForShutdownAsync();
Console.WriteLine("StsTools emulator stopped.");
return 0;
