using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>One page of a catalog listing, in the order tracks were added.</summary>
/// <param name="Items">The tracks of the page.</param>
/// <param name="Offset">Position of the first item in the whole listing.</param>
/// <param name="Total">Tracks in the catalog when the page was read.</param>
public sealed record TrackPage(IReadOnlyList<TrackRecord> Items, int Offset, int Total)
{
    /// <summary>Whether tracks follow this page.</summary>
    public bool HasMore => Offset + Items.Count < Total;
}
