using BenchmarkDotNet.Attributes;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Features from notes (MusicEmotion.Notes.Analysis) of the 3-minute piece of <see cref="NoteTranscriptionBenchmarks"/>,
/// transcribed once in the setup: the analysis (key per second on 8-s windows, chords, melody, texture) and the
/// 34 columns per second that the kinds and <c>mer dataset notes</c> write.
/// </summary>
[MemoryDiagnoser]
public class NoteFeatureBenchmarks
{
    private const double Seconds = 180;
    private NoteTranscription _transcription = null!;
    private NoteFeatures _features = null!;

    [GlobalSetup]
    public void Setup()
    {
        float[] mono = SynthesizedMusic.Render(SynthesizedMusic.Piece(Seconds), NoteTranscriber.SampleRate, Seconds);
        using var transcriber = new NoteTranscriber();
        _transcription = transcriber.TranscribeAsync(new ArraySampleSource(mono, NoteTranscriber.SampleRate), "piece").GetAwaiter().GetResult();
        _features = NoteFeatureAnalyzer.Analyze(_transcription);
    }

    [Benchmark(Description = "Note features of 3 min (analysis)")]
    public int Analyze() => NoteFeatureAnalyzer.Analyze(_transcription).Seconds.Count;

    [Benchmark(Description = "Note feature columns of 3 min (34 per second)")]
    public int Columns() => NoteFeatureColumns.ToMatrix(_features, NoteFeatureColumns.Kinds).Length;
}
