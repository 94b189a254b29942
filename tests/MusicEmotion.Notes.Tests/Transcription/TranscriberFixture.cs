using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary>One transcriber (one ONNX session) for a test class, and the synthesised scale and chords as a 44.1 kHz stereo WAV.</summary>
public sealed class TranscriberFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TranscriberFixture()
    {
        Transcriber = new NoteTranscriber();
        ScaleAndChordsWav = WriteWav("scale-and-chords.wav", SynthesizedMusic.Render(SynthesizedMusic.ScaleAndChords(), 44100, 10), 44100, 2);
    }

    public NoteTranscriber Transcriber { get; }

    public string ScaleAndChordsWav { get; }

    public string WriteWav(string name, float[] mono, int sampleRate, int channels) =>
        _dir.Write(name, PcmWav.Encode16(PcmWav.Interleave(mono, channels), sampleRate, channels));

    public string Write(string name, byte[] bytes) => _dir.Write(name, bytes);

    public string Directory => _dir.Path;

    public void Dispose()
    {
        Transcriber.Dispose();
        _dir.Dispose();
    }
}
