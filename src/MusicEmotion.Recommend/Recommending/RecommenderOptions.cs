using MusicEmotion.Recommend.Search;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>Options of <see cref="Recommender"/> (bind with <c>services.AddMusicEmotionRecommendations(o => ...)</c> or pass directly).</summary>
public sealed class RecommenderOptions
{
    /// <summary>
    /// The block weights of <see cref="SimilarityKind.Combined"/>. Default null: the shipped default for the catalog's
    /// model (<see cref="BlockWeights.DefaultFor"/>): <see cref="BlockWeights.DefaultWithMelody"/> when its tracks have a
    /// melody block (a note-aware model), else <see cref="BlockWeights.Default"/>.
    /// </summary>
    public BlockWeights? Weights { get; set; }

    /// <summary>Values per dimension of the emotional arc. Default <see cref="TrackVectorOptions.DefaultArcLength"/>.</summary>
    public int ArcLength { get; set; } = TrackVectorOptions.DefaultArcLength;

    /// <summary>
    /// How hard disliked tracks push the query away (Rocchio's γ): the query is the mean of the liked tracks' vectors
    /// minus this times the mean of the disliked ones. Default 0.5.
    /// </summary>
    public double DislikeWeight { get; set; } = 0.5;

    /// <summary>
    /// Default diversity λ of maximal marginal relevance, in [0, 1]: 0 ranks by similarity alone; higher values trade
    /// similarity to the query for dissimilarity to the results already chosen. Default 0 (a request may override it).
    /// </summary>
    public double Diversity { get; set; }

    /// <summary>
    /// The stored standardisation statistics are recomputed when the number of current-model tracks differs from the
    /// number they were computed on by more than this fraction. Default 0.1 (10 %).
    /// </summary>
    public double StatisticsRefreshFraction { get; set; } = 0.1;

    /// <summary>
    /// Standardisation statistics of broad sets of music that small catalogs are blended with: the first computed with
    /// the catalog's model is used (each is for tracks of the model it was computed with only). Default
    /// <see cref="Vectors.ReferenceStatistics.ShippedAll"/> (one per shipped model); empty standardises with the
    /// catalog's own statistics alone, whatever its size.
    /// </summary>
    public IReadOnlyList<CatalogStatistics> ReferenceStatistics { get; set; } = Vectors.ReferenceStatistics.ShippedAll;

    /// <summary>
    /// Catalog size (current-model tracks) from which the catalog's own standardisation statistics are used alone. Below
    /// it they are blended with <see cref="ReferenceStatistics"/>, the reference's share falling linearly from 1 (no
    /// tracks) to 0 (this many), so that two, three or ten songs are compared as music in general would be rather than
    /// only against each other. Default 100; 0 turns the blend off.
    /// </summary>
    public int OwnStatisticsFromTracks { get; set; } = 100;

    /// <summary>Largest k a request may ask for. Default 1000.</summary>
    public int MaxResults { get; set; } = 1000;

    /// <summary>Makes the exact vector index for a dimension (used below <see cref="ApproximateSearchThreshold"/>). Default: <see cref="ExactVectorIndex"/>.</summary>
    public Func<int, IVectorIndex> CreateIndex { get; set; } = dimension => new ExactVectorIndex(dimension);

    /// <summary>
    /// Makes an approximate index for a dimension (e.g. HNSW from the MusicEmotion.Recommend.Hnsw package:
    /// <c>options.UseHnswIndex()</c>), used once the catalog holds <see cref="ApproximateSearchThreshold"/> current-model
    /// tracks or more. Default null: always exact.
    /// </summary>
    public Func<int, IVectorIndex>? CreateApproximateIndex { get; set; }

    /// <summary>
    /// Catalog size (current-model tracks) from which <see cref="CreateApproximateIndex"/> is used instead of exact
    /// search. Default 250,000: exact search costs about 10 ms per query there on one core and grows linearly
    /// (docs/benchmarks.md), while an approximate index costs about 1 ms and grows slowly.
    /// </summary>
    public int ApproximateSearchThreshold { get; set; } = 250_000;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(CreateIndex);
        Weights?.Validate();
        new TrackVectorOptions { ArcLength = ArcLength }.Validate();
        if (!(DislikeWeight >= 0 && DislikeWeight <= 10))
        {
            throw new ArgumentException($"DislikeWeight must be between 0 and 10 (got {DislikeWeight}).");
        }

        if (!(Diversity >= 0 && Diversity <= 1))
        {
            throw new ArgumentException($"Diversity must be between 0 and 1 (got {Diversity}).");
        }

        if (!(StatisticsRefreshFraction >= 0 && StatisticsRefreshFraction <= 10))
        {
            throw new ArgumentException($"StatisticsRefreshFraction must be between 0 and 10 (got {StatisticsRefreshFraction}).");
        }

        if (OwnStatisticsFromTracks is < 0 or > 1_000_000)
        {
            throw new ArgumentException($"OwnStatisticsFromTracks must be between 0 and 1000000 (got {OwnStatisticsFromTracks}).");
        }

        if (ApproximateSearchThreshold < 1)
        {
            throw new ArgumentException($"ApproximateSearchThreshold must be at least 1 (got {ApproximateSearchThreshold}).");
        }

        if (MaxResults is < 1 or > 100_000)
        {
            throw new ArgumentException($"MaxResults must be between 1 and 100000 (got {MaxResults}).");
        }
    }
}
