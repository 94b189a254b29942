using System.Globalization;

namespace MusicEmotion.Features.Descriptors;

/// <summary>A track's estimated key (see <see cref="KeyEstimator"/>).</summary>
/// <param name="Tonic">Pitch class of the tonic: 0 = C, 1 = C♯, …, 11 = B.</param>
/// <param name="Mode">Major or minor.</param>
/// <param name="Strength">
/// Pearson correlation between the track's chroma profile and the best key profile, in [-1, 1]; around 0.8–0.9 for
/// clearly tonal music, lower for atonal, percussive or modulating music.
/// </param>
public readonly record struct MusicalKey(int Tonic, MusicalMode Mode, double Strength)
{
    private static readonly string[] TonicNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];

    /// <summary>The key's name, e.g. <c>"A minor"</c>.</summary>
    public string Name => $"{TonicNames[((Tonic % 12) + 12) % 12]} {(Mode == MusicalMode.Major ? "major" : "minor")}";

    /// <summary>How this key relates to <paramref name="other"/> (symmetric).</summary>
    public KeyRelation RelationTo(MusicalKey other)
    {
        int tonic = ((Tonic % 12) + 12) % 12, otherTonic = ((other.Tonic % 12) + 12) % 12;
        if (Mode == other.Mode)
        {
            int interval = ((otherTonic - tonic) + 12) % 12;
            return interval == 0 ? KeyRelation.Same : interval is 5 or 7 ? KeyRelation.Fifth : KeyRelation.Distant;
        }

        if (tonic == otherTonic)
        {
            return KeyRelation.Parallel;
        }

        // The relative minor's tonic lies three semitones below the major's (C major, A minor).
        (int major, int minor) = Mode == MusicalMode.Major ? (tonic, otherTonic) : (otherTonic, tonic);
        return (major + 9) % 12 == minor ? KeyRelation.Relative : KeyRelation.Distant;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Strength:0.00})");
}
