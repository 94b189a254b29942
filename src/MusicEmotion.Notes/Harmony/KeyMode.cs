namespace MusicEmotion.Notes.Harmony;

/// <summary>The mode of a <see cref="MusicalKey"/>.</summary>
public enum KeyMode
{
    /// <summary>Major (Ionian).</summary>
    Major,

    /// <summary>Minor (the Krumhansl–Kessler minor profile, i.e. harmonic/natural minor together).</summary>
    Minor,
}
