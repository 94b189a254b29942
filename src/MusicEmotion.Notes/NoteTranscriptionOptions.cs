using MusicEmotion.Audio.Ffmpeg;
using MusicEmotion.Notes.Model;

namespace MusicEmotion.Notes;

/// <summary>
/// Options of <see cref="NoteTranscriber"/> (bind them with <c>services.AddMusicEmotionNotes(o =&gt; ...)</c> or pass them
/// directly). The decoding defaults are those of Basic Pitch's reference implementation (the npm package's
/// <c>outputToNotesPoly</c>); a frame is 256 samples at 22,050 Hz, about 11.6 ms.
/// </summary>
public sealed class NoteTranscriptionOptions
{
    /// <summary>Onset strength a note's start must exceed (a peak in time of the onset output), on (0, 1). Default 0.5; lower finds more notes.</summary>
    public double OnsetThreshold { get; set; } = 0.5;

    /// <summary>Frame activation a note's key must keep to go on sounding, on (0, 1). Default 0.3; lower gives longer notes.</summary>
    public double FrameThreshold { get; set; } = 0.3;

    /// <summary>Notes of at most this many frames are dropped. Default 5 (58 ms): the shortest note kept lasts 6 frames (70 ms).</summary>
    public int MinimumNoteFrames { get; set; } = 5;

    /// <summary>Consecutive frames below <see cref="FrameThreshold"/> a note may span before it ends. Default 11 (128 ms).</summary>
    public int EnergyToleranceFrames { get; set; } = 11;

    /// <summary>
    /// Whether a sudden rise of a key's activation counts as an onset even where the onset output missed it (the rise
    /// is rescaled to the onset output's maximum). Default true.
    /// </summary>
    public bool InferOnsets { get; set; } = true;

    /// <summary>
    /// Whether strong activations left over after the onset-led notes become notes too (Basic Pitch's "melodia trick":
    /// notes without a clear onset, such as a sung line or a legato melody). Default true.
    /// </summary>
    public bool MelodiaTrick { get; set; } = true;

    /// <summary>Keys whose nominal frequency is below this (by more than a cent) are ignored (Hz); null (default) = from A0 (27.5 Hz).</summary>
    public double? MinimumFrequencyHz { get; set; }

    /// <summary>Keys whose nominal frequency is above this (by more than a cent) are ignored (Hz); null (default) = up to C8 (4186 Hz).</summary>
    public double? MaximumFrequencyHz { get; set; }

    /// <summary>Whether each note carries its pitch curve (<see cref="NoteEvent.PitchBends"/>). Default true.</summary>
    public bool IncludePitchBends { get; set; } = true;

    /// <summary>
    /// The most audio, in seconds, whose model output is held before notes are decided (memory: about 100 KB per
    /// second, 30 MB at the default). A track up to this long is decoded in one piece, exactly as the reference does;
    /// a longer one is decoded in blocks that end in silent gaps where it has them (see docs/notes.md). Default 300.
    /// </summary>
    public double MaxBlockSeconds { get; set; } = 300;

    /// <summary>Threads one model call may use. Default 1 (transcribe several files at once for throughput).</summary>
    public int ModelThreads { get; set; } = 1;

    /// <summary>Where ffmpeg is, for the default decoder chain (default: PATH).</summary>
    public FfmpegOptions Ffmpeg { get; set; } = new();

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (!(OnsetThreshold > 0 && OnsetThreshold < 1) || !(FrameThreshold > 0 && FrameThreshold < 1))
        {
            throw new ArgumentException($"OnsetThreshold and FrameThreshold must be between 0 and 1 (got {OnsetThreshold} and {FrameThreshold}).");
        }

        if (MinimumNoteFrames is < 0 or > 10_000)
        {
            throw new ArgumentException($"MinimumNoteFrames must be between 0 and 10000 (got {MinimumNoteFrames}).");
        }

        if (EnergyToleranceFrames is < 1 or > 1_000)
        {
            throw new ArgumentException($"EnergyToleranceFrames must be between 1 and 1000 (got {EnergyToleranceFrames}).");
        }

        if (!(MaxBlockSeconds >= 10 && MaxBlockSeconds <= 24 * 3600))
        {
            throw new ArgumentException($"MaxBlockSeconds must be between 10 and 86400 (got {MaxBlockSeconds}).");
        }

        if (ModelThreads < 1)
        {
            throw new ArgumentException($"ModelThreads must be at least 1 (got {ModelThreads}).");
        }

        if (Ffmpeg is null)
        {
            throw new ArgumentException("Ffmpeg must be set.");
        }

        foreach (double? hz in new[] { MinimumFrequencyHz, MaximumFrequencyHz })
        {
            if (hz is { } f && !(f > 0 && double.IsFinite(f)))
            {
                throw new ArgumentException($"MinimumFrequencyHz and MaximumFrequencyHz must be positive and finite (got {f}).");
            }
        }

        (int lowest, int highest) = KeyRange();
        if (lowest > highest)
        {
            throw new ArgumentException($"No piano key lies between MinimumFrequencyHz ({MinimumFrequencyHz}) and MaximumFrequencyHz ({MaximumFrequencyHz}).");
        }
    }

    /// <summary>The first and last key (0 = A0) allowed by the frequency limits.</summary>
    internal (int Lowest, int Highest) KeyRange()
    {
        const double tolerance = 5.8e-4; // one cent: a limit given as a key's (rounded) frequency includes that key
        int lowest = 0, highest = BasicPitchGeometry.Keys - 1;
        while (lowest < BasicPitchGeometry.Keys && MinimumFrequencyHz is { } min && KeyHz(lowest) < min * (1 - tolerance))
        {
            lowest++;
        }

        while (highest >= 0 && MaximumFrequencyHz is { } max && KeyHz(highest) > max * (1 + tolerance))
        {
            highest--;
        }

        return (lowest, highest);
    }

    private static double KeyHz(int key) => 440.0 * Math.Pow(2, (key + BasicPitchGeometry.LowestPitch - 69) / 12.0);
}
