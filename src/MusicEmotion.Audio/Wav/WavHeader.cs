namespace MusicEmotion.Audio.Wav;

/// <summary>What the RIFF/RF64 header of a WAV file declares, as parsed by <see cref="WavHeaderParser"/>.</summary>
/// <param name="Format">Sample rate and channel count.</param>
/// <param name="Encoding">How each sample is stored.</param>
/// <param name="BlockAlign">Bytes per frame (all channels of one sample instant).</param>
/// <param name="FormatTag">The raw <c>wFormatTag</c> (1 PCM, 3 IEEE float, 0xFFFE extensible).</param>
/// <param name="DataLength">Bytes of sample data, or <c>null</c> when the header leaves it open (streamed output, size 0xFFFFFFFF).</param>
internal sealed record WavHeader(AudioFormat Format, WavSampleEncoding Encoding, int BlockAlign, int FormatTag, long? DataLength)
{
    /// <summary>Bytes per single sample of one channel.</summary>
    public int BytesPerSample => BlockAlign / Format.Channels;

    /// <summary>Number of whole frames in the data chunk, when its length is known.</summary>
    public long? FrameCount => DataLength / BlockAlign;

    /// <summary>A short human-readable description, e.g. "WAV PCM 16-bit".</summary>
    public string Describe() => Encoding switch
    {
        WavSampleEncoding.Float32 => "WAV IEEE float 32-bit",
        WavSampleEncoding.Float64 => "WAV IEEE float 64-bit",
        _ => $"WAV PCM {BytesPerSample * 8}-bit",
    } + (FormatTag == WavHeaderParser.FormatExtensible ? " (extensible)" : string.Empty);
}
