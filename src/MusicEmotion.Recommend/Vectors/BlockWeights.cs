using System.Globalization;

namespace MusicEmotion.Recommend.Vectors;

/// <summary>
/// How much each vector block counts. Weights are non-negative and normalised to sum 1, and every block is scaled to
/// unit norm before weighting, so the cosine similarity of two tracks is <c>Σ_b w_b · cos_b</c>: a weight is exactly the
/// share of the similarity its block decides.
/// </summary>
/// <param name="Descriptors">Weight of the audio descriptors.</param>
/// <param name="EmotionStatistics">Weight of the emotion statistics.</param>
/// <param name="EmotionArc">Weight of the emotional arc.</param>
/// <remarks>
/// The <see cref="Melody"/> block exists only for tracks of a model that transcribes the notes; in a space without it
/// (an audio-only model's tracks) its weight is left out and the other weights are normalised among themselves.
/// </remarks>
public sealed record BlockWeights(double Descriptors, double EmotionStatistics, double EmotionArc)
{
    /// <summary>Creates weights that include the melody block.</summary>
    /// <param name="descriptors">Weight of the audio descriptors.</param>
    /// <param name="emotionStatistics">Weight of the emotion statistics.</param>
    /// <param name="emotionArc">Weight of the emotional arc.</param>
    /// <param name="melody">Weight of the melody block.</param>
    public BlockWeights(double descriptors, double emotionStatistics, double emotionArc, double melody)
        : this(descriptors, emotionStatistics, emotionArc)
    {
        Melody = melody;
    }

    /// <summary>Weight of the melody block (<see cref="VectorBlock.Melody"/>); 0 unless given.</summary>
    public double Melody { get; init; }

    /// <summary>
    /// The shipped default for tracks without a melody block (an audio-only model's): descriptors 0.6, emotion
    /// statistics 0.4, arc 0 — the best of the weight grid on the Emotify benchmark (<c>mer eval recommend --grid</c>;
    /// docs/recommend.md has the table and its limits). The arc adds nothing on Emotify's 60-second clips with
    /// clip-level labels, so it is off by default; compare arcs with <see cref="Recommending.SimilarityKind.EmotionalArc"/>
    /// or give it a weight.
    /// </summary>
    public static BlockWeights Default { get; } = new(0.6, 0.4, 0.0);

    /// <summary>
    /// The shipped default for tracks with a melody block (a note-aware model's): descriptors 0.3, emotion statistics
    /// 0.5, arc 0, melody 0.2 — the cell chosen on the even half of the Emotify queries and reported on the odd half
    /// (docs/recommend.md).
    /// </summary>
    public static BlockWeights DefaultWithMelody { get; } = new(0.3, 0.5, 0.0, 0.2);

    /// <summary><see cref="DefaultWithMelody"/> when <paramref name="statistics"/> hold a melody block, else <see cref="Default"/>.</summary>
    public static BlockWeights DefaultFor(CatalogStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return statistics.Melody is null ? Default : DefaultWithMelody;
    }

    /// <summary>Audio descriptors only (the study's baseline).</summary>
    public static BlockWeights DescriptorsOnly { get; } = new(1, 0, 0);

    /// <summary>Emotion statistics only.</summary>
    public static BlockWeights EmotionStatisticsOnly { get; } = new(0, 1, 0);

    /// <summary>Emotional arc only: the shape of the arousal and valence curves (the "emotional arc" similarity).</summary>
    public static BlockWeights EmotionArcOnly { get; } = new(0, 0, 1);

    /// <summary>The weight of <paramref name="block"/> as given (not normalised).</summary>
    public double this[VectorBlock block] => block switch
    {
        VectorBlock.Descriptors => Descriptors,
        VectorBlock.EmotionStatistics => EmotionStatistics,
        VectorBlock.EmotionArc => EmotionArc,
        VectorBlock.Melody => Melody,
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Not a vector block."),
    };

    /// <summary>The weight of <paramref name="block"/> as a share of the total (the weights normalised to sum 1).</summary>
    public double ShareOf(VectorBlock block)
    {
        Validate();
        return this[block] / (Descriptors + EmotionStatistics + EmotionArc + Melody);
    }

    /// <summary>Checks that every weight is finite and non-negative and that one is positive.</summary>
    /// <exception cref="ArgumentException">They are not.</exception>
    public void Validate()
    {
        double[] all = [Descriptors, EmotionStatistics, EmotionArc, Melody];
        if (all.Any(w => !double.IsFinite(w) || w < 0) || all.Sum() <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Block weights must be finite, non-negative and not all zero (got descriptors {Descriptors}, emotion statistics {EmotionStatistics}, arc {EmotionArc}, melody {Melody})."));
        }
    }

    /// <summary>Parses <c>"descriptors=0.3,emotion=0.5,arc=0,melody=0.2"</c> (any subset; missing blocks weigh 0).</summary>
    /// <exception cref="FormatException">The text is not in that form.</exception>
    public static BlockWeights Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double d = 0, e = 0, a = 0, m = 0;
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                throw new FormatException($"'{part}' is not name=weight (names: descriptors, emotion, arc, melody).");
            }

            switch (pair[0].ToLowerInvariant())
            {
                case "descriptors": d = value; break;
                case "emotion": e = value; break;
                case "arc": a = value; break;
                case "melody": m = value; break;
                default: throw new FormatException($"'{pair[0]}' is not a block (names: descriptors, emotion, arc, melody).");
            }
        }

        var weights = new BlockWeights(d, e, a, m);
        try
        {
            weights.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }

        return weights;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        string text = string.Create(CultureInfo.InvariantCulture, $"descriptors={Descriptors:0.###},emotion={EmotionStatistics:0.###},arc={EmotionArc:0.###}");
        return Melody > 0 ? text + string.Create(CultureInfo.InvariantCulture, $",melody={Melody:0.###}") : text;
    }
}
