namespace MusicEmotion.Features;

/// <summary>How a centred signal is padded by <c>FftSize / 2</c> samples on each side.</summary>
public enum PadMode
{
    /// <summary>Pad with zeros (numpy <c>mode='constant'</c>; librosa ≥ 0.10 default). The default.</summary>
    Constant,

    /// <summary>Mirror the signal without repeating the edge sample (numpy <c>mode='reflect'</c>).</summary>
    Reflect,
}
