using System.Diagnostics;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Notes.Midi;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;
using MusicEmotion.Server.Storage;

namespace MusicEmotion.Server.Uploads;

/// <summary>
/// Turns a staged upload into a stored track, all or nothing: the same content already stored → the existing track
/// (re-analysed, and its row replaced, when another model made that row or the same one before the melody block: <see cref="CurrentAnalysis.IsCurrent"/>);
/// otherwise a probe for the declared duration, one analysis slot of the upload's admission (bounded wait), the analysis
/// (with a timeout), then the audio renamed into place under its id and the catalog row added in one transaction. A
/// refusal is an <see cref="UploadRefusedException"/>; any failure removes what this upload stored; a crash between the
/// rename and the row leaves a file that the startup sweep removes. It knows nothing of HTTP: the endpoint receives the
/// upload (<c>Api/UploadReader</c>) and turns refusals into problems. When the model reads note kinds (the shipped
/// note-aware model does), the notes its analysis transcribed are kept as the track's MIDI file once the row is added,
/// so that <c>notes.mid</c> and the harmony of the track need no second transcription.
/// </summary>
internal sealed class TrackUploadService(
    TrackAudioStore audio,
    TrackLocks locks,
    TrackAnalyzer analyzer,
    ITrackCatalog catalog,
    IOptions<ServerOptions> options,
    AudioLoader loader,
    MissingAudio missing,
    ILogger<TrackUploadService> logger)
{
    /// <summary>Decoded audio shorter than the declared duration by more than this share (and <see cref="TruncationSeconds"/>) counts as truncated.</summary>
    private const double TruncationShare = 0.25;

    private const double TruncationSeconds = 2.0;

    /// <summary>Analyses and stores <paramref name="upload"/>, admitted by <paramref name="admission"/>.</summary>
    /// <exception cref="UploadRefusedException">The upload is refused (busy, not audio, undecodable, too long, truncated, analysis too slow).</exception>
    /// <exception cref="OperationCanceledException">The client went away; nothing was stored.</exception>
    public async Task<UploadOutcome> AddAsync(StagedUpload upload, WorkGate.Admission admission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(admission);
        long receiveMs = (long)upload.ReceiveTime.TotalMilliseconds;
        using IDisposable trackLock = await locks.AcquireAsync(upload.TrackId, cancellationToken).ConfigureAwait(false);
        TrackRecord? existing = await catalog.GetAsync(upload.TrackId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && analyzer.CurrentAnalysis.IsCurrent(existing))
        {
            if (!audio.Contains(existing.Id))
            {
                audio.Commit(upload); // the row had lost its audio: this upload restores it
                missing.Resolved(existing.Id);
            }

            ServerLog.TrackAlreadyPresent(logger, existing.Id, upload.Length, receiveMs);
            return new UploadOutcome(existing, Created: false);
        }

        AudioFileInfo declared = Probe(upload);
        long waitStarted = Stopwatch.GetTimestamp();
        TimeSpan maxWait = TimeSpan.FromSeconds(options.Value.MaxQueueWaitSeconds);
        using IDisposable slot = await admission.WaitForSlotAsync(maxWait, cancellationToken).ConfigureAwait(false)
            ?? throw new UploadRefusedException(UploadRefusal.Busy, $"No analysis slot freed within {maxWait.TotalSeconds:0} s.", upload.TrackId);
        long waitMs = ElapsedMs(waitStarted);

        long analysisStarted = Stopwatch.GetTimestamp();
        (TrackRecord track, NoteTranscription? notes) = await AnalyzeAsync(upload, cancellationToken).ConfigureAwait(false);
        long analysisMs = ElapsedMs(analysisStarted);
        CheckDecodedLength(upload, declared, track);

        long storeStarted = Stopwatch.GetTimestamp();
        if (existing is not null)
        {
            await ReplaceAsync(upload, track).ConfigureAwait(false);
            KeepNotes(track, notes);
            ServerLog.TrackReanalysed(logger, track.Id, existing.ModelName, existing.ModelVersion, track.ModelName, track.ModelVersion, analysisMs);
            return new UploadOutcome(track, Created: false);
        }

        await StoreAsync(upload, track).ConfigureAwait(false);
        KeepNotes(track, notes);
        ServerLog.TrackAdded(logger, track.Id, upload.Length, upload.Container, track.DurationSeconds, receiveMs, waitMs, analysisMs, ElapsedMs(storeStarted));
        return new UploadOutcome(track, Created: true);
    }

    /// <summary>The container's own account of the audio; refuses audio declared longer than the limit before any decoding.</summary>
    private AudioFileInfo Probe(StagedUpload upload)
    {
        AudioFileInfo info;
        try
        {
            info = loader.Probe(upload.Path);
        }
        catch (AudioException ex) when (ex is not AudioDecoderException)
        {
            throw Undecodable(upload, ex);
        }

        double max = options.Value.MaxDurationSeconds;
        if (info.Duration is { } duration && duration.TotalSeconds > max)
        {
            throw TooLong(upload, duration.TotalSeconds, max);
        }

        return info;
    }

    /// <summary>The track and, when the model read note kinds, the notes its analysis transcribed (with the track's tempo).</summary>
    private async Task<(TrackRecord Track, NoteTranscription? Notes)> AnalyzeAsync(StagedUpload upload, CancellationToken cancellationToken)
    {
        TimeSpan timeout = TimeSpan.FromSeconds(options.Value.AnalysisTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using NoteFeatureCapture capture = NoteFeatureCapture.Begin();
            TrackAnalysis analysis = await analyzer.AnalyzeAsync(upload.Path, upload.SourceName, upload.TrackId, limit.Token).ConfigureAwait(false);
            return (analysis.Track, capture.ToTranscription(analysis.Track.SourceName, analysis.Track.Descriptors.TempoBpm));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UploadRefusedException(UploadRefusal.AnalysisTimedOut,
                $"'{upload.SourceName}' was still being analysed after {timeout.TotalSeconds:0} s, the limit; nothing was stored.", upload.TrackId);
        }
        catch (AudioException ex) when (ex is not AudioDecoderException)
        {
            throw Undecodable(upload, ex);
        }
    }

    private void CheckDecodedLength(StagedUpload upload, AudioFileInfo declared, TrackRecord track)
    {
        double max = options.Value.MaxDurationSeconds;
        if (track.DurationSeconds > max + 1)
        {
            throw TooLong(upload, track.DurationSeconds, max);
        }

        if (options.Value.RejectTruncatedAudio && declared.Duration is { } duration)
        {
            double lost = duration.TotalSeconds - track.DurationSeconds;
            if (lost > TruncationSeconds && lost > TruncationShare * duration.TotalSeconds)
            {
                throw new UploadRefusedException(UploadRefusal.Truncated,
                    $"'{upload.SourceName}' declares {duration.TotalSeconds:0.0} s of audio but only {track.DurationSeconds:0.0} s could be decoded: "
                    + "the file is cut off (an interrupted download or copy?). Upload the complete file.", upload.TrackId);
            }
        }
    }

    /// <summary>Renames the audio into place, then adds the row; removes the audio again if the row cannot be added.</summary>
    private async Task StoreAsync(StagedUpload upload, TrackRecord track)
    {
        bool stored = audio.Commit(upload);
        try
        {
            // Not cancellable: once the audio is in place the row follows, or both go.
            await catalog.AddAsync(track, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            if (stored)
            {
                audio.Delete(track.Id);
            }

            throw;
        }
    }

    /// <summary>
    /// Replaces the row of a track that is not current (another model analysed it, e.g. before the shipped model changed, or it lacks the melody block) by this analysis:
    /// the audio is restored if the row had lost it, then the old row goes and the new one comes. A crash between the
    /// two leaves the audio without a row, which the startup sweep reports and a new upload of the same file restores.
    /// </summary>
    private async Task ReplaceAsync(StagedUpload upload, TrackRecord track)
    {
        if (audio.Commit(upload))
        {
            missing.Resolved(track.Id);
        }

        // Not cancellable: the analysis is done; the old row is replaced, or kept when the removal fails.
        await catalog.RemoveAsync(track.Id, CancellationToken.None).ConfigureAwait(false);
        await catalog.AddAsync(track, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps the notes the analysis transcribed as the track's MIDI file (written atomically, after the row: a track
    /// never has notes without a row). Not keeping them costs a transcription later, not the upload: a failure is logged.
    /// </summary>
    private void KeepNotes(TrackRecord track, NoteTranscription? notes)
    {
        if (notes is null)
        {
            return; // the model read no note kind: notes.mid transcribes on first request
        }

        try
        {
            NoteMidiFile.Save(notes, audio.NotesMidiPathOf(track.Id));
            ServerLog.NotesKeptFromAnalysis(logger, track.Id, notes.Notes.Count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ServerLog.NotesNotKept(logger, track.Id, ex.Message);
        }
    }

    /// <summary>
    /// The refusal for audio no decoder can read. A failing decoder itself (<see cref="AudioDecoderException"/>: ffmpeg
    /// missing or broken) is not the upload's fault and is never caught here: it reaches the host as an environment error.
    /// </summary>
    private static UploadRefusedException Undecodable(StagedUpload upload, AudioException ex)
    {
        // The problem text may quote the staged file's path (ffmpeg's messages do): show the client's name instead.
        string problem = ex.Problem.Replace(upload.Path, upload.SourceName, StringComparison.Ordinal);
        return ex is UnsupportedAudioFormatException
            ? new UploadRefusedException(UploadRefusal.NotAudio,
                $"'{upload.SourceName}' is not in an audio format the service can decode: {problem}", upload.TrackId, ex)
            : new UploadRefusedException(UploadRefusal.Undecodable,
                $"'{upload.SourceName}' looks like {upload.Container} but cannot be decoded: {problem}", upload.TrackId, ex);
    }

    private static UploadRefusedException TooLong(StagedUpload upload, double seconds, double max) =>
        new(UploadRefusal.TooLong, $"'{upload.SourceName}' is {seconds:0} s long; the limit is {max:0} s.", upload.TrackId);

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
