namespace MusicEmotion.Recommend.Search;

/// <summary>
/// Maximum-inner-product search over fixed-length float vectors keyed by integers. The exact index
/// (<see cref="ExactVectorIndex"/>) compares the query with every vector; approximate indexes trade a little recall
/// for speed on large catalogs. Implementations are thread-safe: searches run concurrently, writes exclusively.
/// </summary>
public interface IVectorIndex : IDisposable
{
    /// <summary>What kind of search this is, as reported with results (e.g. "exact").</summary>
    string Kind { get; }

    /// <summary>Length of every vector.</summary>
    int Dimension { get; }

    /// <summary>Number of vectors.</summary>
    int Count { get; }

    /// <summary>Adds a vector, or replaces the vector stored under <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The vector's length differs from <see cref="Dimension"/> or it holds a non-finite value.</exception>
    void Add(long key, ReadOnlySpan<float> vector);

    /// <summary>Removes the vector stored under <paramref name="key"/>.</summary>
    /// <returns>True when there was one.</returns>
    bool Remove(long key);

    /// <summary>Copies the vector stored under <paramref name="key"/> into <paramref name="destination"/>.</summary>
    /// <returns>False when there is none.</returns>
    bool TryGetVector(long key, Span<float> destination);

    /// <summary>
    /// Finds the vectors with the largest dot product with <paramref name="query"/> that <paramref name="accept"/>
    /// lets through, best first, filling at most <c>results.Length</c> entries.
    /// </summary>
    /// <param name="query">A vector of <see cref="Dimension"/> values.</param>
    /// <param name="results">Receives the matches; its length is k.</param>
    /// <param name="accept">Optional filter on keys; called only for vectors that would enter the results.</param>
    /// <returns>The number of matches written.</returns>
    int Search(ReadOnlySpan<float> query, Span<VectorMatch> results, Func<long, bool>? accept = null);
}
