namespace MusicEmotion.Notes.Analysis;

/// <summary>The melody (<see cref="Melody.MelodyExtractor"/>) around one second.</summary>
/// <param name="Pitch">Duration-weighted mean MIDI pitch of the melody in the second (register), or null when no melody note sounds.</param>
/// <param name="Coverage">Share of the second (0 … 1) in which a melody note sounds.</param>
/// <param name="RangeSemitones">Highest minus lowest melody pitch in the context window centred on the second, or null when it holds no melody note.</param>
/// <param name="MeanIntervalSemitones">Mean absolute interval from the previous melody note, over the melody notes starting in the second, or null when none.</param>
/// <param name="LeapShare">Share of those intervals of 5 semitones or more (leaps rather than steps), or null when none.</param>
/// <param name="Contour">Rising minus falling intervals over all intervals of the second (−1 … 1; repeated notes count in the total), or null when none.</param>
/// <param name="VibratoShare">Share of the second's melody time (0 … 1) on notes with vibrato (<see cref="Melody.PitchCurve"/>).</param>
/// <param name="VibratoRateHz">Mean vibrato rate of the melody notes with vibrato sounding in the second (Hz), or null when none.</param>
/// <param name="VibratoExtentSemitones">Mean vibrato extent of those notes (semitones, half the swing), or null when none.</param>
/// <param name="GlissandoShare">Share of the melody notes sounding in the second that glide (<see cref="Melody.PitchCurve.IsGlissando"/>), or null when none sounds.</param>
public readonly record struct MelodySecond(
    double? Pitch, double Coverage, int? RangeSemitones, double? MeanIntervalSemitones, double? LeapShare, double? Contour,
    double VibratoShare, double? VibratoRateHz, double? VibratoExtentSemitones, double? GlissandoShare);
