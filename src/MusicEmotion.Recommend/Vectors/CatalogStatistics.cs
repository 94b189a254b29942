namespace MusicEmotion.Recommend.Vectors;

/// <summary>
/// The standardisation statistics of a catalog's vector blocks, computed over the tracks of one model version and
/// stored with the catalog so that every process embeds tracks the same way. They are recomputed when the catalog has
/// grown or shrunk by more than <see cref="Recommending.RecommenderOptions.StatisticsRefreshFraction"/> since.
/// </summary>
/// <param name="ModelName">The model whose tracks were summarised.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="TrackCount">How many tracks were summarised.</param>
/// <param name="ArcLength">Values per dimension of the arc block.</param>
/// <param name="Descriptors">Statistics of the descriptor block.</param>
/// <param name="EmotionStatistics">Statistics of the emotion-statistics block.</param>
/// <param name="EmotionArc">Statistics of the arc block (pooled per dimension: one deviation for all arousal values, one for all valence values).</param>
/// <param name="ComputedUtc">When they were computed.</param>
public sealed record CatalogStatistics(
    string ModelName,
    string ModelVersion,
    int TrackCount,
    int ArcLength,
    BlockStatistics Descriptors,
    BlockStatistics EmotionStatistics,
    BlockStatistics EmotionArc,
    DateTimeOffset ComputedUtc)
{
    /// <summary>
    /// Statistics of the melody block, over the tracks that have one; null when none of the summarised tracks has one
    /// (an audio-only model's tracks, or tracks stored before the block existed).
    /// </summary>
    public BlockStatistics? Melody { get; init; }

    /// <summary>Whether the statistics hold <paramref name="block"/> (all but <see cref="VectorBlock.Melody"/> always do).</summary>
    public bool Has(VectorBlock block) => block != VectorBlock.Melody || Melody is not null;

    /// <summary>The statistics of <paramref name="block"/>.</summary>
    /// <exception cref="InvalidOperationException">The block is <see cref="VectorBlock.Melody"/> and these statistics have none.</exception>
    public BlockStatistics this[VectorBlock block] => block switch
    {
        VectorBlock.Descriptors => Descriptors,
        VectorBlock.EmotionStatistics => EmotionStatistics,
        VectorBlock.EmotionArc => EmotionArc,
        VectorBlock.Melody => Melody ?? throw new InvalidOperationException("These statistics have no melody block (none of their tracks had one)."),
        _ => throw new ArgumentOutOfRangeException(nameof(block), block, "Not a vector block."),
    };

    /// <summary>Whether these statistics describe tracks of the given model version.</summary>
    public bool IsFor(string modelName, string modelVersion) =>
        string.Equals(ModelName, modelName, StringComparison.Ordinal) && string.Equals(ModelVersion, modelVersion, StringComparison.Ordinal);
}
