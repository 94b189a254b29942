using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MusicEmotion.Audio;
using MusicEmotion.Recommend.Catalog;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Adds audio files to a catalog: hashes each file, skips it without decoding when its id is already there as analysed
/// by the current model (so an interrupted import resumes where it stopped), re-analyses it when another model (e.g. an
/// earlier shipped model) made the stored row, otherwise analyses it and adds it in one transaction. A file that
/// cannot be read or decoded is reported and never stops a batch; a catalog that cannot be written does.
/// </summary>
public sealed class TrackImporter
{
    private readonly TrackAnalyzer _analyzer;
    private readonly ITrackCatalog _catalog;

    /// <summary>Creates an importer (neither argument is disposed by it).</summary>
    public TrackImporter(TrackAnalyzer analyzer, ITrackCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(catalog);
        _analyzer = analyzer;
        _catalog = catalog;
    }

    /// <summary>
    /// Imports one file: hashes it first and, when the catalog already holds that id as analysed by the current model,
    /// returns without decoding it (an interrupted import resumes at the cost of reading each finished file once). A row
    /// made by another model, or by the current one before the melody block existed (none stored while the analyser
    /// gives one; <see cref="CurrentAnalysis.IsCurrent"/>), is re-analysed and replaced (<see cref="TrackImportStatus.Reanalysed"/>): the new analysis
    /// is complete before the old row is removed, so a failure to decode leaves the old row in place. Otherwise the
    /// file is analysed and added.
    /// </summary>
    /// <param name="path">The audio file.</param>
    /// <param name="sourceName">The name to record (default: <paramref name="path"/>).</param>
    /// <param name="cancellationToken">Cancels the import (nothing partial is stored).</param>
    /// <exception cref="AudioException">The file cannot be read or decoded.</exception>
    /// <exception cref="CatalogException">The catalog cannot be written.</exception>
    public async Task<TrackImportResult> ImportAsync(string path, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        string id = await TrackId.ComputeAsync(path, cancellationToken).ConfigureAwait(false);
        TrackRecord? stored = await _catalog.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is not null && _analyzer.CurrentAnalysis.IsCurrent(stored))
        {
            return new TrackImportResult(0, path, TrackImportStatus.AlreadyPresent, id, null, null, null);
        }

        TrackAnalysis analysis = await _analyzer.AnalyzeAsync(path, sourceName, id, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            // Made by another model, or by this one before the melody block existed: replace the row. A crash between the two calls leaves the file out of the
            // catalog, and running the same import again adds it back.
            await _catalog.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
            bool replaced = await _catalog.AddAsync(analysis.Track, cancellationToken).ConfigureAwait(false);
            return new TrackImportResult(0, path, replaced ? TrackImportStatus.Reanalysed : TrackImportStatus.AlreadyPresent, id, replaced ? analysis.Track : null, null, null);
        }

        bool added = await _catalog.AddAsync(analysis.Track, cancellationToken).ConfigureAwait(false);
        return new TrackImportResult(0, path, added ? TrackImportStatus.Added : TrackImportStatus.AlreadyPresent, id, added ? analysis.Track : null, null, null);
    }

    /// <summary>
    /// Imports many files, <paramref name="concurrency"/> at a time, yielding each outcome as it completes (not in input
    /// order; <see cref="TrackImportResult.Index"/> gives the position).
    /// </summary>
    /// <exception cref="CatalogException">The catalog cannot be written (raised while enumerating).</exception>
    public async IAsyncEnumerable<TrackImportResult> ImportManyAsync(IEnumerable<string> paths, int concurrency, IProgress<TrackImportProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        string[] files = paths.ToArray();
        var channel = Channel.CreateUnbounded<TrackImportResult>(new UnboundedChannelOptions { SingleReader = true });
        int completed = 0, added = 0, present = 0, failed = 0;
        Task producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, files.Length),
                    new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                    async (i, token) =>
                    {
                        TrackImportResult result;
                        try
                        {
                            result = await ImportAsync(files[i], null, token).ConfigureAwait(false) with { Index = i };
                        }
                        catch (AudioException ex)
                        {
                            result = new TrackImportResult(i, files[i], TrackImportStatus.Failed, null, null, ex.Message, ex.GetType().Name);
                        }

                        _ = result.Status switch
                        {
                            TrackImportStatus.Added or TrackImportStatus.Reanalysed => Interlocked.Increment(ref added),
                            TrackImportStatus.AlreadyPresent => Interlocked.Increment(ref present),
                            _ => Interlocked.Increment(ref failed),
                        };
                        int done = Interlocked.Increment(ref completed);
                        progress?.Report(new TrackImportProgress(done, Volatile.Read(ref added), Volatile.Read(ref present), Volatile.Read(ref failed), files.Length, files[i]));
                        await channel.Writer.WriteAsync(result, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }, CancellationToken.None);

        await foreach (TrackImportResult result in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return result;
        }

        await channel.Reader.Completion.ConfigureAwait(false);
        await producer.ConfigureAwait(false);
    }
}
