namespace MusicEmotion.Audio;

/// <summary>
/// Base of every error the audio layer raises for bad input or a failed decoder. The message always
/// names the file (or stream) and says what was wrong; <see cref="AudioSourceName"/> holds the name alone.
/// </summary>
public class AudioException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file path or stream description the problem belongs to.</param>
    /// <param name="problem">What was wrong, without the file name (it is prefixed).</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public AudioException(string sourceName, string problem, Exception? inner = null)
        : base($"{sourceName}: {problem}", inner)
    {
        AudioSourceName = sourceName;
        Problem = problem;
    }

    /// <summary>The file path or stream description that could not be read.</summary>
    public string AudioSourceName { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}

/// <summary>The content is not valid audio of the format it claims: truncated, corrupt, or a header that lies.</summary>
public class AudioFormatException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioFormatException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}

/// <summary>The content is recognised but uses an encoding or layout no installed decoder supports.</summary>
public sealed class UnsupportedAudioFormatException : AudioFormatException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public UnsupportedAudioFormatException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}

/// <summary>The path does not name a readable audio file: it is missing, a directory, or access is denied.</summary>
public sealed class AudioSourceNotFoundException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioSourceNotFoundException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}

/// <summary>An external decoder (ffmpeg) is not installed, could not be started, or failed.</summary>
public sealed class AudioDecoderException : AudioException
{
    /// <inheritdoc cref="AudioException(string, string, Exception?)" />
    public AudioDecoderException(string sourceName, string problem, Exception? inner = null)
        : base(sourceName, problem, inner) { }
}
