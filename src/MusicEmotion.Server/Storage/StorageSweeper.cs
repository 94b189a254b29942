using Microsoft.Extensions.Options;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Hosting;
using MusicEmotion.Server.Logging;

namespace MusicEmotion.Server.Storage;

/// <summary>
/// Restores the invariant "one stored file per catalog row, nothing else" when the service starts, before it accepts
/// requests: deletes uploads left in the staging folder and, unless turned off, stored audio that no row refers to
/// (a crash between storing the audio and adding the row) — but only as many as a crash can leave (one per upload in
/// progress, <see cref="ServerOptions.MaxPendingUploads"/>): more mean the folder is not this catalog's, and nothing is
/// deleted; counts rows whose audio is missing (<see cref="MissingAudio"/>, which /health reports) and logs them once,
/// summarised.
/// </summary>
internal sealed class StorageSweeper(StorageLayout layout, TrackAudioStore audio, ITrackCatalog catalog, MissingAudio inventory, IOptions<ServerOptions> options,
    ILogger<StorageSweeper> logger)
{
    /// <summary>What a sweep did.</summary>
    /// <param name="StagedFilesRemoved">Leftover uploads deleted from the staging folder.</param>
    /// <param name="OrphansRemoved">Stored audio files deleted because no row refers to them.</param>
    /// <param name="TracksWithoutAudio">Rows whose audio file is missing (kept; their audio answers 404).</param>
    public sealed record Result(int StagedFilesRemoved, int OrphansRemoved, int TracksWithoutAudio);

    /// <summary>Sweeps the storage.</summary>
    public async Task<Result> SweepAsync(CancellationToken cancellationToken)
    {
        int staged = 0;
        foreach (string file in Directory.EnumerateFiles(layout.StagingDirectory))
        {
            File.Delete(file);
            staged++;
        }

        var stored = new HashSet<string>(StringComparer.Ordinal);
        var unreferenced = new List<(string Id, string Path)>();
        foreach ((string id, string path) in audio.EnumerateStored().ToList())
        {
            stored.Add(id);
            if (!await catalog.ContainsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                unreferenced.Add((id, path));
            }
        }

        // A crash leaves at most one orphan per upload in progress. Many more mean the audio folder is not this catalog's
        // (another service's folder, a catalog pointed elsewhere): then nothing is deleted.
        int orphans = 0;
        if (unreferenced.Count > options.Value.MaxPendingUploads)
        {
            inventory.Unclaimed(unreferenced.Count);
            ServerLog.OrphansKept(logger, unreferenced.Count, layout.AudioDirectory, options.Value.MaxPendingUploads);
        }
        else if (options.Value.SweepOrphansOnStart)
        {
            foreach ((string id, _) in unreferenced)
            {
                audio.Delete(id); // with what was derived from it (its notes' MIDI file)
                stored.Remove(id);
                orphans++;
                ServerLog.OrphanRemoved(logger, id);
            }
        }

        var missing = new List<string>();
        await foreach (var track in catalog.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!stored.Contains(track.Id))
            {
                missing.Add(track.Id);
                ServerLog.AudioMissing(logger, track.Id);
            }
        }

        inventory.Reset(missing);
        if (missing.Count > 0)
        {
            ServerLog.TracksWithoutAudio(logger, missing.Count, layout.AudioDirectory, string.Join(", ", missing.Take(3)) + (missing.Count > 3 ? ", ..." : ""));
        }

        var result = new Result(staged, orphans, missing.Count);
        ServerLog.Swept(logger, staged, orphans, missing.Count, stored.Count);
        return result;
    }
}
