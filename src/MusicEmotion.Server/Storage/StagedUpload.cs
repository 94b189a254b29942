namespace MusicEmotion.Server.Storage;

/// <summary>
/// An upload received whole into the staging folder under a name the service chose, with its SHA-256 (the track id),
/// length and sniffed container. Disposing it deletes the file unless <see cref="TrackAudioStore.Commit"/> moved it.
/// </summary>
internal sealed class StagedUpload(string path, string trackId, long length, string container, string sourceName, TimeSpan receiveTime) : IDisposable
{
    /// <summary>The staged file (in the staging folder; never a client-chosen name).</summary>
    public string Path { get; } = path;

    /// <summary>The SHA-256 of the bytes, as the catalog's track id.</summary>
    public string TrackId { get; } = trackId;

    /// <summary>Bytes received.</summary>
    public long Length { get; } = length;

    /// <summary>The container its first bytes name ("mp3", "wav", "flac"...).</summary>
    public string Container { get; } = container;

    /// <summary>The client's file name, cleaned for display (<see cref="Uploads.UploadNames"/>); never used as a path.</summary>
    public string SourceName { get; } = sourceName;

    /// <summary>How long the bytes took to arrive.</summary>
    public TimeSpan ReceiveTime { get; } = receiveTime;

    /// <summary>Deletes the staged file if it is still there.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // The startup sweep removes whatever is left in the staging folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
