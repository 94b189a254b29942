namespace MusicEmotion.Audio;

/// <summary>
/// Base of every error the audio layer raises for bad input or a failed decoder. The message always
/// names the file (or stream) and says what was wrong; <see cref="AudioSourceName"/> holds the name alone.
/// Bad input unless a subclass says otherwise (<see cref="AudioDecoderException"/>: the environment).
/// </summary>
public class AudioException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceName">The file path or stream description the problem belongs to.</param>
    /// <param name="problem">What was wrong, without the file name (it is prefixed).</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public AudioException(string sourceName, string problem, Exception? inner = null)
        : base(MusicEmotionErrorKind.Input, $"{sourceName}: {problem}", inner)
    {
        AudioSourceName = sourceName;
        Problem = problem;
    }

    /// <summary>The file path or stream description that could not be read.</summary>
    public string AudioSourceName { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}
