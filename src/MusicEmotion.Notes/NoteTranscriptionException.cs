namespace MusicEmotion.Notes;

/// <summary>
/// The transcription model cannot be used: the embedded model is missing or ONNX Runtime cannot load or run it.
/// Problems with the audio itself surface as MusicEmotion.Audio's exceptions (<c>AudioFormatException</c>,
/// <c>UnsupportedAudioFormatException</c>, <c>AudioSourceNotFoundException</c>, <c>AudioDecoderException</c>), exactly
/// as in an emotion analysis. Its <see cref="MusicEmotionException.Kind"/> is <see cref="MusicEmotionErrorKind.Internal"/>:
/// the model ships inside the package, so a failure to load or run it is a fault of the installation, not of the input.
/// </summary>
public sealed class NoteTranscriptionException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public NoteTranscriptionException(string message, Exception? inner = null)
        : base(MusicEmotionErrorKind.Internal, message, inner) { }
}
