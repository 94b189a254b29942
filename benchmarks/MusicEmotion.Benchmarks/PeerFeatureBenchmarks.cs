using BenchmarkDotNet.Attributes;
using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace MusicEmotion.Benchmarks;

/// <summary>
/// STFT + mel + MFCC of 3 minutes of 22.05 kHz mono against NWaves' extractors, on the same signal and settings as far
/// as NWaves allows: n_fft 2048, hop 512, Hann window, power spectrum, 128 Slaney mel bands (NWaves MelBankSlaney),
/// 20 MFCCs from a dB mel spectrum with an orthonormal DCT-II. Differences NWaves imposes: it does not centre frames
/// (7,749 frames instead of 7,752) and its Hann window is symmetric. Our "matrix" rows build the frames × features
/// output like NWaves' <c>ComputeFrom</c> does (a list of arrays).
/// </summary>
[MemoryDiagnoser]
public class PeerFeatureBenchmarks
{
    private const int SampleRate = 22050;
    private float[] _signal = [];
    private readonly FeatureSettings _settings = new();
    private float[][] _melBank = [];

    [GlobalSetup]
    public void Setup()
    {
        _signal = BenchmarkAudio.MusicLike(SampleRate, 180);
        _melBank = FilterBanks.MelBankSlaney(128, 2048, SampleRate, 0, SampleRate / 2.0, normalizeGain: true);
    }

    [Benchmark(Baseline = true, Description = "MusicEmotion log-mel, matrix")]
    public int OursLogMel() => new LogMelExtractor(_settings).Extract(_signal).Frames;

    [Benchmark(Description = "MusicEmotion log-mel + MFCC (20), matrix")]
    public int OursMfcc() => new MusicEmotion.Features.Extraction.MfccExtractor(_settings).Extract(_signal).Frames;

    [Benchmark(Description = "NWaves FilterbankExtractor (128 Slaney mel, dB)")]
    public int NWavesLogMel() => new FilterbankExtractor(new FilterbankOptions
    {
        SamplingRate = SampleRate,
        FrameSize = 2048,
        HopSize = 512,
        FftSize = 2048,
        Window = WindowType.Hann,
        FilterBank = _melBank,
        SpectrumType = SpectrumType.Power,
        NonLinearity = NonLinearityType.ToDecibel,
        LogFloor = 1e-10f,
    }).ComputeFrom(_signal).Count;

    [Benchmark(Description = "NWaves MfccExtractor (20 from 128 Slaney mel, dB, DCT-II ortho)")]
    public int NWavesMfcc() => new NWaves.FeatureExtractors.MfccExtractor(new MfccOptions
    {
        SamplingRate = SampleRate,
        FeatureCount = 20,
        FrameSize = 2048,
        HopSize = 512,
        FftSize = 2048,
        Window = WindowType.Hann,
        FilterBank = _melBank,
        SpectrumType = SpectrumType.Power,
        NonLinearity = NonLinearityType.ToDecibel,
        LogFloor = 1e-10f,
        DctType = "2N",
    }).ComputeFrom(_signal).Count;
}
