namespace MusicEmotion.Inference.Cards;

/// <summary>The two emotion dimensions.</summary>
internal enum EmotionDimension
{
    /// <summary>Calm (−1) to excited (+1).</summary>
    Arousal,
    /// <summary>Unpleasant (−1) to pleasant (+1).</summary>
    Valence,
}
