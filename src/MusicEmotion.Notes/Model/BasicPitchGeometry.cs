namespace MusicEmotion.Notes.Model;

/// <summary>
/// The shape of Basic Pitch's input and output and the window rule of its reference implementation (the npm package
/// <c>@spotify/basic-pitch</c> and the Python package share it): 22,050 Hz mono audio in windows of
/// <see cref="WindowSamples"/> samples (2 s less one hop), each giving <see cref="WindowFrames"/> frames of
/// <see cref="HopSamples"/> samples; consecutive windows overlap by <see cref="OverlapFrames"/> frames, half of which
/// is dropped from each side, and the audio is preceded by half an overlap of zeros so that the first kept frame is
/// centred on the first sample.
/// </summary>
internal static class BasicPitchGeometry
{
    /// <summary>The model's sample rate.</summary>
    public const int SampleRate = 22050;

    /// <summary>Samples between frames (the CQT hop).</summary>
    public const int HopSamples = 256;

    /// <summary>Samples per model window: 2·22050 - 256.</summary>
    public const int WindowSamples = (2 * SampleRate) - HopSamples;

    /// <summary>Frames the original model outputs per window (ours outputs the <see cref="KeptFrames"/> alone).</summary>
    public const int WindowFrames = 172;

    /// <summary>Frames shared by consecutive windows.</summary>
    public const int OverlapFrames = 30;

    /// <summary>Frames dropped from each side of a window's output.</summary>
    public const int TrimFrames = OverlapFrames / 2;

    /// <summary>Frames kept from each window: the original's frames <see cref="TrimFrames"/> … <see cref="TrimFrames"/> + 141, all our model outputs.</summary>
    public const int KeptFrames = WindowFrames - OverlapFrames;

    /// <summary>Zeros before the first sample: half an overlap.</summary>
    public const int LeadingPadSamples = TrimFrames * HopSamples;

    /// <summary>Samples between the starts of consecutive windows: the window less the overlap (not a whole number of frames).</summary>
    public const int WindowHopSamples = WindowSamples - (OverlapFrames * HopSamples);

    /// <summary>Piano keys of the note and onset outputs, from A0.</summary>
    public const int Keys = 88;

    /// <summary>MIDI pitch of the first key (A0).</summary>
    public const int LowestPitch = 21;

    /// <summary>Bins of the contour output: 3 per semitone from A0.</summary>
    public const int ContourBins = 264;

    /// <summary>Contour bins per semitone.</summary>
    public const int ContourBinsPerSemitone = 3;

    /// <summary>
    /// The sample of the original audio on which output frame <paramref name="frame"/> is centred. Window <c>w</c>
    /// keeps frames <c>w·142 … w·142+141</c>, centred on samples <c>w·36164 + k·256</c>: frames are 256 samples
    /// apart within a window and 68 apart where two windows meet (the window hop is 141.27 frames, 142 are kept).
    /// </summary>
    public static long FrameSample(long frame) => (frame / KeptFrames * WindowHopSamples) + (frame % KeptFrames * HopSamples);

    /// <summary>The time of <see cref="FrameSample"/> in seconds.</summary>
    public static double FrameSeconds(long frame) => FrameSample(frame) / (double)SampleRate;

    /// <summary>The number of output frames of a signal of <paramref name="samples"/> samples: every frame centred inside it.</summary>
    public static long FrameCount(long samples)
    {
        if (samples <= 0)
        {
            return 0;
        }

        long last = samples - 1;
        long window = last / WindowHopSamples;
        long inWindow = Math.Min(KeptFrames - 1, last % WindowHopSamples / HopSamples);
        return (window * KeptFrames) + inWindow + 1;
    }
}
