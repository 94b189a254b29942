using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Journeys;

/// <summary>
/// Plans mood journeys: an ordered playlist from a catalog that follows a path over the valence–arousal plane, for a
/// number of songs or a target duration. Song <c>k</c> of <c>N</c> is placed on the stretch <c>[k/N, (k+1)/N]</c> of the
/// path, and the planner chooses and orders songs so that each song's own per-second curve follows its stretch (path
/// error) and each hand-over is smooth: the mood of the last ~20 s of a song against the first ~20 s of the next (the
/// hand-over jump), with tempo and key compatibility where they are known. The candidates for each stretch are the songs
/// whose own curve lies nearest it; a beam search keeps the <see cref="JourneyPlannerOptions.BeamWidth"/> best partial
/// journeys at each step, and a local search then swaps or replaces songs while that lowers the cost
/// (<see cref="JourneyPlannerOptions.RefinementMoves"/>). Plans are deterministic. No song is planned twice; disliked
/// and excluded tracks, tracks outside the duration filters, tracks of another model version and tracks without music
/// (silence, a steady tone or noise) are never planned, and only the seconds of music count in the path error and the
/// hand-overs; liked tracks are preferred where they fit. Thread-safe; share one per catalog.
/// </summary>
/// <example>
/// <code>
/// var planner = new JourneyPlanner(catalog, trackAnalyzer.ModelName, trackAnalyzer.ModelVersion);
/// JourneyPlan plan = await planner.PlanAsync(new JourneyRequest
/// {
///     Path = MoodPath.Through(MoodPoint.Parse("calm"), MoodPoint.Parse("energetic")),
///     Songs = 12,
/// });
/// foreach (JourneyStep step in plan.Steps) Console.WriteLine($"{step.SourceName}: {step.Explanation}");
/// </code>
/// </example>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim that serialises loading never allocates its wait handle (AvailableWaitHandle is not used): nothing to dispose.")]
public sealed class JourneyPlanner
{
    private readonly ITrackCatalog _catalog;
    private readonly JourneyPlannerOptions _options;
    private readonly ITempoKeySource _tempoKey;
    private readonly SemaphoreSlim _load = new(1, 1);
    private volatile Loaded? _loaded;

    /// <summary>Creates a planner over <paramref name="catalog"/> (not disposed by the planner).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="modelName">The current model's name: tracks of other models are stale and never planned.</param>
    /// <param name="modelVersion">The current model's version.</param>
    /// <param name="options">Options (validated); null for the defaults.</param>
    /// <param name="tempoKey">Where tempo and key come from; null for the stored estimates (<see cref="DescriptorTempoKeySource.Default"/>).</param>
    public JourneyPlanner(ITrackCatalog catalog, string modelName, string modelVersion, JourneyPlannerOptions? options = null, ITempoKeySource? tempoKey = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(modelName);
        ArgumentException.ThrowIfNullOrEmpty(modelVersion);
        _options = options ?? new JourneyPlannerOptions();
        _options.Validate();
        _catalog = catalog;
        _tempoKey = tempoKey ?? DescriptorTempoKeySource.Default;
        ModelName = modelName;
        ModelVersion = modelVersion;
    }

    /// <summary>The current model's name.</summary>
    public string ModelName { get; }

    /// <summary>The current model's version.</summary>
    public string ModelVersion { get; }

    /// <summary>The options in use.</summary>
    public JourneyPlannerOptions Options => _options;

    /// <summary>Plans the journey of <paramref name="request"/>.</summary>
    /// <exception cref="RecommendationException">
    /// The request is invalid (<see cref="RecommendationFailure.InvalidRequest"/>), names an unknown or stale liked or
    /// disliked track or one without music (<see cref="RecommendationFailure.NoMusicTrack"/>), or no track can be planned (<see cref="RecommendationFailure.NoEligibleTracks"/>).
    /// </exception>
    /// <exception cref="CatalogException">The catalog cannot be read.</exception>
    public async Task<JourneyPlan> PlanAsync(JourneyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        string[] liked = NormalizeIds(request.Liked);
        string[] disliked = NormalizeIds(request.Disliked);
        var blocked = new HashSet<string>(disliked.Concat(NormalizeIds(request.ExcludeIds)), StringComparer.Ordinal);
        Loaded loaded = await LoadAsync(cancellationToken).ConfigureAwait(false);
        await CheckKnownAsync(loaded, liked.Concat(disliked), cancellationToken).ConfigureAwait(false);

        var likedSet = new HashSet<string>(liked, StringComparer.Ordinal);
        double min = request.MinDurationSeconds ?? 0, max = request.MaxDurationSeconds ?? double.PositiveInfinity;
        JourneyCandidate[] eligible = loaded.Candidates
            .Where(c => !blocked.Contains(c.Id) && c.Track.DurationSeconds >= min && c.Track.DurationSeconds <= max)
            .Select(c => new JourneyCandidate(c.Track, c.TempoKey, _options.HandOverSeconds) { Liked = likedSet.Contains(c.Id) })
            .ToArray();
        if (eligible.Length == 0)
        {
            throw new RecommendationException(RecommendationFailure.NoEligibleTracks, loaded.Candidates.Length == 0
                ? $"the catalog holds no track that can be planned ({loaded.Stale} analysed by another model version, {loaded.NoMusic} without music)"
                : "no track is left once the disliked and excluded tracks and the duration filters are applied");
        }

        JourneyCandidate[] chosen;
        bool shortened;
        if (request.Songs is { } songs)
        {
            shortened = songs > eligible.Length;
            chosen = Search(eligible, request.Path, Math.Min(songs, eligible.Length), cancellationToken);
        }
        else
        {
            (chosen, shortened) = SearchForDuration(eligible, request.Path, request.TargetDurationSeconds!.Value, cancellationToken);
        }

        return Describe(request.Path, chosen, eligible.Length, loaded, shortened);
    }

    private void Validate(JourneyRequest request)
    {
        if (request.Path is null)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, "give the journey a path");
        }

        switch (request.Songs, request.TargetDurationSeconds)
        {
            case (null, null):
                throw new RecommendationException(RecommendationFailure.InvalidRequest, "give the number of songs or the target duration");
            case (not null, not null):
                throw new RecommendationException(RecommendationFailure.InvalidRequest, "give the number of songs or the target duration, not both");
            case ({ } songs, null) when songs < 1 || songs > _options.MaxSongs:
                throw new RecommendationException(RecommendationFailure.InvalidRequest, $"the number of songs must be between 1 and {_options.MaxSongs} (got {songs})");
            case (null, { } target) when !(target > 0 && double.IsFinite(target)):
                throw new RecommendationException(RecommendationFailure.InvalidRequest, $"the target duration must be more than 0 s (got {target} s)");
        }

        DurationBounds.Validate(request.MinDurationSeconds, request.MaxDurationSeconds);

        if (request.Liked is { Count: > 0 } && request.Disliked is { Count: > 0 }
            && request.Liked.Intersect(request.Disliked, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, $"track {both} is both liked and disliked; name it in one list only", both);
        }
    }

    private static string[] NormalizeIds(IEnumerable<string>? ids)
    {
        try
        {
            return (ids ?? []).Select(TrackId.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        }
        catch (ArgumentException ex)
        {
            throw new RecommendationException(RecommendationFailure.InvalidRequest, ex.Message);
        }
    }

    private async Task CheckKnownAsync(Loaded loaded, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (string id in ids)
        {
            if (loaded.Ids.Contains(id))
            {
                continue;
            }

            TrackRecord? track = await _catalog.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (track is null)
            {
                throw new RecommendationException(RecommendationFailure.UnknownTrack, $"track {id} is not in the catalog", id);
            }

            if (!track.IsFromModel(ModelName, ModelVersion))
            {
                throw new RecommendationException(RecommendationFailure.StaleTrack,
                    $"track {id} ({track.SourceName}) was analysed by {track.ModelName} {track.ModelVersion}, not the current {ModelName} {ModelVersion}; analyse it again", id);
            }

            if (!MoodSeconds.HasMood(track.Timeline))
            {
                throw new RecommendationException(RecommendationFailure.NoMusicTrack,
                    $"track {id} ({track.SourceName}) holds no music (silence or a steady sound), so it has no mood to plan with; choose another", id);
            }
        }
    }

    /// <summary>Plans for a duration: the number of songs whose typical length fills it, adjusted until the plan ends within half a typical song of the target.</summary>
    private (JourneyCandidate[] Chosen, bool Shortened) SearchForDuration(JourneyCandidate[] eligible, MoodPath path, double target, CancellationToken cancellationToken)
    {
        double typical = Median(eligible.Select(c => c.Track.DurationSeconds));
        int songs = Math.Clamp((int)Math.Round(target / typical), 1, Math.Min(_options.MaxSongs, eligible.Length));
        JourneyCandidate[] chosen = Search(eligible, path, songs, cancellationToken);
        var tried = new HashSet<int> { songs };
        for (int attempt = 0; attempt < 8; attempt++)
        {
            double total = chosen.Sum(c => c.Track.DurationSeconds);
            int next = total < target - (typical / 2) ? songs + 1 : total > target + (typical / 2) ? songs - 1 : songs;
            if (next == songs || next < 1 || next > Math.Min(_options.MaxSongs, eligible.Length) || !tried.Add(next))
            {
                break;
            }

            songs = next;
            chosen = Search(eligible, path, songs, cancellationToken);
        }

        bool shortened = chosen.Sum(c => c.Track.DurationSeconds) < target - (typical / 2) && songs >= Math.Min(_options.MaxSongs, eligible.Length);
        return (chosen, shortened);
    }

    /// <summary>The search for <paramref name="songs"/> songs on equal shares of <paramref name="path"/> (<see cref="JourneySearch"/>).</summary>
    private JourneyCandidate[] Search(JourneyCandidate[] eligible, MoodPath path, int songs, CancellationToken cancellationToken) =>
        new JourneySearch(eligible, path, songs, _options).Run(cancellationToken).Select(i => eligible[i]).ToArray();

    private static JourneyPlan Describe(MoodPath path, JourneyCandidate[] chosen, int eligible, Loaded loaded, bool shortened)
    {
        var steps = new List<JourneyStep>(chosen.Length);
        double start = 0, errorSum = 0;
        int errorCount = 0;
        var jumps = new List<double>();
        for (int k = 0; k < chosen.Length; k++)
        {
            JourneyCandidate song = chosen[k];
            JourneyCandidate? previous = k > 0 ? chosen[k - 1] : null;
            double from = (double)k / chosen.Length, to = (double)(k + 1) / chosen.Length;
            (double sum, int count) = JourneyMeasures.PathErrorSum(song.Timeline, path, from, to);
            errorSum += sum;
            errorCount += count;
            double error = count == 0 ? double.NaN : sum / count;
            double? jump = previous is null ? null : previous.Tail.DistanceTo(song.Head);
            if (jump is { } j)
            {
                jumps.Add(j);
            }

            steps.Add(new JourneyStep(k, song.Id, song.Track.SourceName, song.Track.DurationSeconds, start, from, to, song.Head, song.Tail, error, jump,
                JourneyExplainer.Explain(song, previous, error, last: k == chosen.Length - 1))
            {
                TempoBpm = song.TempoKey.TempoBpm,
                Key = song.TempoKey.Key,
                KeyRelation = previous?.TempoKey.Key is { } a && song.TempoKey.Key is { } b ? a.RelationTo(b) : null,
                Liked = song.Liked,
            });
            start += song.Track.DurationSeconds;
        }

        return new JourneyPlan(path, steps)
        {
            PathError = errorCount == 0 ? double.NaN : errorSum / errorCount,
            MeanHandOverJump = jumps.Count == 0 ? double.NaN : jumps.Average(),
            MaxHandOverJump = jumps.Count == 0 ? double.NaN : jumps.Max(),
            EligibleTracks = eligible,
            StaleTracks = loaded.Stale,
            NoMusicTracks = loaded.NoMusic,
            Shortened = shortened,
        };
    }

    private async Task<Loaded> LoadAsync(CancellationToken cancellationToken)
    {
        long revision = await _catalog.GetRevisionAsync(cancellationToken).ConfigureAwait(false);
        if (_loaded is { } current && current.Revision == revision)
        {
            return current;
        }

        await _load.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded is { } again && again.Revision == revision)
            {
                return again;
            }

            var candidates = new List<JourneyCandidate>();
            int stale = 0, noMusic = 0;
            await foreach (TrackRecord track in _catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!track.IsFromModel(ModelName, ModelVersion))
                {
                    stale++;
                }
                else if (!MoodSeconds.HasMood(track.Timeline))
                {
                    noMusic++;
                }
                else
                {
                    candidates.Add(new JourneyCandidate(track, _tempoKey.Estimate(track), _options.HandOverSeconds));
                }
            }

            var loaded = new Loaded(revision, candidates.ToArray(), stale, noMusic);
            _loaded = loaded;
            return loaded;
        }
        finally
        {
            _load.Release();
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The plannable tracks of one catalog revision.</summary>
    private sealed class Loaded(long revision, JourneyCandidate[] candidates, int stale, int noMusic)
    {
        public long Revision { get; } = revision;

        public JourneyCandidate[] Candidates { get; } = candidates;

        public HashSet<string> Ids { get; } = new(candidates.Select(c => c.Id), StringComparer.Ordinal);

        public int Stale { get; } = stale;

        public int NoMusic { get; } = noMusic;
    }
}
