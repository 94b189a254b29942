using BenchmarkDotNet.Attributes;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using NAudio.Wave.SampleProviders;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Resampling 3 minutes of 48 kHz mono (the rate of most video soundtracks) to 22.05 kHz, a rational ratio (147/320)
/// rather than an integer decimation: our polyphase resampler (Balanced, the analyser's default) beside NAudio's WDL
/// resampler. Output is read in 16k-sample blocks and discarded.
/// </summary>
[MemoryDiagnoser]
public class RationalResamplingBenchmarks
{
    private readonly float[] _buffer = new float[16384];
    private float[] _signal = [];

    [GlobalSetup]
    public void Setup() => _signal = BenchmarkAudio.MusicLike(48000, 180);

    [Benchmark(Baseline = true, Description = "MusicEmotion polyphase 48 -> 22.05 kHz, Balanced (80 dB)")]
    public long Ours()
    {
        using ISampleSource source = new ArraySampleSource(_signal, 48000).Resample(22050, ResamplerQuality.Balanced);
        long total = 0;
        int n;
        while ((n = source.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    [Benchmark(Description = "NAudio WdlResamplingSampleProvider 48 -> 22.05 kHz")]
    public long NAudioWdl()
    {
        var resampler = new WdlResamplingSampleProvider(new FloatArrayProvider(_signal, 48000), 22050);
        long total = 0;
        int n;
        while ((n = resampler.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }
}
