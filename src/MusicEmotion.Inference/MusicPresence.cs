namespace MusicEmotion.Inference;

/// <summary>What one second of audio holds, as far as reading a mood is concerned.</summary>
public enum MusicPresence
{
    /// <summary>Music (or any changing sound): the second carries a mood reading.</summary>
    Music,

    /// <summary>Digital silence or near-silence (the second's RMS level is below <see cref="EmotionAnalyzerOptions.SilenceThresholdDb"/>): no mood.</summary>
    Silence,

    /// <summary>A steady signal with neither spectral change nor rhythm, such as a constant tone, mains hum or steady noise: no mood.</summary>
    SteadySignal,
}
