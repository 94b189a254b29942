using BenchmarkDotNet.Attributes;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Notes;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Note transcription of a 3-minute piece (tests/Shared/SynthesizedMusic.Piece, seed 1: a melody over a chord per bar,
/// 1,900 notes) with the embedded Basic Pitch model on one ONNX Runtime thread: 110 windows, note decoding with pitch
/// bends, and the tempo estimate. `NotesParity bench-audio` writes the very same samples for the TF.js reference's time.
/// </summary>
[MemoryDiagnoser]
public class NoteTranscriptionBenchmarks
{
    private const double Seconds = 180;
    private float[] _mono = [];
    private string _dir = "";
    private string _wav = "";
    private NoteTranscriber _transcriber = null!;

    [GlobalSetup]
    public void Setup()
    {
        _mono = SynthesizedMusic.Render(SynthesizedMusic.Piece(Seconds), NoteTranscriber.SampleRate, Seconds);
        _dir = Path.Combine(Path.GetTempPath(), "mer-bench-notes");
        Directory.CreateDirectory(_dir);
        _wav = Path.Combine(_dir, "piece-44k-stereo.wav");
        float[] at44k = SynthesizedMusic.Render(SynthesizedMusic.Piece(Seconds), 44100, Seconds);
        BenchmarkAudio.WriteWav(_wav, at44k, 44100, 2);
        _transcriber = new NoteTranscriber();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _transcriber.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "Transcribe 3 min, 22,050 Hz mono samples")]
    public async Task<int> Samples() => (await _transcriber.TranscribeAsync(new ArraySampleSource(_mono, NoteTranscriber.SampleRate), "piece")).Notes.Count;

    [Benchmark(Description = "Transcribe 3 min 44.1 kHz stereo WAV (decode, mix down, resample)")]
    public async Task<int> Wav() => (await _transcriber.TranscribeAsync(_wav)).Notes.Count;
}
