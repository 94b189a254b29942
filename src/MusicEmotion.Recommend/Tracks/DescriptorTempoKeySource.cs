using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Tempo and key from a track's stored descriptors: the tempo of the onset envelope (unknown when none was found) and the
/// Krumhansl–Schmuckler chroma key, counted as known only when its correlation with the key profile reaches
/// <see cref="MinKeyStrength"/> (docs/recommend.md gives the measured accuracy per strength).
/// </summary>
public sealed class DescriptorTempoKeySource : ITempoKeySource
{
    /// <summary>The default <see cref="MinKeyStrength"/>.</summary>
    public const double DefaultMinKeyStrength = 0.6;

    /// <summary>Creates the source.</summary>
    /// <param name="minKeyStrength">Key strength (correlation, 0–1) from which the chroma key counts as known.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minKeyStrength"/> is not in [0, 1].</exception>
    public DescriptorTempoKeySource(double minKeyStrength = DefaultMinKeyStrength)
    {
        if (!(minKeyStrength >= 0 && minKeyStrength <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minKeyStrength), minKeyStrength, "The key strength threshold lies in [0, 1].");
        }

        MinKeyStrength = minKeyStrength;
    }

    /// <summary>The shared instance with the default threshold.</summary>
    public static DescriptorTempoKeySource Default { get; } = new();

    /// <summary>Key strength from which the chroma key counts as known.</summary>
    public double MinKeyStrength { get; }

    /// <inheritdoc />
    public TempoKey Estimate(TrackRecord track)
    {
        ArgumentNullException.ThrowIfNull(track);
        float tempo = track.Descriptors.TempoBpm;
        MusicalKey key = track.Descriptors.Key;
        return new TempoKey(tempo > 0 && float.IsFinite(tempo) ? tempo : null, key.Strength >= MinKeyStrength ? key : null);
    }
}
