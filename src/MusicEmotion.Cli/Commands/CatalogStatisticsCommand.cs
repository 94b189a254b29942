using System.CommandLine;
using System.Globalization;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer catalog statistics --db catalog.db --out reference.json</c>: the standardisation statistics (per value mean and
/// spread of every vector block) of the catalog's tracks of one model, as a reference statistics file
/// (<see cref="ReferenceStatistics"/>). Run over a broad set of music it makes the reference that small catalogs are
/// blended with; <c>scripts/reference-statistics.sh</c> builds the shipped one this way.
/// </summary>
internal static class CatalogStatisticsCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var catalogOptions = CatalogOptions.Either();
        var outPath = new Option<string?>("--out") { Description = "Write the reference statistics file here (JSON); default: print it." };
        var sources = new Option<string?>("--sources") { Description = "What music the catalog holds, written into the file for its readers." };
        var arcLength = new Option<int>("--arc-length") { Description = "Values per dimension of the emotional arc (default 32).", DefaultValueFactory = _ => TrackVectorOptions.DefaultArcLength };
        var command = new Command("statistics", "Write the standardisation statistics of the catalog's tracks (of its most common model) as a reference statistics file.")
        {
            outPath, sources, arcLength,
        };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int length = parse.GetValue(arcLength);
            new TrackVectorOptions { ArcLength = length }.Validate();
            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: true, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ModelTrackCount> models = await catalog.CountByModelAsync(cancellationToken).ConfigureAwait(false);
            ModelTrackCount model = models.OrderByDescending(m => m.Tracks).FirstOrDefault()
                ?? throw new CliInputException($"{catalog.Name} holds no tracks");
            var builder = new CatalogStatisticsBuilder(model.ModelName, model.ModelVersion, length);
            await foreach (TrackRecord track in catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (track.IsFromModel(model.ModelName, model.ModelVersion))
                {
                    builder.Add(track.BlocksWithArcLength(length));
                }
            }

            CatalogStatistics statistics = builder.Build();
            string? path = parse.GetValue(outPath);
            if (path is null)
            {
                using var buffer = new MemoryStream();
                ReferenceStatistics.Write(statistics, buffer, parse.GetValue(sources));
                await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            string full = Path.GetFullPath(path);
            string temporary = full + ".tmp";
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                ReferenceStatistics.Write(statistics, file, parse.GetValue(sources));
            }

            File.Move(temporary, full, overwrite: true);
            int others = models.Sum(m => m.Tracks) - model.Tracks;
            string leftOut = others > 0 ? string.Create(C, $"; {others} tracks of other models left out") : string.Empty;
            await output.WriteLineAsync(string.Create(C,
                $"wrote {full}: statistics of {statistics.TrackCount} tracks of {model.ModelName} {model.ModelVersion} (arc length {length}){leftOut}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
