namespace MusicEmotion.Recommend.Hnsw;

/// <summary>
/// Settings of an <see cref="HnswVectorIndex"/>. The defaults are the measured ones (docs/benchmarks.md, "Approximate
/// search"): on a million track vectors of 131 values, recall@10 against exact search 0.954 at a median of 1.6 ms per
/// query on one core.
/// </summary>
public sealed class HnswIndexOptions
{
    /// <summary>M: links per node in the graph (USearch's connectivity). More links: better recall, more memory and a slower build. Default 16.</summary>
    public int Connectivity { get; set; } = 16;

    /// <summary>ef at build time (USearch's expansion_add): candidates kept while linking a new vector; more builds a better graph, more slowly. Default 64.</summary>
    public int ExpansionAdd { get; set; } = 64;

    /// <summary>ef at query time (USearch's expansion_search): candidates kept while searching; raise it for recall, lower it for speed. Default 128.</summary>
    public int ExpansionSearch { get; set; } = 128;

    /// <summary>Searches and builder threads that may use the index at once (each needs its own native context). Default: twice the number of cores.</summary>
    public int Threads { get; set; } = Math.Max(2, 2 * Environment.ProcessorCount);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (Connectivity is < 2 or > 256)
        {
            throw new ArgumentException($"Connectivity must be between 2 and 256 (got {Connectivity}).");
        }

        if (ExpansionAdd is < 1 or > 65_536 || ExpansionSearch is < 1 or > 65_536)
        {
            throw new ArgumentException($"ExpansionAdd and ExpansionSearch must be between 1 and 65536 (got {ExpansionAdd} and {ExpansionSearch}).");
        }

        if (Threads is < 1 or > 1024)
        {
            throw new ArgumentException($"Threads must be between 1 and 1024 (got {Threads}).");
        }
    }
}
