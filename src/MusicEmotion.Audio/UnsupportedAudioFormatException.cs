namespace MusicEmotion.Audio;

/// <summary>The content is recognised but uses an encoding or layout no installed decoder supports.</summary>
public sealed class UnsupportedAudioFormatException : AudioFormatException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public UnsupportedAudioFormatException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}
