namespace MusicEmotion.Audio;

/// <summary>An external decoder (ffmpeg) is not installed, could not be started, or failed.</summary>
public sealed class AudioDecoderException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioDecoderException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}
