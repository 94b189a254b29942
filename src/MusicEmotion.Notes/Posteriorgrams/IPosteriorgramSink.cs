namespace MusicEmotion.Notes.Posteriorgrams;

/// <summary>Receives the stitched model output, a run of consecutive frames at a time.</summary>
internal interface IPosteriorgramSink
{
    /// <summary>
    /// Frames <c>firstFrame … firstFrame + count - 1</c>: <paramref name="note"/> and <paramref name="onset"/> hold
    /// <c>count × 88</c> values (frame-major), <paramref name="contour"/> <c>count × 264</c>. The spans are only valid
    /// during the call.
    /// </summary>
    void OnFrames(long firstFrame, int count, ReadOnlySpan<float> note, ReadOnlySpan<float> onset, ReadOnlySpan<float> contour);
}
