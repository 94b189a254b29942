namespace MusicEmotion.Server.Storage;

/// <summary>
/// The catalog rows whose audio is not stored (a catalog opened with another audio folder, files removed by hand): found
/// by the startup sweep, kept current as uploads restore audio, deletions remove rows and reads find files gone; and
/// the audio files the sweep found without a row but kept (too many to be a crash's). /health reports both (Degraded
/// while either is not 0).
/// </summary>
internal sealed class MissingAudio
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private int _unclaimed;

    /// <summary>Stored audio files no row refers to that the start-up sweep kept because there were too many to be a crash's leftovers.</summary>
    public int UnclaimedFiles => Volatile.Read(ref _unclaimed);

    /// <summary>The sweep kept <paramref name="files"/> unreferenced audio files.</summary>
    public void Unclaimed(int files) => Volatile.Write(ref _unclaimed, files);

    /// <summary>Rows without audio now.</summary>
    public int Count
    {
        get
        {
            lock (_ids)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>Starts over from the sweep's findings.</summary>
    public void Reset(IEnumerable<string> trackIds)
    {
        lock (_ids)
        {
            _ids.Clear();
            _ids.UnionWith(trackIds);
        }
    }

    /// <summary>The row of <paramref name="trackId"/> has no audio.</summary>
    public void Missing(string trackId)
    {
        lock (_ids)
        {
            _ids.Add(trackId);
        }
    }

    /// <summary>The row of <paramref name="trackId"/> has its audio again, or is gone.</summary>
    public void Resolved(string trackId)
    {
        lock (_ids)
        {
            _ids.Remove(trackId);
        }
    }
}
