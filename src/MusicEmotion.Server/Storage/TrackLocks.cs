namespace MusicEmotion.Server.Storage;

/// <summary>
/// One asynchronous lock per track id, so that an upload, a duplicate of it arriving at the same time and a deletion
/// of the same track never interleave (a duplicate waits for the first upload, then finds the track stored).
/// Entries exist only while someone holds or waits for them.
/// </summary>
internal sealed class TrackLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock of <paramref name="trackId"/>; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string trackId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(trackId, out entry!))
            {
                entry = new Entry();
                _entries[trackId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(trackId, entry);
            throw;
        }

        return new Releaser(this, trackId, entry);
    }

    /// <summary>Ids with a holder or waiter (for tests).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(string trackId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(trackId);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(TrackLocks owner, string trackId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(trackId, entry);
            }
        }
    }
}
