namespace MusicEmotion.Audio;

/// <summary>
/// Base of every error the audio layer raises for bad input or a failed decoder. The message always
/// names the file (or stream) and says what was wrong; <see cref="AudioSourceName"/> holds the name alone.
/// Bad input unless a subclass says otherwise (<see cref="AudioDecoderException"/>: the environment).
/// </summary>
public class AudioException : MusicEmotionException
{
    /// <summary>Creates an exception for bad input.</summary>
    /// <param name="sourceName">The file path or stream description the problem belongs to.</param>
    /// <param name="problem">What was wrong, without the file name (it is prefixed).</param>
    /// <param name="inner">The underlying exception, if any.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "The longer overload is protected, and its leading kind parameter cannot be confused with this one's.")]
    public AudioException(string sourceName, string problem, Exception? inner = null)
        : this(MusicEmotionErrorKind.Input, sourceName, problem, inner)
    {
    }

    /// <summary>Creates the exception with the kind of problem it is.</summary>
    /// <param name="kind">Who can fix it.</param>
    /// <param name="sourceName">The file path or stream description the problem belongs to.</param>
    /// <param name="problem">What was wrong, without the file name (it is prefixed).</param>
    /// <param name="inner">The underlying exception, if any.</param>
    protected AudioException(MusicEmotionErrorKind kind, string sourceName, string problem, Exception? inner)
        : base(kind, $"{sourceName}: {problem}", inner)
    {
        AudioSourceName = sourceName;
        Problem = problem;
    }

    /// <summary>The file path or stream description that could not be read.</summary>
    public string AudioSourceName { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}
