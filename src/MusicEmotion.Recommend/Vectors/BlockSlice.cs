namespace MusicEmotion.Recommend.Vectors;

/// <summary>Where a block sits in an embedded track vector, and its share of the similarity.</summary>
/// <param name="Block">The block.</param>
/// <param name="Offset">First position in the vector.</param>
/// <param name="Length">Number of values.</param>
/// <param name="Weight">The block's normalised weight (the blocks' weights sum to 1).</param>
internal readonly record struct BlockSlice(VectorBlock Block, int Offset, int Length, double Weight);
