namespace MusicEmotion.Evaluation.Dynamics;

/// <summary>Which way arousal should move at a join of two clips.</summary>
internal enum JoinDirection
{
    /// <summary>A low-arousal clip (Q3, Q4) followed by a high-arousal clip (Q1, Q2): arousal should rise.</summary>
    Rising,

    /// <summary>A high-arousal clip followed by a low-arousal clip: arousal should fall.</summary>
    Falling,
}
