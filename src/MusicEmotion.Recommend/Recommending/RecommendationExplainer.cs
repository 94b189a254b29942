using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>
/// Writes why a track was recommended, by comparing it with the liked track it is closest to: which musical aspects
/// are close (descriptor groups within half a catalog standard deviation on average), whether the key is the same or a
/// closely related one (relative, a fifth apart; keys as the <see cref="ITempoKeySource"/> knows them, with several liked
/// tracks only a key they all share), whether the mood and the
/// emotional arc match, whether the melodies are alike (range, register, contour; tracks with a melody block), and how it
/// differs (brighter or darker, faster or slower, more or less energetic or positive, a higher or lower melody, a wider or
/// narrower melodic range). Example: <c>"similar tempo and timbre; in the same key (A minor); the same calm-to-intense build; similar melodic range;
/// brighter, more energetic"</c>.
/// </summary>
internal static class RecommendationExplainer
{
    private const double CloseGroup = 0.5;        // mean |Δz| within a descriptor group
    private const double BrightnessStep = 0.75;   // Δz of the spectral centroid
    private const double TempoStep = 0.08;        // relative tempo difference
    private const double MoodStep = 0.15;         // difference of mean arousal or valence on [-1, 1]
    private const double SameMood = 0.1;
    private const double MelodyStep = 0.75;       // Δz of the melody's mean pitch or range
    private const double MelodyPresent = 0.1;     // share of the time a melody note sounds, below which a track is not said to have a melody

    // Indexes of the melody block's means (TrackVectorBlocks.MelodyNames).
    private const int MelodyPitch = 0, MelodyCoverage = 1, MelodyRange = 2, MelodyContour = 5;

    /// <summary>Below this similarity (cosine) a recommendation is called a weak match, never close.</summary>
    public const double WeakSimilarity = 0.2;

    /// <summary>Catalogs smaller than this are called small in explanations of weak matches.</summary>
    public const int SmallCatalog = 50;

    private static readonly (DescriptorGroup Group, string Name)[] GroupNames =
    [
        (DescriptorGroup.Tempo, "tempo"), (DescriptorGroup.Timbre, "timbre"), (DescriptorGroup.Rhythm, "rhythm"),
        (DescriptorGroup.Loudness, "loudness"), (DescriptorGroup.Brightness, "brightness"), (DescriptorGroup.Tonality, "tonality"),
    ];

    /// <summary>Explains <paramref name="candidate"/> against <paramref name="reference"/>.</summary>
    /// <param name="reference">The liked track the candidate is closest to.</param>
    /// <param name="candidate">The recommended track.</param>
    /// <param name="statistics">The catalog statistics (to judge descriptor differences in standard deviations).</param>
    /// <param name="likedKey">The liked key to compare with (the reference's, or the one all liked tracks share), or null when none is known.</param>
    /// <param name="candidateKey">The candidate's key, or null when it is not known.</param>
    /// <param name="blocks">The block similarities of the recommendation (blocks absent from the similarity are not discussed).</param>
    /// <param name="similarity">The recommendation's similarity to the query (−1…1).</param>
    /// <param name="catalogTracks">Tracks searched (to say when a weak match is simply the least far of a small library).</param>
    public static string Explain(TrackRecord reference, TrackRecord candidate, MusicalKey? likedKey, MusicalKey? candidateKey,
        CatalogStatistics statistics, IReadOnlyList<BlockScore> blocks, double similarity, int catalogTracks)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(blocks);
        bool uses(VectorBlock block) => blocks.Any(b => b.Block == block && b.Weight > 0);
        var parts = new List<string>();
        var differences = new List<string>();

        if (uses(VectorBlock.Descriptors))
        {
            string[] close = CloseGroups(reference.Descriptors, candidate.Descriptors, statistics.Descriptors);
            if (close.Length > 0)
            {
                parts.Add("similar " + JoinWords(close));
            }

            if (likedKey is { } liked && candidateKey is { } theirs && KeyWords.Likeness(liked, theirs) is { } key)
            {
                parts.Add(key);
            }

            AddSoundDifferences(reference.Descriptors, candidate.Descriptors, statistics.Descriptors, differences);
        }

        if (uses(VectorBlock.EmotionStatistics))
        {
            double arousal = candidate.Blocks.EmotionStatistics[0] - reference.Blocks.EmotionStatistics[0];
            double valence = candidate.Blocks.EmotionStatistics[1] - reference.Blocks.EmotionStatistics[1];
            if (Math.Abs(arousal) < SameMood && Math.Abs(valence) < SameMood)
            {
                parts.Add($"the same {MoodOf(reference.Blocks.EmotionStatistics[0], reference.Blocks.EmotionStatistics[1])} mood");
            }

            if (Math.Abs(arousal) >= MoodStep)
            {
                differences.Add(arousal > 0 ? "more energetic" : "calmer");
            }

            if (Math.Abs(valence) >= MoodStep)
            {
                differences.Add(valence > 0 ? "more positive" : "darker in mood");
            }
        }

        if (uses(VectorBlock.EmotionArc))
        {
            ArcShape mine = ArcShapes.Of(reference.Timeline), theirs = ArcShapes.Of(candidate.Timeline);
            double arcCosine = blocks.FirstOrDefault(b => b.Block == VectorBlock.EmotionArc).Cosine;
            if (mine == theirs)
            {
                parts.Add($"the same {ArcShapes.Describe(mine)}");
            }
            else if (arcCosine >= 0.5)
            {
                parts.Add("a similar emotional arc");
            }
        }

        if (uses(VectorBlock.Melody) && statistics.Melody is { } melodyStatistics
            && reference.Blocks.Melody is { } likedMelody && candidate.Blocks.Melody is { } candidateMelody
            && likedMelody[MelodyCoverage] >= MelodyPresent && candidateMelody[MelodyCoverage] >= MelodyPresent)
        {
            AddMelody(likedMelody, candidateMelody, melodyStatistics, parts, differences);
        }

        string overall = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{similarity:0.00}");
        if (similarity < WeakSimilarity)
        {
            // Never "close": in a small library the best there is may still be far.
            parts.Insert(0, catalogTracks < SmallCatalog
                ? $"not a close match (similarity {overall}): the least far in a small library of {catalogTracks} songs"
                : $"a weak match (similarity {overall})");
        }
        else if (parts.Count == 0)
        {
            BlockScore strongest = blocks.Where(b => b.Weight > 0).MaxBy(b => b.Cosine * b.Weight);
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"close overall (similarity {overall}; {BlockName(strongest.Block)} {strongest.Cosine:0.00})"));
        }

        if (differences.Count > 0)
        {
            parts.Add(string.Join(", ", differences));
        }

        return string.Join("; ", parts);
    }

    /// <summary>A short name of a block for messages.</summary>
    public static string BlockName(VectorBlock block) => block switch
    {
        VectorBlock.Descriptors => "sound",
        VectorBlock.EmotionStatistics => "emotion",
        VectorBlock.EmotionArc => "emotional arc",
        VectorBlock.Melody => "melody",
        _ => block.ToString(),
    };

    /// <summary>
    /// The melody's likenesses (range, register, contour within half a catalog standard deviation of the block's means)
    /// and differences (mean pitch or range 0.75 standard deviations apart).
    /// </summary>
    private static void AddMelody(IReadOnlyList<float> reference, IReadOnlyList<float> candidate, BlockStatistics statistics, List<string> parts, List<string> differences)
    {
        double Z(int index) => (candidate[index] - reference[index]) / statistics.StandardDeviation[index];
        double range = Z(MelodyRange), pitch = Z(MelodyPitch), contour = Z(MelodyContour);
        var alike = new List<string>();
        if (Math.Abs(range) < CloseGroup)
        {
            alike.Add("melodic range");
        }

        if (Math.Abs(pitch) < CloseGroup)
        {
            alike.Add("register");
        }

        if (Math.Abs(contour) < CloseGroup)
        {
            alike.Add("contour");
        }

        if (alike.Count > 0)
        {
            parts.Add("similar " + JoinWords([.. alike]));
        }

        if (Math.Abs(pitch) >= MelodyStep)
        {
            differences.Add(pitch > 0 ? "a higher melody" : "a lower melody");
        }

        if (Math.Abs(range) >= MelodyStep)
        {
            differences.Add(range > 0 ? "a wider melodic range" : "a narrower melodic range");
        }
    }

    private static string[] CloseGroups(TrackDescriptors a, TrackDescriptors b, BlockStatistics statistics)
    {
        var distance = new Dictionary<DescriptorGroup, (double Sum, int Count)>();
        for (int i = 0; i < a.Values.Count; i++)
        {
            double dz = Math.Abs(a.Values[i] - b.Values[i]) / statistics.StandardDeviation[i];
            DescriptorGroup group = TrackDescriptors.GroupOf(i);
            distance.TryGetValue(group, out var d);
            distance[group] = (d.Sum + dz, d.Count + 1);
        }

        if (a.TempoBpm <= 0 || b.TempoBpm <= 0)
        {
            distance.Remove(DescriptorGroup.Tempo);
        }

        return GroupNames
            .Where(g => distance.TryGetValue(g.Group, out var d) && d.Sum / d.Count < CloseGroup)
            .OrderBy(g => distance[g.Group].Sum / distance[g.Group].Count)
            .Take(3)
            .Select(g => g.Name)
            .ToArray();
    }

    private static void AddSoundDifferences(TrackDescriptors reference, TrackDescriptors candidate, BlockStatistics statistics, List<string> differences)
    {
        int centroid = TrackDescriptors.IndexOf("centroid_mean_hz");
        double brightness = (candidate.Values[centroid] - reference.Values[centroid]) / statistics.StandardDeviation[centroid];
        if (Math.Abs(brightness) >= BrightnessStep)
        {
            differences.Add(brightness > 0 ? "brighter" : "darker in sound");
        }

        if (reference.TempoBpm > 0 && candidate.TempoBpm > 0)
        {
            double ratio = candidate.TempoBpm / reference.TempoBpm;
            if (ratio >= 1 + TempoStep)
            {
                differences.Add("faster");
            }
            else if (ratio <= 1 / (1 + TempoStep))
            {
                differences.Add("slower");
            }
        }
    }

    private static string MoodOf(float arousal, float valence) => (arousal >= 0, valence >= 0) switch
    {
        (true, true) => "bright, energetic",
        (true, false) => "tense, energetic",
        (false, false) => "sombre, calm",
        (false, true) => "gentle, calm",
    };

    private static string JoinWords(string[] words) => words.Length switch
    {
        1 => words[0],
        2 => $"{words[0]} and {words[1]}",
        _ => $"{string.Join(", ", words[..^1])} and {words[^1]}",
    };
}
