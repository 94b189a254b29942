using BenchmarkDotNet.Attributes;
using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Features of 3 minutes of 22.05 kHz mono (n_fft 2048, hop 512, 128 mel bands): 7,752 frames.
/// "stream" rows push the signal in 32k-sample chunks into a sink that discards frames, showing the
/// steady-state allocation (constant, not per frame); "matrix" rows also build the output matrix.
/// </summary>
[MemoryDiagnoser]
public class FeatureBenchmarks
{
    private const int SampleRate = 22050;
    private float[] _signal = [];
    private readonly FeatureSettings _settings = new();

    [GlobalSetup]
    public void Setup() => _signal = BenchmarkAudio.MusicLike(SampleRate, 180);

    [Benchmark(Description = "STFT + log-mel, 3 min, stream")]
    public long LogMelStream() => Stream(new LogMelExtractor(_settings));

    [Benchmark(Description = "STFT + log-mel, 3 min, matrix")]
    public int LogMelMatrix() => new LogMelExtractor(_settings).Extract(_signal).Frames;

    [Benchmark(Description = "STFT + log-mel + MFCC, 3 min, stream")]
    public long MfccStream() => Stream(new MfccExtractor(_settings));

    [Benchmark(Description = "Descriptors (21 columns), 3 min, stream")]
    public long DescriptorsStream() => Stream(new DescriptorExtractor(_settings));

    private long Stream(IFeatureExtractor extractor)
    {
        IFeatureStream stream = extractor.CreateStream();
        var sink = new CountingSink();
        ReadOnlySpan<float> signal = _signal;
        for (int offset = 0; offset < signal.Length; offset += 32768)
        {
            stream.Push(signal.Slice(offset, Math.Min(32768, signal.Length - offset)), sink);
        }

        stream.Complete(sink);
        return sink.Frames;
    }

    private sealed class CountingSink : IFeatureFrameSink
    {
        public long Frames { get; private set; }

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features) => Frames++;
    }
}
