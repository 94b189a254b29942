using MusicEmotion.Features.Descriptors;
using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Tests;

public class DescriptorTests
{
    private const int Sr = 22050;

    private static float[] MiddleColumn(FeatureMatrix m, string name)
    {
        int column = m.ColumnNames.ToList().IndexOf(name);
        column.Should().BeGreaterThanOrEqualTo(0);
        return m.Column(column)[4..^4];
    }

    // Tolerance: ±15 Hz (Hann leakage is symmetric around the tone; 1 bin = 10.8 Hz).
    [Fact]
    public void Centroid_of_a_sine_is_its_frequency()
    {
        FeatureMatrix m = new DescriptorExtractor().Extract(TestSignals.Sine(1000, Sr, Sr));
        MiddleColumn(m, "spectral_centroid").Should().OnlyContain(c => Math.Abs(c - 1000) < 15);
        MiddleColumn(m, "spectral_rolloff").Should().OnlyContain(r => Math.Abs(r - 1000) < 25);
    }

    [Fact]
    public void Flatness_is_high_for_noise_and_low_for_a_sine()
    {
        // White noise: flatness of a periodogram ≈ e^{-γ} ≈ 0.56; pure sine ≪ 0.01.
        FeatureMatrix noise = new DescriptorExtractor().Extract(TestSignals.WhiteNoise(Sr, 3));
        FeatureMatrix sine = new DescriptorExtractor().Extract(TestSignals.Sine(440, Sr, Sr));
        MiddleColumn(noise, "spectral_flatness").Should().OnlyContain(f => f > 0.4);
        MiddleColumn(sine, "spectral_flatness").Should().OnlyContain(f => f < 0.01);
    }

    // Tolerance: 5% relative of 2f/sr.
    [Fact]
    public void Zero_crossing_rate_of_a_sine_is_two_f_over_sr()
    {
        FeatureMatrix m = new DescriptorExtractor().Extract(TestSignals.Sine(1000, Sr, Sr));
        double expected = 2.0 * 1000 / Sr;
        MiddleColumn(m, "zero_crossing_rate").Should().OnlyContain(z => Math.Abs(z - expected) < 0.05 * expected);
    }

    [Fact]
    public void Chroma_of_A4_peaks_at_A()
    {
        FeatureMatrix m = new DescriptorExtractor().Extract(TestSignals.Sine(440, Sr, Sr));
        int first = m.ColumnNames.ToList().IndexOf("chroma_c");
        for (int t = 4; t < m.Frames - 4; t++)
        {
            float[] chroma = m.Row(t).Slice(first, 12).ToArray();
            Array.IndexOf(chroma, chroma.Max()).Should().Be(9);
            chroma[9].Should().Be(1f);
        }
    }

    // Tolerance: 1e-3 relative for RMS (0.5/√2 for amplitude 0.5) and 0.01 dB for loudness.
    [Fact]
    public void Rms_and_loudness_of_a_sine()
    {
        FeatureMatrix m = new DescriptorExtractor().Extract(TestSignals.Sine(1000, Sr, Sr));
        double expected = 0.5 / Math.Sqrt(2);
        MiddleColumn(m, "rms").Should().OnlyContain(r => Math.Abs(r - expected) < 1e-3 * expected);
        MiddleColumn(m, "loudness_db").Should().OnlyContain(l => Math.Abs(l - (20 * Math.Log10(expected))) < 0.01);
    }

    [Fact]
    public void Silence_gives_finite_floor_values()
    {
        FeatureMatrix m = new DescriptorExtractor().Extract(new float[Sr]);
        m.Data.Should().OnlyContain(v => float.IsFinite(v));
        MiddleColumn(m, "loudness_db").Should().OnlyContain(l => l == -100f);
    }

    [Fact]
    public void Flux_is_zero_for_the_first_frame_and_positive_at_an_onset()
    {
        var signal = new float[Sr];
        TestSignals.Sine(440, Sr, Sr / 2).CopyTo(signal, Sr / 2);
        FeatureMatrix m = new DescriptorExtractor().Extract(signal);
        float[] flux = m.Column(m.ColumnNames.ToList().IndexOf("spectral_flux"));
        float[] onset = m.Column(m.ColumnNames.ToList().IndexOf("onset_strength"));
        flux[0].Should().Be(0);
        int onsetFrame = (Sr / 2) / 512;
        flux.Skip(onsetFrame - 3).Take(6).Max().Should().BeGreaterThan(1f);
        onset.Skip(onsetFrame - 3).Take(6).Max().Should().BeGreaterThan(onset.Take(onsetFrame - 5).Max() + 1f);
    }

    [Fact]
    public void Shape_calculator_validates_lengths()
    {
        var shape = new SpectralShape(Sr, 2048);
        FluentActions.Invoking(() => shape.Centroid(new float[10])).Should().Throw<ArgumentException>();
    }
}
