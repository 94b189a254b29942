namespace MusicEmotion.Audio;

/// <summary>
/// An external decoder (ffmpeg) is not installed, could not be started, or failed, or a host's own sample source
/// failed: a problem of the environment (<see cref="MusicEmotionErrorKind.Environment"/>), not of the audio.
/// </summary>
public sealed class AudioDecoderException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioDecoderException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }

    /// <summary>Always <see cref="MusicEmotionErrorKind.Environment"/>: the decoder, not the audio, failed.</summary>
    public override MusicEmotionErrorKind Kind => MusicEmotionErrorKind.Environment;
}
