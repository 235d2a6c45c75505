using System.Reflection;
using System.Text.Json;

namespace StsTools.Emulator.World;

/// <summary>Reads a world file (or the embedded default) and resolves "resource:&lt;name&gt;" references.</summary>
public static class WorldLoader
{
    public const string DefaultWorldResource = "default-world.json";

    public static WorldDocument Load(string? path)
    {
        var json = path == null ? ReadResource(DefaultWorldResource) : File.ReadAllText(path);
        return Parse(json);
    }

    public static WorldDocument Parse(string json)
    {
        var doc = JsonSerializer.Deserialize<WorldDocument>(json, WorldJson.Options)
            ?? throw new InvalidDataException("The world file is empty.");
        Validate(doc);
        return doc;
    }

    /// <summary>PEM text as given, or an embedded file for "resource:&lt;name&gt;".</summary>
    public static string ResolveText(string value) =>
        value.StartsWith("resource:", StringComparison.Ordinal) ? ReadResource(value["resource:".Length..]) : value;

    public static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"No embedded resource '{name}' in the emulator.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Validate(WorldDocument doc)
    {
        foreach (var account in doc.Accounts)
        {
            if (account.Id.Length != 12 || !account.Id.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"Account id '{account.Id}' is not 12 digits.");
            }

            if (account.GlobalEndpointTokenVersion is not (1 or 2))
            {
                throw new InvalidDataException($"Account {account.Id}: globalEndpointTokenVersion must be 1 or 2.");
            }

            foreach (var role in account.Roles)
            {
                if (role.MaxSessionDuration is < 3600 or > 43200)
                {
                    throw new InvalidDataException($"Role {role.Name}: maxSessionDuration must be 3600–43200.");
                }

                if (role.TrustPolicy.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"Role {role.Name} has no trustPolicy object.");
                }
            }

            foreach (var region in account.EnabledOptInRegions)
            {
                if (!Regions.IsOptIn(region))
                {
                    throw new InvalidDataException($"Account {account.Id}: '{region}' is not an opt-in region.");
                }
            }
        }
    }
}
