namespace MusicEmotion.Notes.Harmony;

/// <summary>One chord held over consecutive seconds (a line of a chord chart).</summary>
/// <param name="StartSeconds">Start of its first second.</param>
/// <param name="EndSeconds">End of its last second (the end of the audio for the last second).</param>
/// <param name="Chord">The chord.</param>
public readonly record struct ChordSpan(double StartSeconds, double EndSeconds, ChordLabel Chord);
