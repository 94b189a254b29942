namespace MusicEmotion.Inference;

/// <summary>
/// An emotion model or its card is unusable: the card is missing or invalid, the ONNX file cannot be loaded,
/// or the model's inputs and outputs do not match what its card declares.
/// </summary>
public sealed class EmotionModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public EmotionModelException(string message, Exception? inner = null)
        : base(message, inner) { }
}
