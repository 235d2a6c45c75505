namespace StsTools.Emulator;

/// <summary>The emulator's command line: --urls, --world, --parent-pid, --help.</summary>
public sealed record CommandLine(string Urls, string? WorldPath, int? ParentPid, bool Help)
{
    public const string Usage = """
        StsTools emulator: a local AWS-compatible endpoint for STS, IAM, EC2, Account, Roles Anywhere and OIDC issuers.

          dotnet run --project src/StsTools.Emulator -- [--urls http://127.0.0.1:4566] [--world world.json] [--parent-pid N]

          --urls        where to listen (default http://127.0.0.1:4566; port 0 picks a free port, printed on start)
          --world       a world file (JSON); default: the built-in world of docs/emulator.md
          --parent-pid  stop when that process exits (tests)
        """;

    public static CommandLine Parse(string[] args)
    {
        string urls = "http://127.0.0.1:4566";
        string? world = null;
        int? parent = null;
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--urls":
                    urls = Next();
                    break;
                case "--world":
                    world = Next();
                    break;
                case "--parent-pid":
                    parent = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                default:
                    if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
                    {
                        urls = args[i]["--urls=".Length..];
                        break;
                    }

                    if (args[i].StartsWith("--world=", StringComparison.Ordinal))
                    {
                        world = args[i]["--world=".Length..];
                        break;
                    }

                    throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}");
            }
        }

        return new CommandLine(urls, world, parent, help);
    }
}
