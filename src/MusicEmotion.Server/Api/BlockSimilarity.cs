using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Server.Api;

/// <summary>How close a recommendation is in one part of the track vector.</summary>
/// <param name="Block">The part.</param>
/// <param name="Cosine">Cosine similarity within the part (−1…1).</param>
/// <param name="Weight">The part's share of the score.</param>
internal sealed record BlockSimilarity(VectorBlock Block, double Cosine, double Weight);
