namespace MusicEmotion.Evaluation.Transcription;

/// <summary>MIDI could not be rendered to audio: FluidSynth or its soundfont is missing (the environment), or it failed on a file.</summary>
internal sealed class MidiRenderException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing or what FluidSynth said.</param>
    public MidiRenderException(string message)
        : base(MusicEmotionErrorKind.Environment, message)
    {
    }
}
