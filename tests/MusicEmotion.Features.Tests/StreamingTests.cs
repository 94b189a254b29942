using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Tests;

public class StreamingTests
{
    private sealed class CollectingSink : IFeatureFrameSink
    {
        public List<float[]> Frames { get; } = [];

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            frameIndex.Should().Be(Frames.Count);
            Frames.Add(features.ToArray());
        }
    }

    private static float[] Stream(IFeatureExtractor extractor, float[] signal, int chunk)
    {
        IFeatureStream stream = extractor.CreateStream();
        var sink = new CollectingSink();
        for (int offset = 0; offset < signal.Length; offset += chunk)
        {
            stream.Push(signal.AsSpan(offset, Math.Min(chunk, signal.Length - offset)), sink);
        }

        stream.Complete(sink);
        stream.FramesWritten.Should().Be(sink.Frames.Count);
        return sink.Frames.SelectMany(f => f).ToArray();
    }

    public static TheoryData<FeatureKind, PadMode, int> Cases()
    {
        var data = new TheoryData<FeatureKind, PadMode, int>();
        foreach (FeatureKind kind in Enum.GetValues<FeatureKind>())
        {
            foreach (int chunk in new[] { 1, 7, 4096, 100_000 })
            {
                data.Add(kind, PadMode.Constant, chunk);
            }

            data.Add(kind, PadMode.Reflect, 7);
            data.Add(kind, PadMode.Reflect, 4096);
        }

        return data;
    }

    // Tolerance: exact (bit-identical) equality.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Streaming_in_chunks_equals_whole_signal(FeatureKind kind, PadMode padMode, int chunk)
    {
        float[] signal = FixtureFiles.GoldenSignal().AsSpan(0, 12_345).ToArray();
        IFeatureExtractor extractor = FeatureExtractorFactory.Create(kind, new FeatureSettings { PadMode = padMode });
        FeatureMatrix whole = extractor.Extract(signal);
        whole.Frames.Should().Be(1 + (12_345 / 512));
        Stream(extractor, signal, chunk).Should().Equal(whole.Data);
    }

    [Theory]
    [InlineData(true, PadMode.Constant, 0, 128)]
    [InlineData(true, PadMode.Constant, 100, 128)]
    [InlineData(true, PadMode.Reflect, 1, 128)]
    [InlineData(true, PadMode.Reflect, 200, 128)]
    [InlineData(true, PadMode.Reflect, 300, 128)]
    [InlineData(true, PadMode.Reflect, 5000, 128)]
    [InlineData(true, PadMode.Constant, 5000, 700)]
    [InlineData(false, PadMode.Constant, 100, 128)]
    [InlineData(false, PadMode.Constant, 5000, 128)]
    [InlineData(false, PadMode.Constant, 5000, 700)]
    public void Framer_matches_numpy_padding_and_librosa_frame_count(bool center, PadMode padMode, int length, int hop)
    {
        // Reference: explicit numpy-style padding then slicing; tolerance exact.
        const int n = 512;
        float[] signal = TestSignals.WhiteNoise(length, length + 1);
        int pad = center ? n / 2 : 0;
        var padded = new float[length + (2 * pad)];
        for (int p = 0; p < padded.Length; p++)
        {
            long i = p - pad;
            if (i >= 0 && i < length)
            {
                padded[p] = signal[i];
            }
            else if (padMode == PadMode.Reflect && length > 0)
            {
                long period = Math.Max(1, 2L * (length - 1));
                long m = ((i % period) + period) % period;
                padded[p] = length == 1 ? signal[0] : signal[m < length ? m : period - m];
            }
        }

        var settings = new FeatureSettings { FftSize = n, HopLength = hop, Center = center, PadMode = padMode };
        long expectedFrames = settings.FrameCount(length);
        var framer = new SignalFramer(n, hop, center, padMode);
        var frames = new List<float[]>();
        var consumer = new FrameList(frames);
        for (int offset = 0; offset < length; offset += 33)
        {
            framer.Push(signal.AsSpan(offset, Math.Min(33, length - offset)), consumer);
        }

        framer.Complete(consumer);
        frames.Should().HaveCount((int)expectedFrames);
        for (int t = 0; t < frames.Count; t++)
        {
            frames[t].Should().Equal(padded.AsSpan(t * hop, n).ToArray(), $"frame {t}");
        }
    }

    [Fact]
    public void Push_after_complete_throws()
    {
        IFeatureStream stream = new LogMelExtractor().CreateStream();
        var sink = new CollectingSink();
        stream.Complete(sink);
        FluentActions.Invoking(() => stream.Push(new float[10], sink)).Should().Throw<InvalidOperationException>();
    }

    private sealed class FrameList(List<float[]> frames) : IFrameConsumer
    {
        public void OnFrame(ReadOnlySpan<float> frame) => frames.Add(frame.ToArray());
    }
}
