using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Spectral;
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Options;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace MusicEmotion.Features.Tests;

/// <summary>
/// NWaves 0.9.6 as a second reference, independent of librosa (the golden files), where its settings can be matched:
/// Slaney mel filterbanks with area normalisation, and log-mel (dB) and MFCC (orthonormal DCT-II, no liftering) of
/// uncentred frames. NWaves' Hann window is symmetric: a symmetric Hann of 2048 is our periodic Hann of 2047 padded
/// with one zero (<c>WindowLength = 2047</c>), so the frames are windowed identically.
/// </summary>
public sealed class NWavesReferenceTests
{
    private const int SampleRate = 22050;

    [Theory]
    [InlineData(2048, 128, 0.0, null)]
    [InlineData(1024, 64, 50.0, 8000.0)]
    [InlineData(512, 40, 0.0, 4000.0)]
    public void Slaney_mel_filterbank_matches_nwaves(int fftSize, int bands, double fMin, double? fMax)
    {
        float[] ours = new MelFilterbank(SampleRate, fftSize, bands, fMin, fMax).ToDense();
        float[][] theirs = FilterBanks.MelBankSlaney(bands, fftSize, SampleRate, fMin, fMax ?? SampleRate / 2.0, normalizeGain: true);

        int bins = (fftSize / 2) + 1;
        theirs.Should().HaveCount(bands);
        float peak = theirs.Max(row => row.Max());
        for (int band = 0; band < bands; band++)
        {
            for (int bin = 0; bin < bins; bin++)
            {
                Math.Abs(ours[(band * bins) + bin] - theirs[band][bin]).Should().BeLessThan(1e-6f * peak, $"band {band}, bin {bin}");
            }
        }
    }

    [Fact]
    public void Log_mel_in_decibels_matches_nwaves_filterbank_extractor()
    {
        float[] signal = Signal();
        FeatureMatrix ours = new LogMelExtractor(MatchedSettings).Extract(signal);
        List<float[]> theirs = new FilterbankExtractor(new FilterbankOptions
        {
            SamplingRate = SampleRate,
            FrameSize = 2048,
            HopSize = 512,
            FftSize = 2048,
            Window = WindowType.Hann,
            FilterBank = FilterBanks.MelBankSlaney(128, 2048, SampleRate, 0, SampleRate / 2.0, normalizeGain: true),
            SpectrumType = SpectrumType.Power,
            NonLinearity = NonLinearityType.ToDecibel,
            LogFloor = 1e-10f,
        }).ComputeFrom(signal);

        theirs.Should().HaveCount(ours.Frames);
        for (int frame = 0; frame < ours.Frames; frame++)
        {
            for (int band = 0; band < 128; band++)
            {
                ours.Row(frame)[band].Should().BeApproximately(theirs[frame][band], 0.005f, $"frame {frame}, band {band} (dB)");
            }
        }
    }

    [Fact]
    public void Mfcc_matches_nwaves_mfcc_extractor()
    {
        float[] signal = Signal();
        FeatureMatrix ours = new Extraction.MfccExtractor(MatchedSettings).Extract(signal);
        List<float[]> theirs = new NWaves.FeatureExtractors.MfccExtractor(new MfccOptions
        {
            SamplingRate = SampleRate,
            FeatureCount = 20,
            FrameSize = 2048,
            HopSize = 512,
            FftSize = 2048,
            Window = WindowType.Hann,
            FilterBank = FilterBanks.MelBankSlaney(128, 2048, SampleRate, 0, SampleRate / 2.0, normalizeGain: true),
            SpectrumType = SpectrumType.Power,
            NonLinearity = NonLinearityType.ToDecibel,
            LogFloor = 1e-10f,
            DctType = "2N",
            LifterSize = 0,
        }).ComputeFrom(signal);

        theirs.Should().HaveCount(ours.Frames);
        for (int frame = 0; frame < ours.Frames; frame++)
        {
            for (int c = 0; c < 20; c++)
            {
                ours.Row(frame)[c].Should().BeApproximately(theirs[frame][c], 0.005f, $"frame {frame}, coefficient {c}");
            }
        }
    }

    /// <summary>Our settings made to match NWaves': no centring, symmetric Hann (see the class remarks), no top_db clip.</summary>
    private static FeatureSettings MatchedSettings => new() { SampleRate = SampleRate, Center = false, WindowLength = 2047, TopDb = null, MfccCount = 20 };

    /// <summary>Two tones and noise (no silence, so the dB floor never decides), 5 s.</summary>
    private static float[] Signal()
    {
        float[] tones = TestSignals.Sine(220, SampleRate, SampleRate * 5, 0.3);
        float[] high = TestSignals.Sine(1250, SampleRate, SampleRate * 5, 0.2);
        float[] noise = TestSignals.WhiteNoise(SampleRate * 5, seed: 4, amplitude: 0.05);
        return tones.Select((v, i) => v + high[i] + noise[i]).ToArray();
    }
}
