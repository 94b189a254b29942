using System.Diagnostics;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Evaluation.Journeys;

/// <summary>
/// Do per-second curves make better journeys than song-level moods? On a catalog, for each ordered pair of different
/// quadrants, the planner makes a journey of N songs along the straight path between the two quadrants' moods; the same
/// songs are then scored in random order (the mean over many shuffles) and in the best order that song means alone can
/// give (each song, as if flat at its mean, assigned to the slot of the path it fits best: an optimal assignment). Scores:
/// the path error (per second) and the mean hand-over jump, as <see cref="JourneyMeasures"/> defines them. A quadrant's mood
/// is the corner of the catalog's range of song moods (10th and 90th percentiles of the song means), so the paths lie where the catalog's music does.
/// </summary>
internal static class JourneyBenchmark
{
    /// <summary>The four quadrants, named as in the report, with the signs of their valence and arousal.</summary>
    private static readonly (string Name, int Valence, int Arousal)[] QuadrantSigns = [("Q1", 1, 1), ("Q2", -1, 1), ("Q3", -1, -1), ("Q4", 1, -1)];

    /// <summary>Analyses <paramref name="files"/> into <paramref name="cache"/> (files already there are not decoded again) and returns the current-model records.</summary>
    public static async Task<(IReadOnlyList<TrackRecord> Tracks, IReadOnlyList<string> Failed)> LoadAsync(IReadOnlyList<string> files, TrackAnalyzer analyzer, ITrackCatalog cache,
        int concurrency, IProgress<TrackImportProgress>? progress, CancellationToken cancellationToken)
    {
        var importer = new TrackImporter(analyzer, cache);
        var ids = new List<string>();
        var failed = new List<string>();
        await foreach (TrackImportResult result in importer.ImportManyAsync(files, concurrency, progress, cancellationToken).ConfigureAwait(false))
        {
            if (result.TrackId is { } id && result.Status != TrackImportStatus.Failed)
            {
                ids.Add(id);
            }
            else
            {
                failed.Add($"{result.Path}: {result.Error}");
            }
        }

        var tracks = new List<TrackRecord>();
        foreach (string id in ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (await cache.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } record && record.IsFromModel(analyzer.ModelName, analyzer.ModelVersion))
            {
                tracks.Add(record);
            }
        }

        return (tracks, failed);
    }

    /// <summary>Runs the benchmark on <paramref name="tracks"/> (all analysed by one model).</summary>
    public static async Task<JourneyReport> RunAsync(string name, IReadOnlyList<TrackRecord> tracks, int songs, int randomOrders, int seed,
        JourneyPlannerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(songs, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(randomOrders, 1);
        if (tracks.Count < songs)
        {
            throw new DatasetFormatException(name, $"the catalog holds {tracks.Count} tracks; a journey of {songs} songs needs at least as many");
        }

        using var catalog = new InMemoryTrackCatalog();
        foreach (TrackRecord track in tracks)
        {
            await catalog.AddAsync(track, cancellationToken).ConfigureAwait(false);
        }

        var planner = new JourneyPlanner(catalog, tracks[0].ModelName, tracks[0].ModelVersion, options);
        double handOver = planner.Options.HandOverSeconds;
        Dictionary<string, MoodPoint> quadrants = QuadrantMoods(tracks);
        var random = new Random(seed);
        var rows = new List<JourneyPathResult>();
        var planTimes = new List<double>();
        foreach ((string from, _, _) in QuadrantSigns)
        {
            foreach ((string to, _, _) in QuadrantSigns)
            {
                if (from == to)
                {
                    continue;
                }

                MoodPath path = MoodPath.Through(quadrants[from], quadrants[to]);
                long started = Stopwatch.GetTimestamp();
                JourneyPlan plan = await planner.PlanAsync(new JourneyRequest { Path = path, Songs = songs }, cancellationToken).ConfigureAwait(false);
                planTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Dictionary<string, EmotionTimeline> byId = tracks.ToDictionary(t => t.Id, t => t.Timeline, StringComparer.Ordinal);
                EmotionTimeline[] planned = plan.Steps.Select(s => byId[s.TrackId]).ToArray();
                rows.Add(new JourneyPathResult(from, to,
                    Score(planned, path, handOver),
                    RandomOrders(planned, path, handOver, randomOrders, random),
                    Score(MeansOrder(planned, path), path, handOver)));
            }
        }

        double[] times = planTimes.Order().ToArray();
        return new JourneyReport(name, tracks.Count, songs, randomOrders,
            quadrants.ToDictionary(q => q.Key, q => new[] { Math.Round(q.Value.Valence, 4), Math.Round(q.Value.Arousal, 4) }), rows)
        {
            // The median: the first plan also reads the catalog into the planner.
            MedianPlanMilliseconds = Math.Round((times[(times.Length - 1) / 2] + times[times.Length / 2]) / 2, 1),
        };
    }

    /// <summary>
    /// Each quadrant's mood: the corner of the catalog's range of song moods, at the 10th or 90th percentile of the song means'
    /// valence and of their arousal (so Q1 is high valence and high arousal for this catalog).
    /// </summary>
    internal static Dictionary<string, MoodPoint> QuadrantMoods(IReadOnlyList<TrackRecord> tracks)
    {
        MoodPoint[] means = tracks.Select(t => JourneyMeasures.Mean(t.Timeline)).OfType<MoodPoint>().ToArray();
        double[] valence = means.Select(m => m.Valence).Order().ToArray(), arousal = means.Select(m => m.Arousal).Order().ToArray();
        var moods = new Dictionary<string, MoodPoint>(StringComparer.Ordinal);
        foreach ((string name, int v, int a) in QuadrantSigns)
        {
            moods[name] = new MoodPoint(Percentile(valence, v > 0 ? 0.9 : 0.1), Percentile(arousal, a > 0 ? 0.9 : 0.1));
        }

        return moods;
    }

    private static double Percentile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    private static JourneyScores Score(IReadOnlyList<EmotionTimeline> order, MoodPath path, double handOver) =>
        new(JourneyMeasures.PathError(order, path), JourneyMeasures.MeanHandOverJump(order, handOver));

    private static JourneyScores RandomOrders(EmotionTimeline[] songs, MoodPath path, double handOver, int count, Random random)
    {
        double error = 0, jump = 0;
        for (int i = 0; i < count; i++)
        {
            EmotionTimeline[] order = (EmotionTimeline[])songs.Clone();
            random.Shuffle(order);
            JourneyScores scores = Score(order, path, handOver);
            error += scores.PathError;
            jump += scores.HandOverJump;
        }

        return new JourneyScores(error / count, jump / count);
    }

    /// <summary>The best order by song means: each song, taken as flat at its mean, assigned to the slot whose stretch it is closest to on average.</summary>
    internal static EmotionTimeline[] MeansOrder(EmotionTimeline[] songs, MoodPath path)
    {
        int n = songs.Length;
        var cost = new double[n, n];
        for (int song = 0; song < n; song++)
        {
            MoodPoint mean = JourneyMeasures.Mean(songs[song]) ?? new MoodPoint(0, 0);
            for (int slot = 0; slot < n; slot++)
            {
                const int Samples = 32;
                double sum = 0;
                for (int s = 0; s < Samples; s++)
                {
                    sum += mean.DistanceTo(path.At((slot + ((s + 0.5) / Samples)) / n));
                }

                cost[song, slot] = sum / Samples;
            }
        }

        int[] slotOf = Assignment.Solve(cost);
        var order = new EmotionTimeline[n];
        for (int song = 0; song < n; song++)
        {
            order[slotOf[song]] = songs[song];
        }

        return order;
    }
}
