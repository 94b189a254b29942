namespace MusicEmotion.Features;

/// <summary>Receives feature frames from an <see cref="IFeatureStream"/>.</summary>
public interface IFeatureFrameSink
{
    /// <summary>Called once per frame, in increasing <paramref name="frameIndex"/> order.</summary>
    /// <param name="frameIndex">Zero-based frame index; frame <c>t</c> is centred at sample <c>t·HopLength</c> (or starts there when not centred).</param>
    /// <param name="features">The frame's feature vector; valid only during the call (copy it to keep it).</param>
    void OnFrame(long frameIndex, ReadOnlySpan<float> features);
}
