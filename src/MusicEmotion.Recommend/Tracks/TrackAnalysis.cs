using MusicEmotion.Inference;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>The result of analysing one song for the catalog: the record to store and the full emotion analysis.</summary>
/// <param name="Track">The catalog record (id, timeline, descriptors, vector blocks).</param>
/// <param name="Emotion">The emotion analysis (summary, description, fixed-length vectors).</param>
public sealed record TrackAnalysis(TrackRecord Track, EmotionAnalysis Emotion);
