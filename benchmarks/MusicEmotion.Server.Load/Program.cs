using System.Globalization;

namespace MusicEmotion.Server.Load;

/// <summary>
/// Load run against a running MusicEmotion service on this machine (see docs/server.md and docs/benchmarks.md):
/// <c>dotnet run -c Release --project benchmarks/MusicEmotion.Server.Load -- --url http://127.0.0.1:5080 --uploads 200
/// --data ../shared/data [--data-dir &lt;the service's MusicEmotion:DataDirectory&gt;] [--api-key KEY] [--seed N] [--service-pid PID]</c>.
/// Exit code 0 when every check passed, 1 when one failed, 2 for bad arguments.
/// </summary>
internal static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"unexpected argument '{args[i]}'; use --url URL --uploads N --data FOLDER [--data-dir FOLDER] [--api-key KEY] [--seed N] [--service-pid PID]");
                return 2;
            }

            options[args[i][2..]] = args[++i];
        }

        var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5080").TrimEnd('/') + "/");
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"{url} is not a loopback address: this tool only loads a service on this machine");
            return 2;
        }

        int uploads = int.Parse(options.GetValueOrDefault("uploads", "200"), CultureInfo.InvariantCulture);
        string data = options.GetValueOrDefault("data", Path.Combine("..", "shared", "data"));
        int seed = int.Parse(options.GetValueOrDefault("seed", "8"), CultureInfo.InvariantCulture);
        IReadOnlyList<UploadCase> plan = LoadPlan.Build(data, uploads, seed);
        using HttpClient client = LoadRun.CreateClient(url);
        Console.WriteLine($"sending {plan.Count} uploads at once to {url} ...");
        int? pid = options.TryGetValue("service-pid", out string? p) ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        LoadReport report = await LoadRun.RunAsync(client, plan, options.GetValueOrDefault("data-dir"), options.GetValueOrDefault("api-key"), pid, CancellationToken.None);
        Console.Write(report);
        return report.Passed ? 0 : 1;
    }
}
