namespace MusicEmotion.Inference;

/// <summary>
/// An emotion model or its card is unusable: the card is missing or invalid, the ONNX file cannot be loaded, or the
/// model's inputs and outputs do not match what its card declares (bad input: the model a host named). The shipped
/// model failing, or ONNX Runtime failing while it runs, is an internal error instead.
/// </summary>
public sealed class EmotionModelException : MusicEmotionException
{
    /// <summary>Creates the exception for a model or card the host gave (<see cref="MusicEmotionErrorKind.Input"/>).</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
        Justification = "The longer overload leads with the kind, so the two cannot be confused.")]
    public EmotionModelException(string message, Exception? inner = null)
        : base(MusicEmotionErrorKind.Input, message, inner) { }

    /// <summary>Creates the exception with the kind of problem it is.</summary>
    /// <param name="kind">Who can fix it.</param>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public EmotionModelException(MusicEmotionErrorKind kind, string message, Exception? inner)
        : base(kind, message, inner) { }
}
