using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Features.Tests;

public class TrackDescriptorsTests
{
    private static TrackDescriptors Describe(float[] signal, int chunk = 4096)
    {
        var extractor = new TrackDescriptorExtractor(new FeatureSettings { MelBands = 64, FMax = 8000, TopDb = null });
        for (int offset = 0; offset < signal.Length; offset += chunk)
        {
            extractor.Push(signal.AsSpan(offset, Math.Min(chunk, signal.Length - offset)));
        }

        return extractor.Complete();
    }

    [Theory]
    [InlineData(90.0)]
    [InlineData(128.0)]
    public void A_click_track_has_its_tempo_and_one_onset_per_beat(double bpm)
    {
        TrackDescriptors d = Describe(TestSignals.ClickTrack(bpm, 22050, 30));

        d.TempoBpm.Should().BeApproximately((float)bpm, 1.5f);
        d["onset_rate"].Should().BeApproximately((float)(bpm / 60), 0.15f);
        d.Values.Should().HaveCount(TrackDescriptors.Names.Count).And.OnlyContain(v => float.IsFinite(v));
    }

    [Fact]
    public void A_sine_is_quiet_in_rhythm_tonal_and_as_bright_as_its_pitch()
    {
        TrackDescriptors sine = Describe(TestSignals.Sine(1000, 22050, 22050 * 10, amplitude: 0.5));
        TrackDescriptors noise = Describe(TestSignals.WhiteNoise(22050 * 10, seed: 4, amplitude: 0.5));

        sine["centroid_mean_hz"].Should().BeApproximately(1000, 60);
        sine["flatness_mean"].Should().BeLessThan(noise["flatness_mean"]);
        sine["onset_rate"].Should().BeLessThan(0.5f);
        sine["loudness_mean_db"].Should().BeApproximately((float)(20 * Math.Log10(0.5 / Math.Sqrt(2))), 1.0f);
        sine["loudness_range_db"].Should().BeLessThan(1f);
        noise["centroid_mean_hz"].Should().BeGreaterThan(3000);
    }

    [Fact]
    public void The_loudness_range_follows_the_dynamics()
    {
        float[] loud = TestSignals.WhiteNoise(22050 * 5, seed: 1, amplitude: 0.5);
        float[] soft = TestSignals.WhiteNoise(22050 * 5, seed: 2, amplitude: 0.05);
        TrackDescriptors d = Describe([.. loud, .. soft]);

        d["loudness_range_db"].Should().BeApproximately(20, 1.5f);
    }

    [Fact]
    public void Streaming_in_any_chunk_size_gives_identical_descriptors()
    {
        float[] clicks = TestSignals.ClickTrack(110, 22050, 12);
        Describe(clicks, 333).Values.Should().Equal(Describe(clicks, 65536).Values);
    }

    [Fact]
    public void Key_finding_recognises_major_and_minor_profiles()
    {
        // The Krumhansl–Kessler profiles themselves, rotated: G major and D minor.
        float[] gMajor = new float[12], dMinor = new float[12];
        float[] major = [6.35f, 2.23f, 3.48f, 2.33f, 4.38f, 4.09f, 2.52f, 5.19f, 2.39f, 3.66f, 2.29f, 2.88f];
        float[] minor = [6.33f, 2.68f, 3.52f, 5.38f, 2.60f, 3.53f, 2.54f, 4.75f, 3.98f, 2.69f, 3.34f, 3.17f];
        for (int i = 0; i < 12; i++)
        {
            gMajor[(i + 7) % 12] = major[i];
            dMinor[(i + 2) % 12] = minor[i];
        }

        MusicalKey g = KeyEstimator.Estimate(gMajor, out double gMajorStrength, out double gMinorStrength);
        MusicalKey d = KeyEstimator.Estimate(dMinor, out _, out _);

        g.Name.Should().Be("G major");
        g.Strength.Should().BeApproximately(1, 1e-6);
        gMajorStrength.Should().BeGreaterThan(gMinorStrength);
        d.Name.Should().Be("D minor");
        KeyEstimator.Estimate(new float[12], out _, out _).Strength.Should().Be(0, "silence has no key");
        FluentActions.Invoking(() => KeyEstimator.Estimate(new float[11], out _, out _)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_accumulator_checks_its_input_and_needs_frames()
    {
        var accumulator = new TrackDescriptorAccumulator(new FeatureSettings { MelBands = 64 });
        FluentActions.Invoking(() => accumulator.Add(new float[20], new float[64])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => accumulator.Add(new float[21], new float[63])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => accumulator.Complete()).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => new TrackDescriptorAccumulator(new FeatureSettings { MelBands = 8, MfccCount = 8 })).Should().Throw<ArgumentException>();
    }
}
