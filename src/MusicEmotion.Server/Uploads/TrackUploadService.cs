using System.Diagnostics;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Api;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Hosting;
using MusicEmotion.Server.Logging;
using MusicEmotion.Server.Storage;

namespace MusicEmotion.Server.Uploads;

/// <summary>
/// Turns an upload into a stored track, all or nothing: admission (503 when too many uploads are in progress), the body
/// streamed to a staged file and hashed, the same content already stored → the existing track; otherwise a probe for
/// the declared duration, one analysis slot (bounded wait), the analysis (with a timeout), then the audio renamed into
/// place under its id and the catalog row added in one transaction. Any failure removes what this upload stored; a
/// crash between the rename and the row leaves a file that the startup sweep removes.
/// </summary>
internal sealed class TrackUploadService(
    UploadReader reader,
    TrackAudioStore audio,
    TrackLocks locks,
    AnalysisGate gate,
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

    /// <summary>Receives, analyses and stores the upload in <paramref name="request"/>.</summary>
    /// <exception cref="ApiProblemException">The upload is refused (400, 413, 415, 422, 503).</exception>
    /// <exception cref="OperationCanceledException">The client went away; nothing was stored.</exception>
    public async Task<UploadOutcome> UploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? client = ClientKey.Of(request.HttpContext.Connection.RemoteIpAddress);
        using WorkGate.Admission admission = gate.TryAdmit(client, options.Value.EffectivePendingUploadsPerClient, out bool clientFull)
            ?? throw (clientFull ? TooManyFromClient(client) : Overloaded(bodyRead: false));
        string? trackId = null;
        try
        {
            long started = Stopwatch.GetTimestamp();
            using StagedUpload upload = await ReceiveAsync(request, cancellationToken).ConfigureAwait(false);
            trackId = upload.TrackId;
            long receiveMs = ElapsedMs(started);

            using IDisposable trackLock = await locks.AcquireAsync(upload.TrackId, cancellationToken).ConfigureAwait(false);
            if (await catalog.GetAsync(upload.TrackId, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                if (!audio.Contains(existing.Id))
                {
                    audio.Commit(upload); // the row had lost its audio: this upload restores it
                    missing.Resolved(existing.Id);
                }

                ServerLog.TrackAlreadyPresent(logger, existing.Id, upload.Length, receiveMs);
                return new UploadOutcome(existing, Created: false);
            }

            AudioFileInfo? declared = Probe(upload);
            long waitStarted = Stopwatch.GetTimestamp();
            using IDisposable slot = await admission.WaitForSlotAsync(TimeSpan.FromSeconds(options.Value.MaxQueueWaitSeconds), cancellationToken).ConfigureAwait(false)
                ?? throw Overloaded(bodyRead: true);
            long waitMs = ElapsedMs(waitStarted);

            long analysisStarted = Stopwatch.GetTimestamp();
            TrackRecord track = await AnalyzeAsync(upload, cancellationToken).ConfigureAwait(false);
            long analysisMs = ElapsedMs(analysisStarted);
            CheckDecodedLength(upload, declared, track);

            long storeStarted = Stopwatch.GetTimestamp();
            await StoreAsync(upload, track).ConfigureAwait(false);
            ServerLog.TrackAdded(logger, track.Id, upload.Length, upload.Container, track.DurationSeconds, receiveMs, waitMs, analysisMs, ElapsedMs(storeStarted));
            return new UploadOutcome(track, Created: true);
        }
        catch (ApiProblemException ex)
        {
            ServerLog.UploadRejected(logger, ex.Problem.Status, ex.Problem.Code, trackId, ex.Problem.Detail);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ServerLog.UploadAbandoned(logger, trackId);
            throw;
        }
        catch (Exception ex)
        {
            ServerLog.UploadFailed(logger, ex, trackId);
            throw;
        }
    }

    /// <summary>Receives the body within <see cref="ServerOptions.UploadReceiveTimeoutSeconds"/>: a client still sending at the deadline is cut with 408.</summary>
    private async Task<StagedUpload> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        TimeSpan deadline = TimeSpan.FromSeconds(options.Value.UploadReceiveTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline);
        try
        {
            return await reader.ReadAsync(request, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status408RequestTimeout, ProblemCode.UploadTimeout, "Upload took too long",
                $"The upload was still arriving after {deadline.TotalSeconds:0} s, the limit; nothing of it was kept. Send it again over a faster connection.")
            {
                CloseConnection = true,
            });
        }
    }

    private ApiProblemException TooManyFromClient(string? client)
    {
        int cap = options.Value.EffectivePendingUploadsPerClient;
        ServerLog.ClientAtCap(logger, client ?? "unknown", cap);
        return new ApiProblemException(new ApiProblem(StatusCodes.Status429TooManyRequests, ProblemCode.TooManyUploads, "Too many uploads from this client",
            $"This client already has {cap} uploads in progress, the most one client may have; send the next when one has finished (try again in {gate.RetryAfterSeconds} s).")
        {
            RetryAfterSeconds = gate.RetryAfterSeconds,
            CloseConnection = true, // the body was not read: close rather than drain it
        });
    }

    private ApiProblemException Overloaded(bool bodyRead)
    {
        ServerLog.Overloaded(logger, gate.Pending, gate.MaxPending);
        // Before the body is read (admission) the connection is closed rather than drained; after it, kept.
        return new ApiProblemException(ApiProblem.Overloaded("uploads", gate.RetryAfterSeconds) with { CloseConnection = !bodyRead });
    }

    /// <summary>The container's own account of the audio; refuses audio declared longer than the limit before any decoding.</summary>
    private AudioFileInfo? Probe(StagedUpload upload)
    {
        AudioFileInfo info;
        try
        {
            info = loader.Probe(upload.Path);
        }
        catch (AudioException ex)
        {
            throw new ApiProblemException(Undecodable(upload, ex));
        }

        double max = options.Value.MaxDurationSeconds;
        if (info.Duration is { } duration && duration.TotalSeconds > max)
        {
            throw new ApiProblemException(TooLong(upload, duration.TotalSeconds, max));
        }

        return info;
    }

    private async Task<TrackRecord> AnalyzeAsync(StagedUpload upload, CancellationToken cancellationToken)
    {
        TimeSpan timeout = TimeSpan.FromSeconds(options.Value.AnalysisTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            TrackAnalysis analysis = await analyzer.AnalyzeAsync(upload.Path, upload.SourceName, upload.TrackId, limit.Token).ConfigureAwait(false);
            return analysis.Track;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.AnalysisTimeout, "Analysis took too long",
                $"'{upload.SourceName}' was still being analysed after {timeout.TotalSeconds:0} s, the limit; nothing was stored.") { TrackId = upload.TrackId });
        }
        catch (AudioException ex)
        {
            throw new ApiProblemException(Undecodable(upload, ex));
        }
    }

    private void CheckDecodedLength(StagedUpload upload, AudioFileInfo? declared, TrackRecord track)
    {
        double max = options.Value.MaxDurationSeconds;
        if (track.DurationSeconds > max + 1)
        {
            throw new ApiProblemException(TooLong(upload, track.DurationSeconds, max));
        }

        if (options.Value.RejectTruncatedAudio && declared?.Duration is { } duration)
        {
            double missing = duration.TotalSeconds - track.DurationSeconds;
            if (missing > TruncationSeconds && missing > TruncationShare * duration.TotalSeconds)
            {
                throw new ApiProblemException(new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.Truncated, "Truncated audio",
                    $"'{upload.SourceName}' declares {duration.TotalSeconds:0.0} s of audio but only {track.DurationSeconds:0.0} s could be decoded: "
                    + "the file is cut off (an interrupted download or copy?). Upload the complete file.") { TrackId = upload.TrackId });
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

    private static ApiProblem Undecodable(StagedUpload upload, AudioException ex)
    {
        // The problem text may quote the staged file's path (ffmpeg's messages do): show the client's name instead.
        string problem = ex.Problem.Replace(upload.Path, upload.SourceName, StringComparison.Ordinal);
        return ex switch
        {
            UnsupportedAudioFormatException => new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCode.NotAudio, "Not audio",
                $"'{upload.SourceName}' is not in an audio format the service can decode: {problem}") { TrackId = upload.TrackId },
            AudioDecoderException => throw new InvalidOperationException($"The audio decoder failed on {upload.SourceName}: {problem}", ex),
            _ => new ApiProblem(StatusCodes.Status422UnprocessableEntity, ProblemCode.Undecodable, "Audio cannot be decoded",
                $"'{upload.SourceName}' looks like {upload.Container} but cannot be decoded: {problem}") { TrackId = upload.TrackId },
        };
    }

    private static ApiProblem TooLong(StagedUpload upload, double seconds, double max) =>
        new(StatusCodes.Status422UnprocessableEntity, ProblemCode.TooLong, "Audio too long",
            $"'{upload.SourceName}' is {seconds:0} s long; the limit is {max:0} s.") { TrackId = upload.TrackId };

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
