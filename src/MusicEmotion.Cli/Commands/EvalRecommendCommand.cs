using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Evaluation.Recommendation;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;
using MusicEmotion.Notes;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer eval recommend --emotify &lt;dir&gt;</c>: precision@k and nDCG@k of "more like this" on an Emotify-layout folder
/// for random ranking, descriptors only, emotion statistics only, emotional arc only and descriptors + emotion.
/// </summary>
internal static class EvalRecommendCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var emotify = new Option<string>("--emotify") { Description = "An Emotify-layout folder (tracks.csv, ratings.csv, audio).", Required = true };
        var k = CommonOptions.K("Cut-off of precision@k and nDCG@k (default 10).");
        var db = new Option<string?>("--db") { Description = "A SQLite catalog that caches the analyses (tracks already in it are not decoded again); default: analyse in memory." };
        var json = CommonOptions.Json();
        var weights = new Option<string?>("--weights") { Description = "Weights of the combined condition, e.g. descriptors=0.3,emotion=0.5,arc=0,melody=0.2 (default: the shipped default for the model: with melody when its tracks have the melody block)." };
        var grid = new Option<bool>("--grid") { Description = "Also print precision@k for a grid of combined weights (all queries, and the even- and odd-numbered halves): how the defaults were chosen." };
        var librarySizes = new Option<string?>("--library-sizes")
        {
            Description = "Also evaluate small libraries of these sizes, e.g. 5,10,20,50,100: random libraries drawn from the clips, each track a query, "
                + "with the catalog's own standardisation statistics, blended with the reference (the default) and the reference alone.",
        };
        var libraries = new Option<int>("--libraries") { Description = "Random libraries per size for --library-sizes (default 40).", DefaultValueFactory = _ => 40 };
        var reference = new Option<string?>("--reference") { Description = "Reference statistics file for --library-sizes (default: the shipped reference)." };
        var candidateBlocks = new Option<bool>("--candidate-blocks")
        {
            Description = "Also measure candidate vector blocks (timbre: log-mel band and MFCC means and spreads; notes: means and spreads of the model's note feature columns; "
                + "melody: those of the melody columns, from the same transcription when the model transcribes notes, else from a second one) "
                + "captured from the same analysis, for fixed weights and for the weights a grid chooses on one half of the queries, scored on the other.",
        };
        var candidateCache = new Option<string?>("--candidate-cache") { Description = "JSON-lines file caching the candidate blocks (default: the --db path + .candidates.jsonl; none without --db)." };
        var jobs = CommonOptions.Jobs("Tracks analysed");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("recommend", "Evaluate emotion-aware recommendation on Emotify: does adding emotion to audio descriptors find tracks that listeners feel alike?")
        {
            emotify, k, db, json, weights, grid, librarySizes, libraries, reference, candidateBlocks, candidateCache, jobs, model, card,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int cutoff = CommonOptions.Cutoff(parse, k);
            int jobCount = CommonOptions.JobCount(parse, jobs);
            string? jsonPath = CommonOptions.JsonPath(parse, json);
            BlockWeights? chosen = parse.GetValue(weights) is { } text ? ParseWeights(text) : null;
            using EmotionAnalyzer emotion = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card), new EmotionAnalyzerOptions { Describe = false, MaxConcurrency = jobCount });
            IEmotionModel emotionModel = emotion.Model;
            var analyzer = new TrackAnalyzer(emotion);
            using ITrackCatalog cache = parse.GetValue(db) is { } dbPath ? SqliteTrackCatalog.Open(dbPath) : new InMemoryTrackCatalog();
            var progress = new Progress<TrackImportProgress>(p =>
            {
                if (p.Completed % 25 == 0 || p.Completed == p.Total)
                {
                    error.WriteLine(string.Create(C, $"analysed {p.Completed}/{p.Total} ({p.AlreadyPresent} cached, {p.Failed} failed)"));
                }
            });
            IReadOnlyDictionary<string, CandidateBlocks>? candidates = null;
            if (parse.GetValue(candidateBlocks))
            {
                string? cachePath = parse.GetValue(candidateCache) ?? (parse.GetValue(db) is { } d ? d + ".candidates.jsonl" : null);
                candidates = await CandidateBlocks.CaptureAsync(parse.GetValue(emotify)!, analyzer, cache, cachePath, jobCount, progress, cancellationToken).ConfigureAwait(false);
                using var transcriber = new NoteTranscriber(); // only for tracks whose analysis gave no melody block (an audio-only model)
                candidates = await CandidateBlocks.AddMelodyAsync(parse.GetValue(emotify)!, candidates, transcriber, cachePath, jobCount, progress, cancellationToken).ConfigureAwait(false);
            }

            EmotifyRecommendationBenchmark benchmark = await EmotifyRecommendationBenchmark
                .PrepareAsync(parse.GetValue(emotify)!, analyzer, cache, jobCount, progress, cancellationToken).ConfigureAwait(false);
            foreach (var skipped in benchmark.Skipped)
            {
                await error.WriteLineAsync($"mer: skipped {skipped.Clip}: {skipped.Reason}").ConfigureAwait(false);
            }

            BlockWeights combined = chosen ?? benchmark.DefaultWeights;
            EmotifyRecommendationReport report = await benchmark.RunAsync(cutoff, combined, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(FormatTable(report, emotionModel.Card.Name)).ConfigureAwait(false);
            if (parse.GetValue(grid))
            {
                await output.WriteLineAsync(await FormatGridAsync(benchmark, cutoff, benchmark.HasMelody, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            if (candidates is not null)
            {
                CandidateBlockEvaluation evaluation = await benchmark.CandidateEvaluationAsync(candidates, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(string.Join(Environment.NewLine, [.. evaluation.Report(cutoff), .. evaluation.RandomSplits(10, cutoff)])).ConfigureAwait(false);
            }

            if (parse.GetValue(librarySizes) is { } sizes)
            {
                CatalogStatistics referenceStatistics = parse.GetValue(reference) is { } referencePath ? ReadReference(referencePath) : ReferenceStatistics.ShippedFor(emotionModel.Card.Name, emotionModel.Card.Version)
                        ?? ReferenceStatistics.Shipped; // another model's: the table's reference line names it, and the blend leaves it out
                await output.WriteLineAsync(await FormatLibrariesAsync(benchmark, ParseSizes(sizes, benchmark.Count), parse.GetValue(libraries), combined, referenceStatistics,
                    cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }

            if (jsonPath is not null)
            {
                OutputPaths.WriteAtomically(jsonPath, report.ToJson());
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string FormatTable(EmotifyRecommendationReport report, string modelName)
    {
        var lines = new List<string>
        {
            string.Create(C, $"model: {modelName}; {report.N} tracks, each a query; relevant = the {report.Relevant} others with the most similar GEMS profile"),
            string.Create(C, $"condition                 precision@{report.K}   nDCG@{report.K}"),
        };
        void Row(string name, RankingScores s) => lines.Add(string.Create(C, $"  {name,-24}{s.PrecisionAtK,10:0.0000}  {s.NdcgAtK,8:0.0000}"));
        Row("random (expected)", report.Random);
        Row("descriptors only", report.Descriptors);
        Row("emotion only", report.Emotion);
        Row("emotional arc only", report.Arc);
        if (report.Melody is { } melody)
        {
            Row("melody only", melody);
        }

        Row(report.Melody is null ? "descriptors + emotion" : "combined", report.Combined);
        lines.Add($"  (combined weights: {report.CombinedWeights})");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// Precision@k for a grid of weights in steps of 0.1 summing to 1 (arc at most 0.3; melody at most 0.5 when the tracks
    /// have the block) on all queries and on the even- and odd-numbered halves, then the halves protocol: the best cell on
    /// one half (ties: nDCG, then the first cell) scored on the other half, which did not choose it.
    /// </summary>
    private static async Task<string> FormatGridAsync(EmotifyRecommendationBenchmark benchmark, int k, bool melody, CancellationToken cancellationToken)
    {
        var lines = new List<string> { string.Create(C, $"weight grid (precision@{k}): descriptors emotion arc{(melody ? " melody" : "")} | all queries | even half | odd half") };
        double[] steps = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        double[] melodySteps = melody ? [0, 0.1, 0.2, 0.3, 0.4, 0.5] : [0];
        var cells = new List<(BlockWeights Weights, RankingScores Even, RankingScores Odd)>();
        foreach (double m in melodySteps)
        {
            foreach (double e in steps)
            {
                foreach (double a in new[] { 0, 0.1, 0.2, 0.3 })
                {
                    double d = Math.Round(1 - e - a - m, 6);
                    if (d < -1e-9)
                    {
                        continue;
                    }

                    d = Math.Max(0, d);
                    var w = new BlockWeights(d, e, a, m);
                    RankingScores all = await benchmark.ScoreAsync(w, k, null, cancellationToken).ConfigureAwait(false);
                    RankingScores even = await benchmark.ScoreAsync(w, k, q => q % 2 == 0, cancellationToken).ConfigureAwait(false);
                    RankingScores odd = await benchmark.ScoreAsync(w, k, q => q % 2 == 1, cancellationToken).ConfigureAwait(false);
                    cells.Add((w, even, odd));
                    string melodyColumn = melody ? string.Create(C, $" {m,5:0.0}") : "";
                    lines.Add(string.Create(C, $"  {d,5:0.0} {e,5:0.0} {a,5:0.0}{melodyColumn} | {all.PrecisionAtK:0.0000} | {even.PrecisionAtK:0.0000} | {odd.PrecisionAtK:0.0000}"));
                }
            }
        }

        var onEven = cells.OrderByDescending(c => c.Even.PrecisionAtK).ThenByDescending(c => c.Even.NdcgAtK).First();
        var onOdd = cells.OrderByDescending(c => c.Odd.PrecisionAtK).ThenByDescending(c => c.Odd.NdcgAtK).First();
        lines.Add(string.Create(C, $"halves: chosen on the even half {onEven.Weights} ({onEven.Even.PrecisionAtK:0.0000}) -> odd half {onEven.Odd.PrecisionAtK:0.0000}, nDCG {onEven.Odd.NdcgAtK:0.0000}"));
        lines.Add(string.Create(C, $"        chosen on the odd half {onOdd.Weights} ({onOdd.Odd.PrecisionAtK:0.0000}) -> even half {onOdd.Even.PrecisionAtK:0.0000}, nDCG {onOdd.Even.NdcgAtK:0.0000}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static async Task<string> FormatLibrariesAsync(EmotifyRecommendationBenchmark benchmark, int[] sizes, int libraries, BlockWeights weights,
        CatalogStatistics reference, CancellationToken cancellationToken)
    {
        var own = new RecommenderOptions { Weights = weights, ReferenceStatistics = [] };
        var blended = new RecommenderOptions { Weights = weights, ReferenceStatistics = [reference] };
        var referenceOnly = new RecommenderOptions { Weights = weights, ReferenceStatistics = [reference], OwnStatisticsFromTracks = 1_000_000 };
        var lines = new List<string>
        {
            string.Create(C, $"small libraries: {libraries} random libraries per size, each track a query; relevant = the 10 % of the others (at least 1) with the most similar GEMS profile; precision@R"),
            string.Create(C, $"reference: {reference.TrackCount} tracks of {reference.ModelName} {reference.ModelVersion}; blended below {blended.OwnStatisticsFromTracks} tracks"),
            "   size    R   random   own statistics   blended   reference only",
        };
        foreach (int size in sizes)
        {
            int r = EmotifyRecommendationBenchmark.RelevantCountFor(size);
            double chance = (double)r / (size - 1);
            RankingScores a = await benchmark.ScoreLibrariesOfSizeAsync(size, libraries, own, cancellationToken: cancellationToken).ConfigureAwait(false);
            RankingScores b = await benchmark.ScoreLibrariesOfSizeAsync(size, libraries, blended, cancellationToken: cancellationToken).ConfigureAwait(false);
            RankingScores c = await benchmark.ScoreLibrariesOfSizeAsync(size, libraries, referenceOnly, cancellationToken: cancellationToken).ConfigureAwait(false);
            lines.Add(string.Create(C, $"  {size,5}  {r,3}   {chance,6:0.0000}   {a.PrecisionAtK,14:0.0000}   {b.PrecisionAtK,7:0.0000}   {c.PrecisionAtK,14:0.0000}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static int[] ParseSizes(string text, int tracks)
    {
        int[] sizes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.Integer, C, out int size) && size >= 2 && size <= tracks
                ? size
                : throw new CliInputException($"--library-sizes: '{part}' is not a size from 2 to {tracks}"))
            .ToArray();
        return sizes.Length > 0 ? sizes : throw new CliInputException("--library-sizes: give at least one size, e.g. 5,10,50");
    }

    private static CatalogStatistics ReadReference(string path)
    {
        try
        {
            using FileStream file = File.OpenRead(path);
            return ReferenceStatistics.Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new CliInputException($"--reference: {path}: {ex.Message}");
        }
    }

    private static BlockWeights ParseWeights(string text)
    {
        try
        {
            return BlockWeights.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new CliInputException($"--weights: {ex.Message}");
        }
    }
}
