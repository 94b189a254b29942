using System.Numerics.Tensors;

namespace MusicEmotion.Recommend.Vectors;

/// <summary>
/// Turns a track's raw blocks into the vector that similarity search compares: every block with a positive weight is
/// standardised with the catalog's statistics, scaled to unit norm and multiplied by the square root of its
/// normalised weight, then the blocks are concatenated. The result has unit norm (or less, when a block is all
/// average), and the dot product of two embeddings is <c>Σ_b w_b · cos_b</c>, the weighted cosine similarity. The
/// melody block is part of the space only when the statistics hold it (otherwise its weight is left out and the other
/// weights are normalised among themselves); a track without a melody block is embedded with that slice all zero, so
/// the block adds nothing to its similarities.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="Embed(TrackVectorBlocks, Span{float})"/> allocates nothing.</remarks>
public sealed class TrackVectorSpace
{
    private readonly BlockSlice[] _slices;

    /// <summary>Creates the space for <paramref name="statistics"/> and <paramref name="weights"/>.</summary>
    /// <exception cref="ArgumentException">The weights are invalid.</exception>
    public TrackVectorSpace(CatalogStatistics statistics, BlockWeights weights)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        Statistics = statistics;
        Weights = weights;
        var slices = new List<BlockSlice>();
        int offset = 0;
        VectorBlock[] present = [.. Enum.GetValues<VectorBlock>().Where(statistics.Has)];
        double total = present.Sum(b => weights[b]);
        if (!(total > 0))
        {
            throw new ArgumentException($"The weights ({weights}) give no weight to a block these statistics have (the melody block exists only for tracks of a model that transcribes the notes).", nameof(weights));
        }

        foreach (VectorBlock block in present)
        {
            double share = weights[block] / total;
            if (share > 0)
            {
                int length = statistics[block].Length;
                slices.Add(new BlockSlice(block, offset, length, share));
                offset += length;
            }
        }

        _slices = slices.ToArray();
        Dimension = offset;
    }

    /// <summary>The standardisation statistics.</summary>
    public CatalogStatistics Statistics { get; }

    /// <summary>The block weights.</summary>
    public BlockWeights Weights { get; }

    /// <summary>Length of an embedded vector (the blocks with a positive weight).</summary>
    public int Dimension { get; }

    /// <summary>The blocks present in an embedding, in order.</summary>
    internal IReadOnlyList<BlockSlice> Slices => _slices;

    /// <summary>Embeds <paramref name="blocks"/> into <paramref name="destination"/> (<see cref="Dimension"/> values).</summary>
    /// <exception cref="ArgumentException">The arc length differs from the statistics', or the destination is too short.</exception>
    public void Embed(TrackVectorBlocks blocks, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (destination.Length < Dimension)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; embeddings have {Dimension}.", nameof(destination));
        }

        if (blocks.ArcLength != Statistics.ArcLength)
        {
            throw new ArgumentException($"The track's arc has {blocks.ArcLength} values per dimension; this space uses {Statistics.ArcLength} (rebuild the blocks from the timeline).", nameof(blocks));
        }

        foreach (BlockSlice slice in _slices)
        {
            Span<float> target = destination.Slice(slice.Offset, slice.Length);
            ReadOnlySpan<float> values = blocks[slice.Block];
            if (values.IsEmpty)
            {
                target.Clear(); // a track without this block (no melody): the block is left out of its similarities
                continue;
            }

            Statistics[slice.Block].Standardise(values, target);
            float norm = TensorPrimitives.Norm(target);
            if (norm > 0 && float.IsFinite(norm))
            {
                TensorPrimitives.Multiply(target, (float)Math.Sqrt(slice.Weight) / norm, target);
            }
            else
            {
                target.Clear();
            }
        }
    }

    /// <summary>Embeds <paramref name="blocks"/> into a new array.</summary>
    public float[] Embed(TrackVectorBlocks blocks)
    {
        var vector = new float[Dimension];
        Embed(blocks, vector);
        return vector;
    }

    /// <summary>
    /// The cosine similarity of two embeddings within one block (−1…1): their dot product over the block's slice,
    /// divided by the block's weight. 0 when the block is not part of this space.
    /// </summary>
    public double BlockCosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, VectorBlock block)
    {
        foreach (BlockSlice slice in _slices)
        {
            if (slice.Block == block)
            {
                double normA = TensorPrimitives.Norm(a.Slice(slice.Offset, slice.Length));
                double normB = TensorPrimitives.Norm(b.Slice(slice.Offset, slice.Length));
                double dot = TensorPrimitives.Dot(a.Slice(slice.Offset, slice.Length), b.Slice(slice.Offset, slice.Length));
                return normA > 0 && normB > 0 ? dot / (normA * normB) : 0;
            }
        }

        return 0;
    }
}
