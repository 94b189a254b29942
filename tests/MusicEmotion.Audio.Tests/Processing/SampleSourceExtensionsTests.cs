using MusicEmotion.Audio.Processing;

namespace MusicEmotion.Audio.Tests.Processing;

public sealed class SampleSourceExtensionsTests
{
    [Fact]
    public void ReadAll_returns_every_sample_for_known_and_unknown_lengths()
    {
        float[] samples = Enumerable.Range(0, 100_001 * 2).Select(i => i * 1e-6f).ToArray();

        new ArraySampleSource(samples, new AudioFormat(8000, 2)).ReadAll().Should().Equal(samples);
        new TrackingSource(samples, new AudioFormat(8000, 2), lengthKnown: false, maxFramesPerRead: 777).ReadAll().Should().Equal(samples);
        new ArraySampleSource(Array.Empty<float>(), 8000).ReadAll().Should().BeEmpty();
    }

    [Fact]
    public void ReadAll_refuses_sources_over_the_limit()
    {
        var known = () => new ArraySampleSource(new float[1000], 8000).ReadAll(maxSamples: 999);
        known.Should().Throw<InvalidOperationException>().WithMessage("*999*");

        var unknown = () => new TrackingSource(new float[1000], new AudioFormat(8000, 1), lengthKnown: false).ReadAll(maxSamples: 999);
        unknown.Should().Throw<InvalidOperationException>();

        new TrackingSource(new float[1000], new AudioFormat(8000, 1), lengthKnown: false).ReadAll(maxSamples: 1000).Should().HaveCount(1000);
    }

    [Fact]
    public void ReadAll_does_not_dispose_the_source()
    {
        var source = new TrackingSource(new float[10], new AudioFormat(8000, 1));
        source.ReadAll();
        source.IsDisposed.Should().BeFalse();
    }

    [Fact]
    public void Null_sources_are_rejected()
    {
        ISampleSource nothing = null!;
        ((Action)(() => nothing.ToMono())).Should().Throw<ArgumentNullException>();
        ((Action)(() => nothing.Resample(22050))).Should().Throw<ArgumentNullException>();
        ((Action)(() => nothing.ToMonoAt(22050))).Should().Throw<ArgumentNullException>();
        ((Action)(() => nothing.ReadAll())).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ArraySampleSource_validates_and_honours_block_size()
    {
        var ragged = () => new ArraySampleSource(new float[3], new AudioFormat(8000, 2));
        ragged.Should().Throw<ArgumentException>();
        var badRate = () => new ArraySampleSource(new float[2], new AudioFormat(0, 1));
        badRate.Should().Throw<ArgumentOutOfRangeException>();

        using var source = new ArraySampleSource(new float[10], new AudioFormat(8000, 2), maxFramesPerRead: 2);
        source.Read(new float[9]).Should().Be(4);
        var tooShort = () => source.Read(new float[1]);
        tooShort.Should().Throw<ArgumentException>();
        source.Read(new float[100]).Should().Be(4);
        source.Read(new float[100]).Should().Be(2);
        source.Read(new float[100]).Should().Be(0);
    }
}
