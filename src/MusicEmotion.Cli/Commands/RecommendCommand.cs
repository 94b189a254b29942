using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer recommend --db catalog.db --like &lt;file or id&gt;...</c>: tracks more like the liked ones (and away from the
/// disliked ones), each with its score and an explanation. A liked or disliked file not yet in the catalog is analysed
/// and added first.
/// </summary>
internal static class RecommendCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var catalogOptions = CatalogOptions.Either();
        var like = new Option<string[]>("--like") { Description = "A liked track: an audio file (analysed and added if new) or a track id. Repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var dislike = new Option<string[]>("--dislike") { Description = "A disliked track (file or id); results move away from it. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var k = CommonOptions.K("How many tracks (default 10).");
        var diversity = new Option<double>("--diversity") { Description = "Diversity λ in [0, 1] (maximal marginal relevance; default 0: by similarity only).", DefaultValueFactory = _ => 0 };
        var similarity = new Option<string>("--similarity") { Description = "combined (sound and emotion, and melody with the note-aware model; default) or arc (the shape of the emotion curves only).", DefaultValueFactory = _ => "combined" };
        similarity.AcceptOnlyFromAmong("combined", "arc");
        var minDuration = new Option<double?>("--min-duration") { Description = "Only tracks at least this many seconds long." };
        var maxDuration = new Option<double?>("--max-duration") { Description = "Only tracks at most this many seconds long." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("recommend", "Recommend tracks from a catalog that are more like the ones you like, with explanations.")
        {
            like, dislike, k, diversity, similarity, minDuration, maxDuration, format, model, card,
        };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: false, cancellationToken).ConfigureAwait(false);
            using EmotionAnalyzer emotion = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card));
            var analyzer = new TrackAnalyzer(emotion);
            var importer = new TrackImporter(analyzer, catalog);
            string[] liked = await ResolveAsync(parse.GetValue(like) ?? [], importer, error, cancellationToken).ConfigureAwait(false);
            string[] disliked = await ResolveAsync(parse.GetValue(dislike) ?? [], importer, error, cancellationToken).ConfigureAwait(false);
            using var recommender = new Recommender(catalog, analyzer.ModelName, analyzer.ModelVersion);
            RecommendationResult result = await recommender.RecommendAsync(new RecommendationRequest
            {
                Liked = liked,
                Disliked = disliked,
                K = parse.GetValue(k),
                Diversity = parse.GetValue(diversity),
                Similarity = parse.GetValue(similarity) == "arc" ? SimilarityKind.EmotionalArc : SimilarityKind.Combined,
                MinDurationSeconds = parse.GetValue(minDuration),
                MaxDurationSeconds = parse.GetValue(maxDuration),
            }, cancellationToken).ConfigureAwait(false);
            if (result.StaleTracks > 0)
            {
                await error.WriteLineAsync(string.Create(C,
                    $"mer: {result.StaleTracks} track(s) of the catalog were analysed by another model version and were left out; add their files again to re-analyse them"))
                    .ConfigureAwait(false);
            }

            if (result.NoMusicTracks > 0)
            {
                await error.WriteLineAsync(string.Create(C,
                    $"mer: {result.NoMusicTracks} track(s) of the catalog hold no music (silence or a steady sound) and are never recommended"))
                    .ConfigureAwait(false);
            }

            await output.WriteLineAsync(parse.GetValue(format) == "json" ? CatalogJson.Recommendations(result) : Table(result)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<string[]> ResolveAsync(string[] references, TrackImporter importer, TextWriter error, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (string reference in references)
        {
            if (File.Exists(reference))
            {
                TrackImportResult result = await importer.ImportAsync(reference, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (result.Status == TrackImportStatus.Added)
                {
                    await error.WriteLineAsync($"analysed {reference} and added it to the catalog").ConfigureAwait(false);
                }

                ids.Add(result.TrackId!);
            }
            else
            {
                ids.Add(await TrackReference.ResolveIdAsync(reference, cancellationToken).ConfigureAwait(false));
            }
        }

        return ids.ToArray();
    }

    private static string Table(RecommendationResult result)
    {
        var lines = new List<string>
        {
            string.Create(C, $"{result.Items.Count} recommendations ({(result.Similarity != SimilarityKind.Combined ? "emotional arc" : result.Items.Any(i => i.Blocks.Any(b => b.Block == VectorBlock.Melody)) ? "sound, emotion and melody" : "sound and emotion")}, {result.SearchKind} search over {result.SearchedTracks} tracks)"),
        };
        int rank = 1;
        foreach (Recommendation item in result.Items)
        {
            string diversity = result.Diversity > 0 ? string.Create(C, $" (relevance {item.Relevance:0.000}, diversity {item.DiversityContribution:+0.000;-0.000})") : string.Empty;
            lines.Add(string.Create(C, $"{rank++,3}. {item.Score:0.000}{diversity}  {item.SourceName} ({CatalogListCommand.Duration(item.DurationSeconds)})"));
            lines.Add($"       {item.Explanation}");
            lines.Add($"       id {item.TrackId}");
        }

        if (result.Items.Count == 0)
        {
            lines.Add("no track matches: the catalog holds only the liked and disliked tracks, or the filters exclude every other track");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
