namespace MusicEmotion.Evaluation.ModelEvaluation;

/// <summary>A clip left out of an evaluation.</summary>
/// <param name="Clip">Its id.</param>
/// <param name="Reason">Why.</param>
internal sealed record SkippedClip(string Clip, string Reason);
