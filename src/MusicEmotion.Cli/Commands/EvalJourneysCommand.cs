using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Evaluation.Journeys;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer eval journeys --emotify &lt;dir&gt; --4q &lt;dir&gt;</c>: mood journeys between every pair of quadrants on each
/// folder as a catalog; path error and hand-over jump of the planned journeys against the same songs in random order and
/// in the best order by song means, with the bars of docs/recommend.md.
/// </summary>
internal static class EvalJourneysCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var emotify = new Option<string?>("--emotify") { Description = "An Emotify-layout folder (tracks.csv): its clips are one catalog." };
        var emotifyDb = new Option<string?>("--emotify-db") { Description = "A SQLite catalog caching the Emotify analyses (default: analyse in memory)." };
        var fourQ = new Option<string?>("--4q") { Description = "A 4Q-layout folder (labels.csv): the clips of --split are one catalog." };
        var fourQDb = new Option<string?>("--4q-db") { Description = "A SQLite catalog caching the 4Q analyses (default: analyse in memory)." };
        var split = new Option<string>("--split") { Description = "The 4Q split used as a catalog (default val).", DefaultValueFactory = _ => "val" };
        var songs = new Option<int>("--songs") { Description = "Songs per journey (default 10).", DefaultValueFactory = _ => 10 };
        var orders = new Option<int>("--random-orders") { Description = "Random orders averaged for the random baseline (default 200).", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random orders (default 1).", DefaultValueFactory = _ => 1 };
        var handOverWeight = new Option<double>("--hand-over-weight")
        {
            Description = "Weight of the hand-over jump against the path error in the planner (default: the planner's default, 1): how the default was chosen.",
            DefaultValueFactory = _ => new JourneyPlannerOptions().HandOverWeight,
        };
        var refinementMoves = new Option<int>("--refinement-moves")
        {
            Description = "Most changes the planner's local search makes after its beam search (default: the planner's default, 1000); 0 shows the beam search alone.",
            DefaultValueFactory = _ => new JourneyPlannerOptions().RefinementMoves,
        };
        var json = CommonOptions.Json();
        var jobs = CommonOptions.Jobs("Clips analysed");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("journeys", "Evaluate mood journeys: path error and hand-over jump against random order and the best order by song means.")
        {
            emotify, emotifyDb, fourQ, fourQDb, split, songs, orders, seed, handOverWeight, refinementMoves, json, jobs, model, card,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            if (parse.GetValue(emotify) is null && parse.GetValue(fourQ) is null)
            {
                throw new CliInputException("give --emotify and/or --4q");
            }

            int songCount = parse.GetValue(songs), orderCount = parse.GetValue(orders), jobCount = parse.GetValue(jobs);
            if (songCount < 2 || orderCount < 1 || jobCount < 1)
            {
                throw new CliInputException("--songs must be at least 2, --random-orders and --jobs at least 1");
            }

            int moves = parse.GetValue(refinementMoves);
            if (moves is < 0 or > 1_000_000)
            {
                throw new CliInputException($"--refinement-moves must be between 0 and 1000000 (got {moves})");
            }

            string? jsonPath = CommonOptions.JsonPath(parse, json);

            using EmotionAnalyzer emotion = ModelOptions.CreateAnalyzer(parse.GetValue(model), parse.GetValue(card), new EmotionAnalyzerOptions { Describe = false, MaxConcurrency = jobCount });
            var analyzer = new TrackAnalyzer(emotion);
            var catalogs = new List<(string Name, string[] Files, string? Cache)>();
            if (parse.GetValue(emotify) is { } emotifyFolder)
            {
                catalogs.Add(("emotify", EmotifyDataset.Load(emotifyFolder).Select(t => t.AudioPath).ToArray(), parse.GetValue(emotifyDb)));
            }

            if (parse.GetValue(fourQ) is { } fourQFolder)
            {
                string splitName = parse.GetValue(split)!;
                string[] files = FourQuadrantDataset.Load(fourQFolder, splitName).Select(c => c.AudioPath).ToArray();
                catalogs.Add(($"4q-{splitName}", files, parse.GetValue(fourQDb)));
            }

            var plannerOptions = new JourneyPlannerOptions { HandOverWeight = parse.GetValue(handOverWeight), RefinementMoves = moves };
            try
            {
                plannerOptions.Validate();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new CliInputException(ex.Message);
            }

            var reports = new List<JourneyReport>();
            foreach ((string name, string[] files, string? cachePath) in catalogs)
            {
                using ITrackCatalog cache = cachePath is null ? new InMemoryTrackCatalog() : SqliteTrackCatalog.Open(cachePath);
                var progress = new Progress<TrackImportProgress>(p =>
                {
                    if (p.Completed % 50 == 0 || p.Completed == p.Total)
                    {
                        error.WriteLine(string.Create(C, $"{name}: analysed {p.Completed}/{p.Total} ({p.AlreadyPresent} cached, {p.Failed} failed)"));
                    }
                });
                (IReadOnlyList<TrackRecord> tracks, IReadOnlyList<string> failed) = await JourneyBenchmark.LoadAsync(files, analyzer, cache, jobCount, progress, cancellationToken).ConfigureAwait(false);
                foreach (string failure in failed)
                {
                    await error.WriteLineAsync($"mer: skipped {failure}").ConfigureAwait(false);
                }

                reports.Add(await JourneyBenchmark.RunAsync(name, tracks, songCount, orderCount, parse.GetValue(seed), plannerOptions, cancellationToken).ConfigureAwait(false));
            }

            await output.WriteLineAsync(FormatTable(reports, analyzer.ModelName, analyzer.ModelVersion, plannerOptions)).ConfigureAwait(false);
            if (jsonPath is not null)
            {
                OutputPaths.WriteAtomically(jsonPath, "[" + string.Join(",\n", reports.Select(r => r.ToJson())) + "]\n");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string FormatTable(IReadOnlyList<JourneyReport> reports, string modelName, string modelVersion, JourneyPlannerOptions planner)
    {
        var lines = new List<string>
        {
            $"model: {modelName} {modelVersion}; journeys along the straight path between two quadrants' moods (the corners of the catalog's range: 10th/90th percentiles of the song means' valence and arousal)",
            string.Create(C, $"planner: hand-over weight {planner.HandOverWeight}, beam width {planner.BeamWidth}, {planner.CandidatesPerStep} candidates per step, at most {planner.RefinementMoves} local-search moves"),
        };
        foreach (JourneyReport report in reports)
        {
            lines.Add(string.Create(C, $"{report.Catalog}: {report.Tracks} tracks, {report.Songs} songs per journey, random order = mean of {report.RandomOrders} shuffles; planning took {report.MedianPlanMilliseconds:0.#} ms per journey (median)"));
            lines.Add(string.Create(C, $"  quadrant moods (valence, arousal): {string.Join("  ", report.Quadrants.Select(q => $"{q.Key} ({q.Value[0]:+0.00;-0.00}, {q.Value[1]:+0.00;-0.00})"))}"));
            lines.Add("  path     path error: planned  random  means-order   hand-over jump: planned  random  means-order");
            foreach (JourneyPathResult row in report.Paths)
            {
                lines.Add(Row($"{row.From}->{row.To}", row.Planned, row.RandomOrder, row.MeansOrder));
            }

            lines.Add(Row("mean", report.Planned, report.RandomOrder, report.MeansOrder));
            lines.Add(string.Create(C,
                $"  path error planned/random = {report.PathErrorRatio:0.00} (bar <= {JourneyReport.PathErrorBar:0.0}); hand-over jump planned/means-order = {report.HandOverRatio:0.00} (bar <= {JourneyReport.HandOverBar:0.0}): {(report.MeetsBars ? "meets both bars" : "MISSES a bar")}"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Row(string name, JourneyScores planned, JourneyScores random, JourneyScores means) => string.Create(C,
        $"  {name,-8}            {planned.PathError,6:0.000}  {random.PathError,6:0.000}  {means.PathError,6:0.000}                       {planned.HandOverJump,6:0.000}  {random.HandOverJump,6:0.000}  {means.HandOverJump,6:0.000}");
}
