using System.Text.Json;

namespace MusicEmotion.Evaluation.Playlists;

/// <summary>The result of <c>mer eval playlists</c>.</summary>
/// <param name="K">The cut-off.</param>
/// <param name="Playlists">Playlists evaluated (at least two tracks with features).</param>
/// <param name="PlaylistsSkipped">Playlists with fewer than two tracks with features.</param>
/// <param name="CatalogTracks">Tracks recommendations were drawn from (every track with features).</param>
/// <param name="RandomPrecisionAtK">Expected precision@k of random recommendations.</param>
/// <param name="DescriptorsPrecisionAtK">Mean precision@k with the descriptor features only.</param>
/// <param name="CombinedPrecisionAtK">Mean precision@k with descriptors and emotion (valence, energy).</param>
/// <param name="CombinedWeights">The block weights of the combined condition.</param>
internal sealed record PlaylistHoldoutReport(
    int K,
    int Playlists,
    int PlaylistsSkipped,
    int CatalogTracks,
    double RandomPrecisionAtK,
    double DescriptorsPrecisionAtK,
    double CombinedPrecisionAtK,
    string CombinedWeights)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
