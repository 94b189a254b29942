namespace MusicEmotion.Audio.Decoding;

/// <summary>What an audio file contains, as reported by <see cref="AudioLoader.Probe"/>.</summary>
/// <param name="SourceName">The file path.</param>
/// <param name="DecoderName">The decoder chosen for it (see <see cref="IAudioDecoder.Name"/>).</param>
/// <param name="FormatName">Container and encoding, e.g. "WAV PCM 16-bit" or "mp3".</param>
/// <param name="SampleRate">Native sample rate in Hz.</param>
/// <param name="Channels">Native channel count.</param>
/// <param name="Duration">Playing time, when the container states it.</param>
/// <param name="BitRate">Bits per second of the encoded stream, when known.</param>
public sealed record AudioFileInfo(
    string SourceName,
    string DecoderName,
    string FormatName,
    int SampleRate,
    int Channels,
    TimeSpan? Duration,
    long? BitRate);
