using BenchmarkDotNet.Attributes;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using NAudio.Wave.SampleProviders;
using NWaves.Operations;
using NWaves.Signals;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// Resampling 3 minutes of 44.1 kHz mono to 22.05 kHz, side by side: our polyphase Kaiser-sinc resampler (each
/// quality preset), NAudio's WDL resampler (as NAudio users get it: <c>WdlResamplingSampleProvider</c>) and NWaves
/// (<c>Resampler.Decimate</c> by 2 and the general <c>Resampler.Resample</c>). Output is read in 16k-sample blocks and
/// discarded where the API streams; NWaves works on whole signals.
/// </summary>
[MemoryDiagnoser]
public class ResamplingBenchmarks
{
    private readonly float[] _buffer = new float[16384];
    private float[] _signal = [];
    private DiscreteSignal _nwavesSignal = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signal = BenchmarkAudio.MusicLike(44100, 180);
        _nwavesSignal = new DiscreteSignal(44100, _signal);
    }

    [Benchmark(Baseline = true, Description = "MusicEmotion polyphase, Balanced (80 dB)")]
    public long OursBalanced() => Drain(new ArraySampleSource(_signal, 44100).Resample(22050, ResamplerQuality.Balanced));

    [Benchmark(Description = "MusicEmotion polyphase, Fast (60 dB)")]
    public long OursFast() => Drain(new ArraySampleSource(_signal, 44100).Resample(22050, ResamplerQuality.Fast));

    [Benchmark(Description = "MusicEmotion polyphase, High (100 dB)")]
    public long OursHigh() => Drain(new ArraySampleSource(_signal, 44100).Resample(22050, ResamplerQuality.High));

    [Benchmark(Description = "NAudio WdlResamplingSampleProvider")]
    public long NAudioWdl()
    {
        var resampler = new WdlResamplingSampleProvider(new FloatArrayProvider(_signal, 44100), 22050);
        long total = 0;
        int n;
        while ((n = resampler.Read(_buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    [Benchmark(Description = "NWaves Resampler.Decimate(2)")]
    public int NWavesDecimate() => new Resampler().Decimate(_nwavesSignal, 2).Length;

    [Benchmark(Description = "NWaves Resampler.Resample(22050)")]
    public int NWavesResample() => new Resampler().Resample(_nwavesSignal, 22050).Length;

    private long Drain(ISampleSource source)
    {
        using (source)
        {
            long total = 0;
            int n;
            while ((n = source.Read(_buffer)) > 0)
            {
                total += n;
            }

            return total;
        }
    }
}
