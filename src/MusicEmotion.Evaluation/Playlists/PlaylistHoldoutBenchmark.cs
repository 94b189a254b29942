using System.Numerics.Tensors;
using MusicEmotion.Evaluation.Metrics;
using MusicEmotion.Recommend.Search;

namespace MusicEmotion.Evaluation.Playlists;

/// <summary>
/// The original study's protocol on real playlists: for every playlist, the tracks that have audio features are split
/// by position (even positions are the seeds, odd positions are hidden); the catalog (the playlists' tracks that have
/// features, as in the study, or every track with features) is ranked by cosine similarity to the mean of the seeds' vectors, seeds excluded, and precision@k counts hidden
/// tracks in the top k. Vectors are built as the recommender builds them: each block standardised over the catalog,
/// scaled to unit norm and weighted.
/// </summary>
internal static class PlaylistHoldoutBenchmark
{
    /// <summary>Runs the protocol.</summary>
    /// <param name="playlists">The playlists.</param>
    /// <param name="features">Audio features per track id (the catalog).</param>
    /// <param name="k">The cut-off.</param>
    /// <param name="emotionWeight">The emotion block's share in the combined condition (descriptors get the rest).</param>
    /// <param name="playlistTracksOnly">Draw recommendations from the playlists' tracks (true, the study's setting) or from every track with features.</param>
    public static PlaylistHoldoutReport Run(IReadOnlyList<MpdPlaylist> playlists, SpotifyAudioFeatures features, int k, double emotionWeight, bool playlistTracksOnly = true)
    {
        ArgumentNullException.ThrowIfNull(playlists);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!(emotionWeight >= 0 && emotionWeight < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(emotionWeight), emotionWeight, "The emotion weight must be in [0, 1).");
        }

        string[] ids = playlistTracksOnly
            ? playlists.SelectMany(p => p.TrackIds).Where(features.Contains).Distinct(StringComparer.Ordinal).ToArray()
            : features.Ids.ToArray();
        if (ids.Length < 2)
        {
            throw new ArgumentException($"The catalog needs at least 2 tracks with audio features (the features file has {ids.Length}).", nameof(features));
        }
        var keyById = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => (long)p.i, StringComparer.Ordinal);
        float[][] descriptors = Standardise(ids.Select(id => features[id].Descriptors).ToArray());
        float[][] emotion = Standardise(ids.Select(id => features[id].Emotion).ToArray());
        using ExactVectorIndex descriptorIndex = Build(descriptors, null, 0);
        using ExactVectorIndex combinedIndex = Build(descriptors, emotion, emotionWeight);

        int evaluated = 0, skipped = 0;
        double random = 0, descriptorPrecision = 0, combinedPrecision = 0;
        foreach (MpdPlaylist playlist in playlists)
        {
            long[] known = playlist.TrackIds.Where(keyById.ContainsKey).Select(id => keyById[id]).Distinct().ToArray();
            if (known.Length < 2)
            {
                skipped++;
                continue;
            }

            long[] seeds = known.Where((_, i) => i % 2 == 0).ToArray();
            var hidden = known.Where((_, i) => i % 2 == 1).ToHashSet();
            evaluated++;
            random += (double)hidden.Count / (ids.Length - seeds.Length);
            descriptorPrecision += PrecisionOf(descriptorIndex, seeds, hidden, k);
            combinedPrecision += PrecisionOf(combinedIndex, seeds, hidden, k);
        }

        double n = Math.Max(evaluated, 1);
        return new PlaylistHoldoutReport(k, evaluated, skipped, ids.Length, random / n, descriptorPrecision / n, combinedPrecision / n,
            FormattableString.Invariant($"descriptors={1 - emotionWeight:0.###},emotion={emotionWeight:0.###}"));
    }

    private static double PrecisionOf(ExactVectorIndex index, long[] seeds, HashSet<long> hidden, int k)
    {
        var query = new float[index.Dimension];
        var vector = new float[index.Dimension];
        foreach (long seed in seeds)
        {
            index.TryGetVector(seed, vector);
            TensorPrimitives.Add(query, vector, query);
        }

        var excluded = seeds.ToHashSet();
        var matches = new VectorMatch[k];
        int found = index.Search(query, matches, key => !excluded.Contains(key));
        long[] ranked = matches.Take(found).Select(m => m.Key).ToArray();
        return RankingMetrics.PrecisionAtK(ranked, hidden, k);
    }

    private static ExactVectorIndex Build(float[][] descriptors, float[][]? emotion, double emotionWeight)
    {
        int dimension = descriptors[0].Length + (emotion?[0].Length ?? 0);
        var index = new ExactVectorIndex(dimension);
        var vector = new float[dimension];
        for (int i = 0; i < descriptors.Length; i++)
        {
            Place(descriptors[i], vector.AsSpan(0, descriptors[i].Length), emotion is null ? 1 : 1 - emotionWeight);
            if (emotion is not null)
            {
                Place(emotion[i], vector.AsSpan(descriptors[i].Length), emotionWeight);
            }

            index.Add(i, vector);
        }

        return index;
    }

    private static void Place(float[] block, Span<float> target, double weight)
    {
        float norm = TensorPrimitives.Norm(block);
        TensorPrimitives.Multiply(block, norm > 0 ? (float)Math.Sqrt(weight) / norm : 0f, target);
    }

    private static float[][] Standardise(float[][] rows)
    {
        int width = rows[0].Length;
        var result = rows.Select(r => (float[])r.Clone()).ToArray();
        for (int c = 0; c < width; c++)
        {
            double mean = rows.Average(r => r[c]);
            double sd = Math.Sqrt(rows.Average(r => (r[c] - mean) * (r[c] - mean)));
            foreach (float[] row in result)
            {
                row[c] = sd > 0 ? (float)((row[c] - mean) / sd) : 0f;
            }
        }

        return result;
    }
}
