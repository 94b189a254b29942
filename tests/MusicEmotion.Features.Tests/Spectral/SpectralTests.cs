using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Tests;

public class SpectralTests
{
    [Fact]
    public void Periodic_hann_and_central_zero_padding()
    {
        // scipy.signal.get_window('hann', 4) = [0, 0.5, 1, 0.5]; tolerance 1e-7.
        WindowFunctions.Hann(4).Should().Equal([0f, 0.5f, 1f, 0.5f], (a, b) => Math.Abs(a - b) < 1e-7);
        float[] padded = WindowFunctions.CreatePadded(WindowFunction.Hann, 4, 8);
        padded.Should().Equal([0f, 0f, 0f, 0.5f, 1f, 0.5f, 0f, 0f], (a, b) => Math.Abs(a - b) < 1e-7);
    }

    // Tolerance: 1e-4 relative: log10(1 + mel) from the Log1p scale equals log10(1 + 10^(dB/10)) from the dB scale.
    [Fact]
    public void Log1p_scale_is_consistent_with_decibels()
    {
        float[] signal = FixtureFiles.GoldenSignal();
        FeatureMatrix db = new LogMelExtractor(new FeatureSettings { MelBands = 32 }).Extract(signal);
        FeatureMatrix log1p = new LogMelExtractor(new FeatureSettings { MelBands = 32, LogScale = LogScaleKind.Log1p, Log1pC = 1000 }).Extract(signal);
        for (int i = 0; i < db.Data.Length; i++)
        {
            double expected = Math.Log10(1 + (1000 * Math.Pow(10, db.Data[i] / 10.0)));
            log1p.Data[i].Should().BeApproximately((float)expected, (float)(1e-4 * Math.Max(1e-3, expected)));
        }
    }

    // Tolerance: 1e-5 relative to the frame's maximum power; STFT frame equals |rfft(window·frame)|² computed with RealFft directly.
    [Fact]
    public void Stft_frames_are_windowed_power_spectra()
    {
        float[] signal = FixtureFiles.GoldenSignal();
        var stft = new Stft(new FeatureSettings());
        FeatureMatrix power = stft.Compute(signal);
        power.Frames.Should().Be(1 + (signal.Length / 512));
        var fft = new RealFft(2048);
        var expected = new float[1025];
        float[] windowed = signal.AsSpan(10 * 512 - 1024, 2048).ToArray();
        for (int i = 0; i < 2048; i++)
        {
            windowed[i] *= stft.Window[i];
        }

        fft.PowerSpectrum(windowed, expected);
        float max = expected.Max();
        power.Row(10).ToArray().Should().Equal(expected, (a, b) => Math.Abs(a - b) <= 1e-5 * max);
    }
}
