using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Recommending;

/// <summary>How close a recommended track is to the query in one block.</summary>
/// <param name="Block">The block.</param>
/// <param name="Cosine">The cosine similarity within the block (−1…1).</param>
/// <param name="Weight">The block's share of the score (the shares sum to 1); the score is <c>Σ Weight · Cosine</c> against the query.</param>
public readonly record struct BlockScore(VectorBlock Block, double Cosine, double Weight);
