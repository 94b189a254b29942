namespace MusicEmotion.Notes.Harmony;

/// <summary>A key found in notes: tonic, mode and how clearly the notes point to it.</summary>
/// <param name="Tonic">Pitch class of the tonic, 0 = C … 11 = B.</param>
/// <param name="Mode">Major or minor.</param>
/// <param name="Strength">
/// Pearson correlation (−1 … 1) between the duration-weighted pitch-class histogram and this key's Krumhansl–Kessler
/// profile; about 0.6 and above is a clear key, below about 0.3 the notes hardly suggest one.
/// </param>
/// <param name="Clarity">This key's correlation minus the next best key's (0 … 2): how far ahead of its rivals it is.</param>
/// <param name="ModeContrast">
/// The best major key's correlation minus the best minor key's (−2 … 2): positive where the notes sound major, negative
/// where they sound minor; a continuous form of <see cref="Mode"/>.
/// </param>
public readonly record struct MusicalKey(int Tonic, KeyMode Mode, double Strength, double Clarity, double ModeContrast)
{
    /// <summary>The key's name, e.g. <c>A minor</c>, <c>F# major</c>.</summary>
    public string Name => $"{PitchClasses.NameOf(Tonic)} {(Mode == KeyMode.Major ? "major" : "minor")}";

    /// <inheritdoc />
    public override string ToString() => Name;
}
