namespace MusicEmotion.Notes.Decoding;

/// <summary>The decoding values of <see cref="NoteTranscriptionOptions"/>, resolved once per transcription.</summary>
internal sealed record NoteDecodingSettings(
    double OnsetThreshold,
    double FrameThreshold,
    int MinimumNoteFrames,
    int EnergyToleranceFrames,
    bool InferOnsets,
    bool MelodiaTrick,
    int LowestKey,
    int HighestKey,
    bool IncludePitchBends,
    int MaxBlockFrames)
{
    public static NoteDecodingSettings From(NoteTranscriptionOptions options)
    {
        (int lowest, int highest) = options.KeyRange();
        int maxBlockFrames = (int)Math.Ceiling(options.MaxBlockSeconds * Model.BasicPitchGeometry.SampleRate / Model.BasicPitchGeometry.HopSamples);
        return new NoteDecodingSettings(options.OnsetThreshold, options.FrameThreshold, options.MinimumNoteFrames,
            options.EnergyToleranceFrames, options.InferOnsets, options.MelodiaTrick, lowest, highest, options.IncludePitchBends,
            Math.Max(maxBlockFrames, 4 * options.EnergyToleranceFrames));
    }
}

/// <summary>A decoded note in frames: <see cref="Start"/> inclusive, <see cref="End"/> exclusive, key 0 = A0.</summary>
internal readonly record struct FrameNote(long Start, long End, int Key, double Amplitude);
