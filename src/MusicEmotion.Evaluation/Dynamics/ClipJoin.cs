using MusicEmotion.Evaluation.Datasets;

namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>Two clips played one after the other, and the way arousal should move where they meet.</summary>
/// <param name="First">The clip heard first.</param>
/// <param name="Second">The clip heard second.</param>
/// <param name="Direction">Rising (low → high arousal) or falling.</param>
internal sealed record ClipJoin(QuadrantClip First, QuadrantClip Second, JoinDirection Direction);
