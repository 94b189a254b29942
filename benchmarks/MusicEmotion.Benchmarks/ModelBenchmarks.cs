using BenchmarkDotNet.Attributes;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Benchmarks;

/// <summary>The shipped model alone: 180 ten-second windows (a 3-minute song), batched 64 per Run, one thread.</summary>
[MemoryDiagnoser]
public class ModelBenchmarks
{
    private OnnxEmotionModel _model = null!;
    private float[] _windows = [];
    private readonly ArousalValence[] _results = new ArousalValence[64];
    private int _frames;

    [GlobalSetup]
    public void Setup()
    {
        _model = OnnxEmotionModel.LoadShipped(preferNotes: false);
        _frames = _model.Card.WindowFrames;
        var random = new Random(5);
        _windows = Enumerable.Range(0, 64 * _frames * _model.FeatureWidth).Select(_ => (float)random.NextDouble()).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Description = "Model inference, 180 windows (3 min song)")]
    public float Inference()
    {
        int remaining = 180;
        while (remaining > 0)
        {
            int count = Math.Min(64, remaining);
            _model.Predict(_windows.AsMemory(0, count * _frames * _model.FeatureWidth), count, _frames, _results);
            remaining -= count;
        }

        return _results[0].Arousal;
    }
}
