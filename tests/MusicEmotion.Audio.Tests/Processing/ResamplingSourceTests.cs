using MusicEmotion.Audio.Processing;
using static MusicEmotion.Audio.Tests.Processing.SignalTestHelpers;

namespace MusicEmotion.Audio.Tests.Processing;

public sealed class ResamplingSourceTests
{
    /// <summary>Exact equality with the one-shot resampler for read buffers of 1, 3, 1000 samples and inner blocks of 1, 3, 1000 frames.</summary>
    [Theory]
    [InlineData(44100, 22050)]
    [InlineData(48000, 22050)]
    [InlineData(8000, 44100)]
    [InlineData(44101, 22050)]
    public void Output_does_not_depend_on_chunk_sizes(int sourceRate, int targetRate)
    {
        var random = new Random(11);
        float[] input = Enumerable.Range(0, 9000).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        float[] reference = PolyphaseResampler.Resample(input, sourceRate, targetRate);

        foreach (int innerFrames in new[] { 1, 3, 1000, 0 })
        {
            foreach (int buffer in new[] { 1, 3, 1000 })
            {
                using var source = new ResamplingSource(new ArraySampleSource(input, new AudioFormat(sourceRate, 1), innerFrames), targetRate);
                ReadWithBuffer(source, buffer).Should().Equal(reference, $"inner {innerFrames}, buffer {buffer}");
            }
        }
    }

    /// <summary>LengthInFrames is round(N·target/source) and exactly that many frames come out.</summary>
    [Theory]
    [InlineData(44100, 22050, 12345)]
    [InlineData(48000, 22050, 48001)]
    [InlineData(8000, 44100, 999)]
    [InlineData(44101, 22050, 5)]
    [InlineData(44100, 22050, 0)]
    public void Length_is_known_up_front_and_honoured(int sourceRate, int targetRate, int inputFrames)
    {
        using var source = new ResamplingSource(new ArraySampleSource(new float[inputFrames], sourceRate), targetRate);
        long expected = PolyphaseResampler.GetOutputLength(inputFrames, sourceRate, targetRate);

        source.LengthInFrames.Should().Be(expected);
        source.Format.Should().Be(new AudioFormat(targetRate, 1));
        source.ReadAll().Should().HaveCount((int)expected);
    }

    [Fact]
    public void Unknown_inner_length_stays_unknown()
    {
        using var source = new ResamplingSource(new TrackingSource(new float[100], new AudioFormat(44100, 1), lengthKnown: false), 22050);
        source.LengthInFrames.Should().BeNull();
        source.ReadAll().Should().HaveCount(50);
    }

    /// <summary>Same rate: the samples come out bit-identical, any channel count.</summary>
    [Fact]
    public void Same_rate_passes_through()
    {
        float[] stereo = [0.1f, 0.2f, 0.3f, 0.4f, -0.5f, -0.6f];
        using var source = new ResamplingSource(new ArraySampleSource(stereo, new AudioFormat(22050, 2)), 22050);

        source.IsPassThrough.Should().BeTrue();
        source.Format.Should().Be(new AudioFormat(22050, 2));
        source.LengthInFrames.Should().Be(3);
        source.ReadAll().Should().Equal(stereo);

        var original = new ArraySampleSource(stereo, new AudioFormat(22050, 2));
        original.Resample(22050).Should().BeSameAs(original);
    }

    [Fact]
    public void Multichannel_input_at_another_rate_is_rejected()
    {
        var construct = () => new ResamplingSource(new ArraySampleSource(new float[4], new AudioFormat(44100, 2)), 22050);
        construct.Should().Throw<ArgumentException>().WithMessage("*mono*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-44100)]
    [InlineData(1_000_001)]
    [InlineData(10)] // 4410:1
    public void Invalid_target_rates_are_rejected(int targetRate)
    {
        var construct = () => new ResamplingSource(new ArraySampleSource(new float[4], 44100), targetRate);
        construct.Should().Throw<ArgumentOutOfRangeException>();
        var extension = () => new ArraySampleSource(new float[4], 44100).Resample(targetRate);
        extension.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Null_inner_and_bad_quality_are_rejected()
    {
        var nullInner = () => new ResamplingSource(null!, 22050);
        nullInner.Should().Throw<ArgumentNullException>();
        var badQuality = () => new ResamplingSource(new ArraySampleSource(new float[4], 22050), 22050, (ResamplerQuality)7);
        badQuality.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Dispose_disposes_the_inner_source()
    {
        var inner = new TrackingSource(new float[1000], new AudioFormat(44100, 1));
        var source = new ResamplingSource(inner, 16000);
        source.Read(new float[10]).Should().Be(10);

        source.Dispose();

        inner.IsDisposed.Should().BeTrue();
        var read = () => source.Read(new float[10]);
        read.Should().Throw<ObjectDisposedException>();
    }

    /// <summary>Stereo 44.1 kHz → mono 22.05 kHz: tone frequency within 0.5 Hz, amplitude within 0.1 dB.</summary>
    [Fact]
    public void ToMonoAt_mixes_down_and_resamples()
    {
        float[] tone = Sine(1000, 44100, 44100, 0.5);
        float[] stereo = tone.SelectMany(v => new[] { v, v }).ToArray();
        using var source = new ArraySampleSource(stereo, new AudioFormat(44100, 2)).ToMonoAt(22050);

        source.Format.Should().Be(new AudioFormat(22050, 1));
        source.LengthInFrames.Should().Be(22050);
        float[] result = source.ReadAll();

        result.Should().HaveCount(22050);
        ZeroCrossingFrequency(result, 22050, 1000, 21000).Should().BeApproximately(1000, 0.5);
        Db(SineAmplitude(result, 1000, 21000) / 0.5).Should().BeApproximately(0, 0.1);
    }
}
