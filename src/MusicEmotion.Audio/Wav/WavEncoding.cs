namespace MusicEmotion.Audio.Wav;

/// <summary>The sample encodings the managed WAV reader understands.</summary>
public enum WavSampleEncoding
{
    /// <summary>Unsigned 8-bit integer PCM (silence = 128).</summary>
    Pcm8,
    /// <summary>Signed little-endian 16-bit integer PCM.</summary>
    Pcm16,
    /// <summary>Signed little-endian 24-bit integer PCM (packed in 3 bytes).</summary>
    Pcm24,
    /// <summary>Signed little-endian 32-bit integer PCM.</summary>
    Pcm32,
    /// <summary>IEEE 754 little-endian 32-bit float.</summary>
    Float32,
    /// <summary>IEEE 754 little-endian 64-bit float.</summary>
    Float64,
}
