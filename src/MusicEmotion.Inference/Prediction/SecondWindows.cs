namespace MusicEmotion.Inference.Prediction;

/// <summary>
/// Which feature frames the model sees for each second. Frame <c>t</c> is centred at <c>t / frameRate</c> seconds
/// (centred STFT). Value <c>i</c> covers second <c>[i, i+1)</c>; its window is the <see cref="WindowFrames"/> frames
/// starting at <c>floor((i + 0.5)·frameRate − WindowFrames/2 + 0.5)</c>, i.e. centred on <c>i + 0.5</c> s, shifted
/// to lie inside the audio at its start and end. Audio shorter than one window uses all its frames.
/// The training pipeline (training/train.py) implements the same rule.
/// </summary>
internal sealed class SecondWindows
{
    /// <summary>Creates the rule for a window of <paramref name="windowFrames"/> frames at <paramref name="frameRate"/> frames per second.</summary>
    public SecondWindows(int windowFrames, double frameRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowFrames, 1);
        if (!(frameRate > 0) || !double.IsFinite(frameRate))
        {
            throw new ArgumentOutOfRangeException(nameof(frameRate), frameRate, "Frame rate must be positive.");
        }

        WindowFrames = windowFrames;
        FrameRate = frameRate;
    }

    /// <summary>Frames per full window.</summary>
    public int WindowFrames { get; }

    /// <summary>Feature frames per second.</summary>
    public double FrameRate { get; }

    /// <summary>
    /// Number of per-second values for a signal of <paramref name="samples"/> samples: every started second gets
    /// one, so the last value may cover a partial second <c>[n−1, duration)</c>.
    /// </summary>
    public static int SecondCount(long samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        return (int)((samples + sampleRate - 1) / sampleRate);
    }

    /// <summary>The first frame of second <paramref name="second"/>'s window before it is shifted inside the audio (may be negative).</summary>
    public long UnclampedStart(long second) =>
        (long)Math.Floor((second + 0.5) * FrameRate - WindowFrames / 2.0 + 0.5);

    /// <summary>
    /// How many frames must exist before second <paramref name="second"/>'s window is final without knowing the
    /// total length (used while streaming).
    /// </summary>
    public long FramesNeeded(long second) => Math.Max(0, UnclampedStart(second)) + WindowFrames;

    /// <summary>The window of second <paramref name="second"/> in a signal of <paramref name="totalFrames"/> frames.</summary>
    public (long Start, int Length) Window(long second, long totalFrames) => Window(second, 0, totalFrames);

    /// <summary>
    /// The window of second <paramref name="second"/> inside the stretch of frames [<paramref name="firstFrame"/>,
    /// <paramref name="endFrame"/>) (a run of music: the window never reaches into the silence around it), shifted
    /// inside the stretch at its ends; a stretch shorter than a window gives all its frames.
    /// </summary>
    public (long Start, int Length) Window(long second, long firstFrame, long endFrame)
    {
        if (endFrame - firstFrame <= WindowFrames)
        {
            return (firstFrame, (int)(endFrame - firstFrame));
        }

        long start = Math.Clamp(UnclampedStart(second), firstFrame, endFrame - WindowFrames);
        return (start, WindowFrames);
    }

    /// <summary>The first frame centred at or after the start of second <paramref name="second"/>.</summary>
    public long FirstFrameOf(long second) => (long)Math.Ceiling((second * FrameRate) - 1e-9);

    /// <summary>The second that holds the centre of frame <paramref name="frame"/>.</summary>
    public long SecondOf(long frame) => (long)Math.Floor(frame / FrameRate);
}
