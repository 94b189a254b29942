namespace MusicEmotion.Audio;

/// <summary>The content is not valid audio of the format it claims: truncated, corrupt, or a header that lies.</summary>
public class AudioFormatException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioFormatException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}
