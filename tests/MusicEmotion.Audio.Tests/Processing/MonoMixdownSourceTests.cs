using MusicEmotion.Audio.Processing;

namespace MusicEmotion.Audio.Tests.Processing;

public sealed class MonoMixdownSourceTests
{
    /// <summary>Exact: L = 1, R = −1 mixes to 0.</summary>
    [Fact]
    public void Antiphase_stereo_cancels()
    {
        float[] stereo = Enumerable.Range(0, 2000).SelectMany(_ => new[] { 1f, -1f }).ToArray();
        using var mono = new MonoMixdownSource(new ArraySampleSource(stereo, new AudioFormat(44100, 2)));

        float[] result = mono.ReadAll();

        result.Should().HaveCount(2000).And.OnlyContain(v => v == 0f);
    }

    /// <summary>Exact: L = R gives the same signal back.</summary>
    [Fact]
    public void Identical_channels_give_the_same_signal()
    {
        float[] signal = SignalTestHelpers.Sine(440, 44100, 20_000, 0.9);
        float[] stereo = signal.SelectMany(v => new[] { v, v }).ToArray();
        using var mono = new MonoMixdownSource(new ArraySampleSource(stereo, new AudioFormat(44100, 2)));

        // A buffer larger than one inner block exercises the refill loop.
        float[] result = SignalTestHelpers.ReadWithBuffer(mono, 15_000);

        result.Should().Equal(signal);
    }

    /// <summary>Mean of the channels within 1e-6 for three channels.</summary>
    [Fact]
    public void Any_channel_count_is_averaged()
    {
        float[] interleaved = [1f, 2f, 3f, -0.5f, 0f, 0.5f, 0.3f, 0.3f, 0.3f];
        using var mono = new ArraySampleSource(interleaved, new AudioFormat(8000, 3)).ToMono();

        mono.Format.Should().Be(new AudioFormat(8000, 1));
        mono.LengthInFrames.Should().Be(3);
        float[] result = mono.ReadAll();

        result.Should().HaveCount(3);
        result[0].Should().BeApproximately(2f, 1e-6f);
        result[1].Should().BeApproximately(0f, 1e-6f);
        result[2].Should().BeApproximately(0.3f, 1e-6f);
    }

    /// <summary>Exact equality regardless of inner block size (1, 3, 1000 frames) and read buffer size (1, 3, 1000 samples).</summary>
    [Fact]
    public void Output_does_not_depend_on_chunk_sizes()
    {
        var random = new Random(3);
        float[] stereo = Enumerable.Range(0, 4002).Select(_ => (float)random.NextDouble()).ToArray();
        float[] reference = new MonoMixdownSource(new ArraySampleSource(stereo, new AudioFormat(48000, 2))).ReadAll();

        foreach (int innerFrames in new[] { 1, 3, 1000 })
        {
            foreach (int buffer in new[] { 1, 3, 1000 })
            {
                using var mono = new MonoMixdownSource(new ArraySampleSource(stereo, new AudioFormat(48000, 2), innerFrames));
                SignalTestHelpers.ReadWithBuffer(mono, buffer).Should().Equal(reference);
            }
        }
    }

    [Fact]
    public void Mono_input_passes_through_and_ToMono_returns_it()
    {
        float[] samples = [0.1f, 0.2f, -0.3f];
        var source = new ArraySampleSource(samples, 16000);
        source.ToMono().Should().BeSameAs(source);

        using var wrapped = new MonoMixdownSource(new ArraySampleSource(samples, 16000));
        wrapped.ReadAll().Should().Equal(samples);
    }

    [Fact]
    public void Dispose_disposes_the_inner_source_and_later_reads_throw()
    {
        var inner = new TrackingSource(new float[10], new AudioFormat(44100, 2));
        var mono = new MonoMixdownSource(inner);
        mono.Read(new float[3]).Should().Be(3);

        mono.Dispose();
        mono.Dispose();

        inner.IsDisposed.Should().BeTrue();
        var read = () => mono.Read(new float[4]);
        read.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Null_inner_is_rejected()
    {
        var construct = () => new MonoMixdownSource(null!);
        construct.Should().Throw<ArgumentNullException>();
    }
}
