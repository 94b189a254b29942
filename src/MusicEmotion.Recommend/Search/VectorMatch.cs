namespace MusicEmotion.Recommend.Search;

/// <summary>One result of a vector search.</summary>
/// <param name="Key">The matched vector's key.</param>
/// <param name="Score">Its dot product with the query (the cosine similarity for unit vectors).</param>
public readonly record struct VectorMatch(long Key, float Score);
