namespace MusicEmotion.Audio;

/// <summary>The shape of a PCM stream: sample rate and interleaved channel count.</summary>
/// <param name="SampleRate">Samples per second per channel (Hz).</param>
/// <param name="Channels">Number of interleaved channels (1 = mono).</param>
public readonly record struct AudioFormat(int SampleRate, int Channels)
{
    /// <inheritdoc />
    public override string ToString() => $"{SampleRate} Hz, {Channels} ch";
}
