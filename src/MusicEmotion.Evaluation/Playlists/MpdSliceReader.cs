using System.Text.Json;

namespace MusicEmotion.Evaluation.Playlists;

/// <summary>
/// Reads a Million Playlist Dataset slice file (<c>mpd.slice.*.json</c>: <c>{"info":{..},"playlists":[{"pid","name",
/// "tracks":[{"pos","track_uri",..}]}]}</c>), streaming, so a full 1,000-playlist slice is never held as a DOM.
/// </summary>
internal static class MpdSliceReader
{
    private const string TrackUriPrefix = "spotify:track:";

    /// <summary>Reads every playlist of the slice.</summary>
    /// <exception cref="DatasetFormatException">The file is missing or not an MPD slice.</exception>
    public static IReadOnlyList<MpdPlaylist> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new DatasetFormatException(path, "file not found");
        }

        try
        {
            using FileStream file = File.OpenRead(path);
            using JsonDocument document = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 16 });
            if (!document.RootElement.TryGetProperty("playlists", out JsonElement playlists) || playlists.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException(path, "has no \"playlists\" array; not an MPD slice");
            }

            var result = new List<MpdPlaylist>();
            foreach (JsonElement playlist in playlists.EnumerateArray())
            {
                result.Add(ReadPlaylist(playlist, path, result.Count));
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException(path, $"is not valid JSON ({ex.Message})", ex);
        }
        catch (IOException ex)
        {
            throw new DatasetFormatException(path, $"cannot be read ({ex.Message})", ex);
        }
    }

    private static MpdPlaylist ReadPlaylist(JsonElement playlist, string path, int index)
    {
        if (playlist.ValueKind != JsonValueKind.Object
            || !playlist.TryGetProperty("pid", out JsonElement pid) || !pid.TryGetInt32(out int id)
            || !playlist.TryGetProperty("tracks", out JsonElement tracks) || tracks.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetFormatException(path, $"playlist #{index} lacks a numeric \"pid\" or a \"tracks\" array");
        }

        string name = playlist.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        var ordered = new List<(int Position, string Id)>();
        foreach (JsonElement track in tracks.EnumerateArray())
        {
            if (!track.TryGetProperty("track_uri", out JsonElement uri) || uri.GetString() is not { } text || !text.StartsWith(TrackUriPrefix, StringComparison.Ordinal))
            {
                throw new DatasetFormatException(path, $"playlist {id}: a track has no \"spotify:track:…\" track_uri");
            }

            int position = track.TryGetProperty("pos", out JsonElement pos) && pos.TryGetInt32(out int p) ? p : ordered.Count;
            ordered.Add((position, text[TrackUriPrefix.Length..]));
        }

        return new MpdPlaylist(id, name, ordered.OrderBy(t => t.Position).Select(t => t.Id).ToArray());
    }
}
