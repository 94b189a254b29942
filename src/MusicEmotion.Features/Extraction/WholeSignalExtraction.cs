namespace MusicEmotion.Features.Extraction;

/// <summary>Runs a whole signal through an extractor's stream, so that whole-signal and streamed output are identical by construction.</summary>
internal static class WholeSignalExtraction
{
    public static FeatureMatrix Run(IFeatureExtractor extractor, IFeatureStream stream, ReadOnlySpan<float> samples)
    {
        int frames = checked((int)extractor.Settings.FrameCount(samples.Length));
        var sink = new FeatureMatrixSink(extractor.Width, extractor.FeatureNames, extractor.FrameRate, frames);
        stream.Push(samples, sink);
        stream.Complete(sink);
        return sink.ToMatrix();
    }

    public static IReadOnlyList<string> NumberedNames(string prefix, int count) =>
        Array.AsReadOnly(Enumerable.Range(0, count).Select(i => $"{prefix}_{i}").ToArray());
}
