using System.Collections.Concurrent;
using System.Text.Json;
using MusicEmotion.Audio;
using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Evaluation.Recommendation;

/// <summary>The candidate blocks of one track (<see cref="CandidateBlockObserver"/>), as cached beside the catalog.</summary>
/// <param name="Id">The track id.</param>
/// <param name="ModelName">The model whose analysis gave the frames.</param>
/// <param name="ModelVersion">Its version.</param>
/// <param name="Timbre">Log-mel band means and spreads, then MFCC 1–20 means and spreads.</param>
/// <param name="Notes">Means then spreads of the note feature columns of <paramref name="NoteKinds"/>.</param>
/// <param name="NoteKinds">The note feature kinds in <paramref name="Notes"/>.</param>
internal sealed record CandidateBlocks(string Id, string ModelName, string ModelVersion, float[] Timbre, float[] Notes, string[] NoteKinds)
{
    /// <summary>
    /// Means then spreads over the seconds of the <c>melody</c> columns (docs/notes.md): the track's own melody block
    /// (<see cref="Recommend.Vectors.VectorBlock.Melody"/>, from the analysis' transcription) when its model transcribes
    /// notes, else from a separate transcription (<see cref="AddMelodyAsync"/>); null until then.
    /// </summary>
    public float[]? Melody { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Analyses every track of the Emotify-layout <paramref name="folder"/> that <paramref name="cachePath"/> (a JSON-lines
    /// file; null: nothing cached) lacks for the analyser's model, adding its record to <paramref name="catalog"/> as
    /// <c>mer catalog add</c> would and its candidate blocks to the cache, in the same analysis.
    /// </summary>
    /// <returns>The candidate blocks of every track that could be analysed, by track id.</returns>
    public static async Task<IReadOnlyDictionary<string, CandidateBlocks>> CaptureAsync(string folder, TrackAnalyzer analyzer, ITrackCatalog catalog,
        string? cachePath, int concurrency, IProgress<TrackImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(catalog);
        var known = new ConcurrentDictionary<string, CandidateBlocks>(StringComparer.Ordinal);
        if (cachePath is not null && File.Exists(cachePath))
        {
            foreach (string line in await File.ReadAllLinesAsync(cachePath, cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrWhiteSpace(line) && JsonSerializer.Deserialize<CandidateBlocks>(line, Json) is { } blocks
                    && blocks.ModelName == analyzer.ModelName && blocks.ModelVersion == analyzer.ModelVersion)
                {
                    known[blocks.Id] = blocks;
                }
            }
        }

        IReadOnlyList<EmotifyTrack> tracks = EmotifyDataset.Load(folder);
        using var gate = new SemaphoreSlim(1, 1);
        int done = 0, failed = 0, present = 0;
        await Parallel.ForEachAsync(tracks, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (track, token) =>
        {
            string id = await TrackId.ComputeAsync(track.AudioPath, token).ConfigureAwait(false);
            if (known.ContainsKey(id))
            {
                Interlocked.Increment(ref present);
            }
            else
            {
                try
                {
                    var observer = new CandidateBlockObserver();
                    TrackAnalysis analysis = await analyzer.AnalyzeAsync(track.AudioPath, null, Task.FromResult(id), observer, token).ConfigureAwait(false);
                    if (!await catalog.ContainsAsync(id, token).ConfigureAwait(false))
                    {
                        await catalog.AddAsync(analysis.Track, token).ConfigureAwait(false);
                    }

                    var blocks = new CandidateBlocks(id, analyzer.ModelName, analyzer.ModelVersion, observer.Timbre, observer.Notes, [.. observer.NoteKindsSeen])
                    {
                        Melody = analysis.Track.Blocks.Melody?.ToArray(),
                    };
                    known[id] = blocks;
                    if (cachePath is not null)
                    {
                        await gate.WaitAsync(token).ConfigureAwait(false);
                        try
                        {
                            await File.AppendAllTextAsync(cachePath, JsonSerializer.Serialize(blocks, Json) + "\n", token).ConfigureAwait(false);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }
                }
                catch (AudioException)
                {
                    Interlocked.Increment(ref failed); // the benchmark's own import reports it
                }
            }

            int n = Interlocked.Increment(ref done);
            progress?.Report(new TrackImportProgress(n, n - Volatile.Read(ref present) - Volatile.Read(ref failed), Volatile.Read(ref present), Volatile.Read(ref failed), tracks.Count, track.AudioPath));
        }).ConfigureAwait(false);
        return known;
    }

    /// <summary>
    /// Adds the melody block to every track of <paramref name="folder"/> in <paramref name="blocks"/> that lacks one (its
    /// model does not transcribe notes, or its blocks were cached before the melody block existed): the file is
    /// transcribed with <paramref name="transcriber"/> and the updated line appended to <paramref name="cachePath"/> (a
    /// later line of an id wins).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, CandidateBlocks>> AddMelodyAsync(string folder, IReadOnlyDictionary<string, CandidateBlocks> blocks,
        NoteTranscriber transcriber, string? cachePath, int concurrency, IProgress<TrackImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(transcriber);
        var result = new ConcurrentDictionary<string, CandidateBlocks>(blocks, StringComparer.Ordinal);
        IReadOnlyList<EmotifyTrack> tracks = EmotifyDataset.Load(folder);
        using var gate = new SemaphoreSlim(1, 1);
        int done = 0, present = 0, failed = 0;
        await Parallel.ForEachAsync(tracks, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (track, token) =>
        {
            string id = await TrackId.ComputeAsync(track.AudioPath, token).ConfigureAwait(false);
            if (!result.TryGetValue(id, out CandidateBlocks? known) || known.Melody is not null)
            {
                Interlocked.Increment(ref present);
            }
            else
            {
                try
                {
                    NoteTranscription transcription = await transcriber.TranscribeAsync(track.AudioPath, token).ConfigureAwait(false);
                    NoteFeatures features = NoteFeatureAnalyzer.Analyze(transcription);
                    CandidateBlocks updated = known with { Melody = MelodyBlock(features) };
                    result[id] = updated;
                    if (cachePath is not null)
                    {
                        await gate.WaitAsync(token).ConfigureAwait(false);
                        try
                        {
                            await File.AppendAllTextAsync(cachePath, JsonSerializer.Serialize(updated, Json) + "\n", token).ConfigureAwait(false);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }
                }
                catch (Exception ex) when (ex is AudioException or NoteTranscriptionException)
                {
                    Interlocked.Increment(ref failed);
                }
            }

            int n = Interlocked.Increment(ref done);
            progress?.Report(new TrackImportProgress(n, n - Volatile.Read(ref present) - Volatile.Read(ref failed), Volatile.Read(ref present), Volatile.Read(ref failed), tracks.Count, track.AudioPath));
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>The melody block of <paramref name="features"/>: <see cref="TrackVectorBlocks.MelodyOf"/> over their per-second melody columns.</summary>
    internal static float[] MelodyBlock(NoteFeatures features) =>
        TrackVectorBlocks.MelodyOf(NoteFeatureColumns.ToMatrix(features, [NoteFeatureColumns.MelodyKind]));
}
