using System.CommandLine;
using System.Globalization;
using System.Text;
using MusicEmotion.Cli.Output;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer catalog export --db catalog.db --out file</c>: every track's per-second curves and vectors for data teams, as
/// JSON lines (everything) or CSV (curves in long form, or one row of named vector values per track: every block, the
/// melody block's columns always in the header and empty for tracks without it). The file appears whole or not at all.
/// </summary>
internal static class CatalogExportCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var catalogOptions = CatalogOptions.Either();
        var outPath = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (one track per line, curves and vectors; default) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var content = new Option<string>("--content")
        {
            Description = "With --format csv: curves (id,second,arousal,valence,music; default) or vectors (id,source,model,model_version,duration_seconds,key, "
                + "then every named block value: descriptors, emotion statistics, arc, and the melody block's 20 melody.*_mean/_std columns, empty for tracks without it).",
            DefaultValueFactory = _ => "curves",
        };
        content.AcceptOnlyFromAmong("curves", "vectors");
        var command = new Command("export", "Export the catalog's per-second curves and vectors as JSON lines or CSV.") { outPath, format, content };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string destination = parse.GetValue(outPath)!;
            OutputPaths.EnsureWritable(destination);
            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: true, cancellationToken).ConfigureAwait(false);
            string kind = parse.GetValue(format) == "jsonl" ? "jsonl" : parse.GetValue(content)!;
            int tracks = 0;
            string temporary = OutputPaths.TemporaryPathFor(destination);
            try
            {
                await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
                {
                    if (kind == "curves")
                    {
                        await writer.WriteLineAsync("id,second,arousal,valence,music").ConfigureAwait(false);
                    }

                    await foreach (TrackRecord track in catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (kind == "vectors" && tracks == 0)
                        {
                            await writer.WriteLineAsync(VectorHeader(track.Blocks.ArcLength)).ConfigureAwait(false);
                        }

                        await writer.WriteAsync(kind switch
                        {
                            "jsonl" => CatalogJson.Line(track) + "\n",
                            "curves" => CurveRows(track),
                            _ => VectorRow(track),
                        }).ConfigureAwait(false);
                        tracks++;
                    }
                }

                File.Move(temporary, destination, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            await output.WriteLineAsync(string.Create(C, $"exported {tracks} tracks to {destination}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string CurveRows(TrackRecord track)
    {
        var text = new StringBuilder();
        for (int s = 0; s < track.Timeline.Count; s++)
        {
            text.Append(C, $"{track.Id},{s},{track.Timeline.Arousal[s]:0.####},{track.Timeline.Valence[s]:0.####},{(track.Timeline.IsMusic(s) ? 1 : 0)}\n");
        }

        return text.ToString();
    }

    private static readonly string[] LeadingVectorColumns = ["id", "source", "model", "model_version", "duration_seconds", "key"];

    private static string VectorHeader(int arcLength) => string.Join(',',
        LeadingVectorColumns
            .Concat(TrackDescriptors.Names)
            .Concat(TrackVectorBlocks.EmotionStatisticNames)
            .Concat(Enumerable.Range(0, arcLength).Select(i => $"arc_arousal_{i}"))
            .Concat(Enumerable.Range(0, arcLength).Select(i => $"arc_valence_{i}"))
            .Concat(TrackVectorBlocks.MelodyNames));

    private static string VectorRow(TrackRecord track) => string.Join(',',
        new[] { track.Id, Csv(track.SourceName), Csv(track.ModelName), Csv(track.ModelVersion), track.DurationSeconds.ToString("0.###", C), track.Descriptors.Key.Name }
            .Concat(track.Blocks.Descriptors.Concat(track.Blocks.EmotionStatistics).Concat(track.Blocks.EmotionArc).Select(v => v.ToString("0.######", C)))
            .Concat(track.Blocks.Melody?.Select(v => v.ToString("0.######", C)) ?? Enumerable.Repeat("", TrackVectorBlocks.MelodyNames.Count))) + "\n";

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
