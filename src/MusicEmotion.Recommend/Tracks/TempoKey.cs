using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>A track's tempo and key as far as they are known (<see cref="ITempoKeySource"/>).</summary>
/// <param name="TempoBpm">Tempo in beats per minute, or null when none was found.</param>
/// <param name="Key">The key, or null when it is not known with enough confidence.</param>
public sealed record TempoKey(double? TempoBpm, MusicalKey? Key)
{
    /// <summary>Nothing known.</summary>
    public static TempoKey Unknown { get; } = new(null, null);
}
