namespace MusicEmotion.Features;

/// <summary>
/// Incremental feature extraction with bounded memory. Pushing a signal in chunks of any sizes and then calling
/// <see cref="Complete"/> yields exactly the frames that <see cref="IFeatureExtractor.Extract"/> gives for the whole
/// signal. A stream analyses one signal and is not thread-safe.
/// </summary>
public interface IFeatureStream
{
    /// <summary>Features per frame.</summary>
    int Width { get; }

    /// <summary>Frames delivered to sinks so far.</summary>
    long FramesWritten { get; }

    /// <summary>Feeds the next samples; completed frames go to <paramref name="sink"/>.</summary>
    /// <param name="samples">Next mono samples (any length).</param>
    /// <param name="sink">Receives the frames completed by these samples.</param>
    void Push(ReadOnlySpan<float> samples, IFeatureFrameSink sink);

    /// <summary>Ends the signal: applies the right padding and delivers the remaining frames. Push may not be called afterwards.</summary>
    /// <param name="sink">Receives the last frames.</param>
    void Complete(IFeatureFrameSink sink);
}
