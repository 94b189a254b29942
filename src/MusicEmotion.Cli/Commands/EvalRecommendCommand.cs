using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Evaluation.Recommendation;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;
using MusicEmotion.Recommend.Catalog;
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
        var weights = new Option<string?>("--weights") { Description = "Weights of the combined condition, e.g. descriptors=0.4,emotion=0.5,arc=0.1 (default: the shipped defaults)." };
        var grid = new Option<bool>("--grid") { Description = "Also print precision@k for a grid of combined weights (all queries, and the even- and odd-numbered halves): how the defaults were chosen." };
        var jobs = CommonOptions.Jobs("Tracks analysed");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("recommend", "Evaluate emotion-aware recommendation on Emotify: does adding emotion to audio descriptors find tracks that listeners feel alike?")
        {
            emotify, k, db, json, weights, grid, jobs, model, card,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            int cutoff = parse.GetValue(k);
            int jobCount = parse.GetValue(jobs);
            if (cutoff < 1 || jobCount < 1)
            {
                throw new CliInputException("--k and --jobs must be at least 1");
            }

            string? jsonPath = parse.GetValue(json);
            if (jsonPath is not null)
            {
                OutputPaths.EnsureWritable(jsonPath);
            }

            BlockWeights combined = parse.GetValue(weights) is { } text ? ParseWeights(text) : BlockWeights.Default;
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
            EmotifyRecommendationBenchmark benchmark = await EmotifyRecommendationBenchmark
                .PrepareAsync(parse.GetValue(emotify)!, analyzer, cache, jobCount, progress, cancellationToken).ConfigureAwait(false);
            foreach (var skipped in benchmark.Skipped)
            {
                await error.WriteLineAsync($"mer: skipped {skipped.Clip}: {skipped.Reason}").ConfigureAwait(false);
            }

            EmotifyRecommendationReport report = await benchmark.RunAsync(cutoff, combined, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(FormatTable(report, emotionModel.Card.Name)).ConfigureAwait(false);
            if (parse.GetValue(grid))
            {
                await output.WriteLineAsync(await FormatGridAsync(benchmark, cutoff, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
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
        Row("descriptors + emotion", report.Combined);
        lines.Add($"  (combined weights: {report.CombinedWeights})");
        return string.Join(Environment.NewLine, lines);
    }

    private static async Task<string> FormatGridAsync(EmotifyRecommendationBenchmark benchmark, int k, CancellationToken cancellationToken)
    {
        var lines = new List<string> { string.Create(C, $"weight grid (precision@{k}): descriptors emotion arc | all queries | even half | odd half") };
        double[] steps = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        foreach (double e in steps)
        {
            foreach (double a in new[] { 0, 0.1, 0.2, 0.3 })
            {
                double d = Math.Round(1 - e - a, 6);
                if (d < -1e-9)
                {
                    continue;
                }

                d = Math.Max(0, d);

                var w = new BlockWeights(d, e, a);
                RankingScores all = await benchmark.ScoreAsync(w, k, null, cancellationToken).ConfigureAwait(false);
                RankingScores even = await benchmark.ScoreAsync(w, k, q => q % 2 == 0, cancellationToken).ConfigureAwait(false);
                RankingScores odd = await benchmark.ScoreAsync(w, k, q => q % 2 == 1, cancellationToken).ConfigureAwait(false);
                lines.Add(string.Create(C, $"  {d,5:0.0} {e,5:0.0} {a,5:0.0} | {all.PrecisionAtK:0.0000} | {even.PrecisionAtK:0.0000} | {odd.PrecisionAtK:0.0000}"));
            }
        }

        return string.Join(Environment.NewLine, lines);
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
