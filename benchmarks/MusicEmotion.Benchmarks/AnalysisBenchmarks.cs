using BenchmarkDotNet.Attributes;
using MusicEmotion.Inference;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// End-to-end analysis with the shipped models (the audio-only one, and for the WAV the note-aware one, which also
/// transcribes the notes on the same pass): decode, mix down, resample to 22.05 kHz, log-mel + descriptors,
/// 180 windows through ONNX Runtime (one thread), summary, fixed-length vector and rule-based description.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private const int BatchFiles = 8;
    private string _dir = "";
    private string _wav = "";
    private string _mp3 = "";
    private string[] _batch = [];
    private EmotionAnalyzer _analyzer = null!;
    private EmotionAnalyzer _batchAnalyzer = null!;
    private NoteTranscriber _transcriber = null!;
    private EmotionAnalyzer _notesAnalyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mer-bench-analysis");
        Directory.CreateDirectory(_dir);
        _wav = Path.Combine(_dir, "3min-44k-stereo.wav");
        _mp3 = Path.Combine(_dir, "3min-44k-stereo.mp3");
        BenchmarkAudio.WriteWav(_wav, BenchmarkAudio.MusicLike(44100, 180), 44100, 2);
        BenchmarkAudio.Encode(_wav, _mp3, "-c:a", "libmp3lame", "-b:a", "192k");
        _batch = Enumerable.Range(0, BatchFiles).Select(i =>
        {
            string path = Path.Combine(_dir, $"batch-{i}.wav");
            BenchmarkAudio.WriteWav(path, BenchmarkAudio.MusicLike(44100, 180, seed: i + 2), 44100, 2);
            return path;
        }).ToArray();
        _analyzer = EmotionAnalyzer.CreateDefault(); // no note kinds registered: the audio-only model
        _batchAnalyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { MaxConcurrency = 2 });
        _transcriber = new NoteTranscriber();
        var notes = new EmotionAnalyzerOptions();
        notes.FeatureKinds.AddNoteFeatureKinds(_transcriber);
        _notesAnalyzer = EmotionAnalyzer.CreateDefault(notes);
        if (_notesAnalyzer.Model.Card.Name == _analyzer.Model.Card.Name)
        {
            throw new InvalidOperationException("The note-aware model is not in this build.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _analyzer.Dispose();
        _batchAnalyzer.Dispose();
        _notesAnalyzer.Dispose();
        _transcriber.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Description = "Analyse 3 min 44.1 kHz stereo WAV")]
    public async Task<int> Wav() => (await _analyzer.AnalyzeAsync(_wav)).Timeline.Count;

    [Benchmark(Description = "Analyse 3 min 44.1 kHz stereo WAV, note-aware model (+ transcription)")]
    public async Task<int> WavWithNotes() => (await _notesAnalyzer.AnalyzeAsync(_wav)).Timeline.Count;

    [Benchmark(Description = "Analyse 3 min 44.1 kHz stereo MP3 (ffmpeg)")]
    public async Task<int> Mp3() => (await _analyzer.AnalyzeAsync(_mp3)).Timeline.Count;

    [Benchmark(Description = "Batch: 8 × 3 min WAV, 2 at a time")]
    public async Task<int> Batch()
    {
        int ok = 0;
        await foreach (EmotionBatchItem item in _batchAnalyzer.AnalyzeManyAsync(_batch.Select(AudioInput.FromFile)))
        {
            ok += item.Succeeded ? 1 : 0;
        }

        return ok;
    }
}
