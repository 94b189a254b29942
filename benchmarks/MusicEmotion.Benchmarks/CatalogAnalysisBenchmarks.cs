using BenchmarkDotNet.Attributes;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// What analysing a song for the catalog costs beside <c>mer analyze</c> on the same file: the catalog path adds the
/// SHA-256 of the file (its id), the track descriptors (summarised from the frames the model already computes) and the
/// vector blocks. Both rows use the shipped model on one thread.
/// </summary>
[MemoryDiagnoser]
public class CatalogAnalysisBenchmarks
{
    private static readonly string KnownId = new('0', TrackId.Length);
    private string _dir = "";
    private string _wav = "";
    private string _mp3 = "";
    private EmotionAnalyzer _analyzer = null!;
    private TrackAnalyzer _tracks = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "mer-bench-catalog");
        Directory.CreateDirectory(_dir);
        _wav = Path.Combine(_dir, "3min-44k-stereo.wav");
        _mp3 = Path.Combine(_dir, "3min-44k-stereo.mp3");
        BenchmarkAudio.WriteWav(_wav, BenchmarkAudio.MusicLike(44100, 180), 44100, 2);
        BenchmarkAudio.Encode(_wav, _mp3, "-c:a", "libmp3lame", "-b:a", "192k");
        _analyzer = EmotionAnalyzer.CreateDefault();
        _tracks = new TrackAnalyzer(_analyzer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _analyzer.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "mer analyze: 3 min 44.1 kHz stereo WAV")]
    public async Task<int> AnalyzeWav() => (await _analyzer.AnalyzeAsync(_wav)).Timeline.Count;

    [Benchmark(Description = "catalog analysis (hash alongside + descriptors + vectors): same WAV")]
    public async Task<int> CatalogWav() => (await _tracks.AnalyzeAsync(_wav)).Track.Timeline.Count;

    [Benchmark(Description = "catalog analysis, id already known (descriptors + vectors): same WAV")]
    public async Task<int> CatalogWavKnownId() => (await _tracks.AnalyzeAsync(_wav, knownId: KnownId)).Track.Timeline.Count;

    [Benchmark(Description = "mer analyze: 3 min MP3 192 kbit/s (ffmpeg)")]
    public async Task<int> AnalyzeMp3() => (await _analyzer.AnalyzeAsync(_mp3)).Timeline.Count;

    [Benchmark(Description = "catalog analysis (hash alongside + descriptors + vectors): same MP3")]
    public async Task<int> CatalogMp3() => (await _tracks.AnalyzeAsync(_mp3)).Track.Timeline.Count;
}
