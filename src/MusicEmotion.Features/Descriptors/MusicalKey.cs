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

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Strength:0.00})");
}
