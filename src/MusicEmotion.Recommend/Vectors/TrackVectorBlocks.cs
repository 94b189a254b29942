using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Recommend.Vectors;

/// <summary>
/// A track's raw (unstandardised) vector blocks: the audio descriptors, the emotion statistics, the emotional arc and,
/// for tracks of a model that transcribes the notes, the melody block.
/// The catalog stores them; <see cref="TrackVectorSpace"/> turns them into the weighted unit vector that similarity
/// search compares.
/// </summary>
public sealed class TrackVectorBlocks
{
    /// <summary>Names of the <see cref="VectorBlock.EmotionStatistics"/> values, in order.</summary>
    public static IReadOnlyList<string> EmotionStatisticNames { get; } =
    [
        "arousal_mean", "valence_mean", "arousal_std", "valence_std", "arousal_range", "valence_range",
        "share_q1", "share_q2", "share_q3", "share_q4", "arousal_trend_per_min", "valence_trend_per_min",
    ];

    /// <summary>
    /// The per-second columns the <see cref="VectorBlock.Melody"/> block summarises, as the note front end's <c>melody</c>
    /// feature kind names them (MusicEmotion.Notes, docs/notes.md): melody pitch (octaves from middle C, 0 without melody), coverage, range,
    /// mean interval, leap share, contour, vibrato share, rate and extent, glissando share.
    /// </summary>
    public static IReadOnlyList<string> MelodyColumns { get; } =
    [
        "melody.pitch", "melody.coverage", "melody.range", "melody.interval", "melody.leap_share",
        "melody.contour", "melody.vibrato_share", "melody.vibrato_rate", "melody.vibrato_extent", "melody.glissando",
    ];

    /// <summary>Names of the <see cref="VectorBlock.Melody"/> values, in order: the mean of every <see cref="MelodyColumns"/> column, then its standard deviation.</summary>
    public static IReadOnlyList<string> MelodyNames { get; } =
        [.. MelodyColumns.Select(c => c + "_mean"), .. MelodyColumns.Select(c => c + "_std")];

    private readonly float[] _descriptors;
    private readonly float[] _emotionStatistics;
    private readonly float[] _emotionArc;
    private readonly float[]? _melody;

    /// <summary>Creates the blocks from their values, without a melody block.</summary>
    /// <exception cref="ArgumentException">A block has the wrong length or a non-finite value.</exception>
    public TrackVectorBlocks(IReadOnlyList<float> descriptors, IReadOnlyList<float> emotionStatistics, IReadOnlyList<float> emotionArc)
        : this(descriptors, emotionStatistics, emotionArc, null)
    {
    }

    /// <summary>Creates the blocks from their values.</summary>
    /// <param name="descriptors">The audio descriptors.</param>
    /// <param name="emotionStatistics">The emotion statistics.</param>
    /// <param name="emotionArc">The emotional arc.</param>
    /// <param name="melody">The melody block (<see cref="MelodyNames"/>), or null when the track has none.</param>
    /// <exception cref="ArgumentException">A block has the wrong length or a non-finite value.</exception>
    public TrackVectorBlocks(IReadOnlyList<float> descriptors, IReadOnlyList<float> emotionStatistics, IReadOnlyList<float> emotionArc, IReadOnlyList<float>? melody)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(emotionStatistics);
        ArgumentNullException.ThrowIfNull(emotionArc);
        Require(descriptors.Count == TrackDescriptors.Names.Count, $"the descriptor block has {TrackDescriptors.Names.Count} values, not {descriptors.Count}");
        Require(emotionStatistics.Count == EmotionStatisticNames.Count, $"the emotion-statistics block has {EmotionStatisticNames.Count} values, not {emotionStatistics.Count}");
        Require(emotionArc.Count >= 2 && emotionArc.Count % 2 == 0, $"the emotional-arc block holds arousal then valence (an even count ≥ 2), not {emotionArc.Count} values");
        _descriptors = descriptors.ToArray();
        _emotionStatistics = emotionStatistics.ToArray();
        _emotionArc = emotionArc.ToArray();
        Require(melody is null || melody.Count == MelodyNames.Count, $"the melody block has {MelodyNames.Count} values, not {melody?.Count}");
        _melody = melody?.ToArray();
        Require(_descriptors.Concat(_emotionStatistics).Concat(_emotionArc).Concat(_melody ?? []).All(float.IsFinite), "vector blocks must be finite");
    }

    /// <summary>The audio descriptors (<see cref="TrackDescriptors.Names"/> order).</summary>
    public IReadOnlyList<float> Descriptors => _descriptors;

    /// <summary>The emotion statistics (<see cref="EmotionStatisticNames"/> order).</summary>
    public IReadOnlyList<float> EmotionStatistics => _emotionStatistics;

    /// <summary>The emotional arc: <see cref="ArcLength"/> arousal values then as many valence values, each centred on its own mean.</summary>
    public IReadOnlyList<float> EmotionArc => _emotionArc;

    /// <summary>The melody block (<see cref="MelodyNames"/> order), or null when the track has none (an audio-only model's track, or one stored before the block existed).</summary>
    public IReadOnlyList<float>? Melody => _melody;

    /// <summary>Values per dimension of the arc.</summary>
    public int ArcLength => _emotionArc.Length / 2;

    /// <summary>The values of <paramref name="block"/> (empty for a melody block the track does not have).</summary>
    public ReadOnlySpan<float> this[VectorBlock block] => block switch
    {
        VectorBlock.Descriptors => _descriptors,
        VectorBlock.EmotionStatistics => _emotionStatistics,
        VectorBlock.EmotionArc => _emotionArc,
        VectorBlock.Melody => _melody,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Not a vector block."),
    };

    /// <summary>Builds every block from a track's descriptors and emotion timeline.</summary>
    /// <param name="descriptors">The track's audio descriptors.</param>
    /// <param name="timeline">The track's per-second emotion (at least one second).</param>
    /// <param name="arcLength">Values per dimension of the arc.</param>
    /// <param name="melody">The melody block (<see cref="MelodyOf"/>), or null when the track has none.</param>
    public static TrackVectorBlocks From(TrackDescriptors descriptors, EmotionTimeline timeline, int arcLength, IReadOnlyList<float>? melody = null)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        return new TrackVectorBlocks(descriptors.Values, EmotionStatisticsOf(timeline), EmotionArcOf(timeline, arcLength), melody);
    }

    /// <summary>
    /// The <see cref="VectorBlock.Melody"/> block of per-second melody columns: for every column of
    /// <see cref="MelodyColumns"/>, its mean over the seconds, then for every column its (population) standard deviation
    /// over the seconds; all 0 when there is no second.
    /// </summary>
    /// <param name="seconds">One row per second, <see cref="MelodyColumns"/> values each, row-major.</param>
    /// <exception cref="ArgumentException">The length is not a whole number of rows.</exception>
    public static float[] MelodyOf(ReadOnlySpan<float> seconds)
    {
        int width = MelodyColumns.Count;
        if (seconds.Length % width != 0)
        {
            throw new ArgumentException($"Per-second melody rows hold {width} values each; {seconds.Length} values are not whole rows.", nameof(seconds));
        }

        int count = seconds.Length / width;
        var values = new float[2 * width];
        for (int c = 0; c < width && count > 0; c++)
        {
            double sum = 0, squares = 0;
            for (int s = 0; s < count; s++)
            {
                double v = seconds[(s * width) + c];
                sum += v;
                squares += v * v;
            }

            double mean = sum / count;
            values[c] = (float)mean;
            values[width + c] = (float)Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean)));
        }

        return values;
    }

    /// <summary>
    /// The emotion statistics of a timeline's music seconds: arousal and valence mean, standard deviation and range (90th
    /// − 10th percentile), the share of seconds in each quadrant, and the least-squares trend per minute of each
    /// dimension; all 0 for a timeline without music (such a track is never recommended).
    /// </summary>
    public static float[] EmotionStatisticsOf(EmotionTimeline timeline)
    {
        EmotionSummary summary = EmotionSummary.From(timeline, new SummaryOptions { StrongestMomentCount = 1, PeakCount = 1 });
        if (summary.Arousal is not { } a || summary.Valence is not { } v)
        {
            return new float[EmotionStatisticNames.Count];
        }

        QuadrantShares q = summary.QuadrantShares;
        return
        [
            (float)a.Mean, (float)v.Mean, (float)a.StandardDeviation, (float)v.StandardDeviation,
            (float)(a.Percentile90 - a.Percentile10), (float)(v.Percentile90 - v.Percentile10),
            (float)q.Q1, (float)q.Q2, (float)q.Q3, (float)q.Q4,
            (float)a.TrendPerMinute, (float)v.TrendPerMinute,
        ];
    }

    /// <summary>
    /// The emotional arc of a timeline: arousal and valence resampled to <paramref name="length"/> values each (as
    /// <see cref="EmotionVector"/> does), each minus its own mean, so the arc holds the shape and not the level (the
    /// level is in the statistics block).
    /// </summary>
    public static float[] EmotionArcOf(EmotionTimeline timeline, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        EmotionVector vector = EmotionVector.From(timeline, length);
        float[] arc = vector.ToConcatenated();
        Center(arc.AsSpan(0, length));
        Center(arc.AsSpan(length, length));
        return arc;
    }

    private static void Center(Span<float> values)
    {
        float mean = System.Numerics.Tensors.TensorPrimitives.Sum<float>(values) / values.Length;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] -= mean;
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid track vector: {problem}.");
        }
    }
}
