namespace MusicEmotion.Features.Spectral;

/// <summary>Receives the raw (padded, unwindowed) frames cut by a <see cref="SignalFramer"/>.</summary>
internal interface IFrameConsumer
{
    /// <summary>Called once per frame, in order. The span is only valid during the call.</summary>
    /// <param name="frame">The frame's samples (length <see cref="SignalFramer.FrameLength"/>).</param>
    void OnFrame(ReadOnlySpan<float> frame);
}
