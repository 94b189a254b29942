using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MusicEmotion.Recommend.PostgreSql;
using MusicEmotion.Recommend.PostgreSql.Jobs;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer catalog status --postgres "&lt;connection string&gt;"</c>: the shared catalog's analysis progress and failures.</summary>
internal static class CatalogStatusCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var catalogOptions = CatalogOptions.PostgresOnly();
        var failures = new Option<int>("--failures") { Description = "Failed files to list, newest first (0–10000, default 20).", DefaultValueFactory = _ => 20 };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Show the analysis queue of a shared PostgreSQL catalog: done, pending, running, failed (with errors), throughput.") { failures, format };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int listed = CommonOptions.Between(parse, failures, 0, 10_000);

            await using PostgresTrackCatalog catalog = await catalogOptions.OpenPostgresAsync(parse, cancellationToken).ConfigureAwait(false);
            AnalysisQueueStatus status = await new AnalysisJobQueue(catalog).GetStatusAsync(listed, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { catalog = catalog.Name, status.Total, status.Finished, status }, Json)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var lines = new List<string>
            {
                string.Create(C, $"catalog {catalog.Name}: {status.Tracks} tracks"),
                Summary(status),
                string.Create(C, $"throughput: {status.DoneLastMinute} songs in the last minute ({status.DoneLastMinute / 60.0:0.00} songs/s)"),
            };
            foreach (IGrouping<bool, FailedJob> group in status.Failures.GroupBy(f => f.SetAside))
            {
                lines.Add(group.Key ? "set aside (newest first):" : "failed, waiting for another attempt:");
                lines.AddRange(group.Select(f => string.Create(C, $"  {f.Path}  [{f.Attempts} of {f.MaxAttempts} attempts, {f.ErrorType}] {f.Error}")));
            }

            await output.WriteLineAsync(string.Join(Environment.NewLine, lines)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One line: the jobs by state.</summary>
    internal static string Summary(AnalysisQueueStatus s) => string.Create(C,
        $"jobs {s.Total}: done {s.Added + s.AlreadyPresent} (added {s.Added}, already in the catalog {s.AlreadyPresent}), pending {s.Pending} (retrying {s.Retrying}), running {s.Running} on {s.ActiveWorkers} worker(s), expired leases {s.ExpiredLeases}, failed {s.Failed}");
}
