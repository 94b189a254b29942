using MusicEmotion.Features.Extraction;

namespace MusicEmotion.Features.Tests;

public class AllocationTests
{
    private sealed class NullSink : IFeatureFrameSink
    {
        public long Count { get; private set; }

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features) => Count++;
    }

    // After warm-up, streaming ~4300 frames may allocate at most 1 KB in total (a constant, not per frame).
    [Theory]
    [InlineData(FeatureKind.LogMel)]
    [InlineData(FeatureKind.Mfcc)]
    [InlineData(FeatureKind.Descriptors)]
    public void Streaming_does_not_allocate_per_frame(FeatureKind kind)
    {
        IFeatureExtractor extractor = FeatureExtractorFactory.Create(kind, new FeatureSettings());
        IFeatureStream stream = extractor.CreateStream();
        var sink = new NullSink();
        float[] chunk = TestSignals.WhiteNoise(4096, 11);
        for (int i = 0; i < 20; i++)
        {
            stream.Push(chunk, sink);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long framesBefore = sink.Count;
        for (int i = 0; i < 540; i++)
        {
            stream.Push(chunk, sink);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        (sink.Count - framesBefore).Should().BeGreaterThan(4000);
        allocated.Should().BeLessThan(1024);
    }
}
