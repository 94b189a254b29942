namespace MusicEmotion.Audio;

/// <summary>The path does not name a readable audio file: it is missing, a directory, or access is denied.</summary>
public sealed class AudioSourceNotFoundException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioSourceNotFoundException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}
