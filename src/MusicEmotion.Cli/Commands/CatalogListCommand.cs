using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer catalog list --db catalog.db</c> (or <c>--postgres</c>): the tracks of a catalog, a page at a time.</summary>
internal static class CatalogListCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var catalogOptions = CatalogOptions.Either();
        var offset = new Option<int>("--offset") { Description = "Skip this many tracks (in the order they were added).", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "Tracks to show, 1–1000 (default 50).", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "List the tracks of a catalog with their length, mean emotion and model.") { offset, limit, format };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int skip = parse.GetValue(offset), take = parse.GetValue(limit);
            if (skip < 0 || take is < 1 or > 1000)
            {
                throw new CliInputException("--offset must be ≥ 0 and --limit between 1 and 1000");
            }

            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: true, cancellationToken).ConfigureAwait(false);
            TrackPage page = await catalog.ListAsync(skip, take, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ModelTrackCount> models = await catalog.CountByModelAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                await output.WriteLineAsync(CatalogJson.Page(page, models)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var lines = new List<string> { "id                                                                 length  arousal  valence  model                 source" };
            foreach (TrackRecord track in page.Items)
            {
                var emotion = track.Blocks.EmotionStatistics;
                lines.Add(string.Create(C,
                    $"{track.Id}  {Duration(track.DurationSeconds),6}  {emotion[0],7:+0.00;-0.00}  {emotion[1],7:+0.00;-0.00}  {$"{track.ModelName} {track.ModelVersion}",-20}  {track.SourceName}"));
            }

            string next = page.HasMore ? string.Create(C, $" (next: --offset {page.Offset + page.Items.Count})") : string.Empty;
            lines.Add(string.Create(C, $"tracks {page.Offset + 1}–{page.Offset + page.Items.Count} of {page.Total}{next}"));
            lines.Add("models: " + string.Join(", ", models.Select(m => $"{m.ModelName} {m.ModelVersion} ({m.Tracks})")));
            await output.WriteLineAsync(string.Join(Environment.NewLine, page.Total == 0 ? ["the catalog is empty"] : lines)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string Duration(double seconds) => string.Create(C, $"{(int)(seconds / 60)}:{(int)(seconds % 60):00}");
}
