namespace MusicEmotion.Inference.Windowing;

/// <summary>Which temporal smoothing an analysis applies to the per-second values (see <see cref="EmotionSmoothing"/>).</summary>
public enum SmoothingKind
{
    /// <summary>The values as the model gives them.</summary>
    None,

    /// <summary>The model card's default (<c>output.smoothing</c>); none when the card has none.</summary>
    Card,

    /// <summary>A centred moving average over a half-window of whole seconds on each side.</summary>
    Window,
}
