using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Storage;
using MusicEmotion.Server.Uploads;

namespace MusicEmotion.Server.Api;

/// <summary>
/// Streams the <c>file</c> part of a <c>multipart/form-data</c> upload into the staging folder under a name the
/// service chooses, hashing it (SHA-256, the track id) and counting its bytes as they arrive, and sniffs the first
/// bytes for a known audio container. The client's file name and content type are never trusted: the name is cleaned
/// for display only, the type ignored. Anything wrong ends in an <see cref="ApiProblemException"/> and leaves no file.
/// </summary>
internal sealed class UploadReader(TrackAudioStore audio, AudioLoader loader, IOptions<ServerOptions> options)
{
    /// <summary>The multipart field that carries the audio.</summary>
    public const string FieldName = "file";

    /// <summary>Room allowed beyond the file for the multipart framing and other small fields.</summary>
    private const long FramingAllowance = 64 * 1024;

    private const int MaxSections = 8;
    private const int SniffBytes = 4096;

    /// <summary>
    /// Reads the upload of <paramref name="request"/> into a staged file within
    /// <see cref="ServerOptions.UploadReceiveTimeoutSeconds"/>: a client still sending at the deadline is cut with 408.
    /// </summary>
    /// <exception cref="ApiProblemException">The request is not a usable upload (400, 408, 413, 415).</exception>
    public async Task<StagedUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        TimeSpan deadline = TimeSpan.FromSeconds(options.Value.UploadReceiveTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline);
        try
        {
            return await ReadBodyAsync(request, limit.Token).ConfigureAwait(false);
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

    private async Task<StagedUpload> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        long maxBytes = options.Value.MaxUploadBytes;
        if (request.ContentLength is { } declared && declared > maxBytes + FramingAllowance)
        {
            throw TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + FramingAllowance;
        }

        RequireMinimumRate(request.HttpContext);

        string boundary = Boundary(request);
        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        StagedUpload? upload = null;
        try
        {
            for (int sections = 0; ; sections++)
            {
                MultipartSection? section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false);
                if (section is null)
                {
                    break;
                }

                if (sections >= MaxSections)
                {
                    throw new ApiProblemException(new ApiProblem(StatusCodes.Status400BadRequest, ProblemCode.MultipartInvalid, "Malformed upload",
                        $"The form has more than {MaxSections} parts; send the audio alone in the field '{FieldName}'."));
                }

                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FieldName, StringComparison.Ordinal))
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (upload is not null)
                {
                    throw new ApiProblemException(new ApiProblem(StatusCodes.Status400BadRequest, ProblemCode.TooManyFiles, "One file per upload",
                        $"The form holds more than one '{FieldName}' part; upload one song per request.")
                    {
                        Errors = [FieldError.Text(FieldName, "form", "more than one file", "exactly one audio file")],
                    });
                }

                string name = UploadNames.Clean(FileNameOf(disposition));
                upload = await StageAsync(section.Body, name, maxBytes, started, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException ex)
        {
            upload?.Dispose();
            throw ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(maxBytes),
                StatusCodes.Status408RequestTimeout => TooSlow(),
                _ => new ApiProblemException(new ApiProblem(ex.StatusCode, ProblemCode.MultipartInvalid, "Malformed upload", $"The request body could not be read: {ex.Message}")),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            upload?.Dispose();
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status400BadRequest, ProblemCode.MultipartInvalid, "Malformed upload",
                $"The multipart body is malformed or incomplete: {ex.Message}"));
        }
        catch
        {
            upload?.Dispose();
            throw;
        }

        return upload ?? throw new ApiProblemException(new ApiProblem(StatusCodes.Status400BadRequest, ProblemCode.FileMissing, "No file",
            $"The form has no '{FieldName}' part; send the audio as multipart/form-data in the field '{FieldName}'.")
        {
            Errors = [FieldError.Text(FieldName, "form", null, "exactly one audio file")],
        });
    }

    private async Task<StagedUpload> StageAsync(Stream body, string name, long maxBytes, long started, CancellationToken cancellationToken)
    {
        string path = audio.NewStagingPath();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(81920);
        byte[] head = new byte[SniffBytes];
        int headLength = 0;
        long length = 0;
        bool kept = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                while (true)
                {
                    int read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    if (headLength < SniffBytes)
                    {
                        int take = Math.Min(read, SniffBytes - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                if (length == 0)
                {
                    throw new ApiProblemException(new ApiProblem(StatusCodes.Status400BadRequest, ProblemCode.FileEmpty, "Empty file",
                        $"'{name}' is empty (0 bytes).")
                    {
                        Errors = [FieldError.Text(FieldName, "form", $"{name}: 0 bytes", "an audio file of 1 byte or more")],
                    });
                }

                // A known container, or content that a decoder the host registered (AddAudioDecoder) claims.
                string container = AudioSignatures.Identify(head.AsSpan(0, headLength))
                    ?? (loader.CanDecode(head.AsSpan(0, headLength)) ? loader.SelectDecoder(head.AsSpan(0, headLength), name).Name : null)
                    ?? throw new ApiProblemException(new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCode.NotAudio, "Not audio",
                        $"'{name}' is not in an audio format the service recognises (its first bytes are {Convert.ToHexString(head, 0, Math.Min(8, headLength))}); "
                        + "send MP3, WAV, FLAC, Ogg/Opus, MP4/M4A/AAC, AIFF, WMA, Matroska/WebM or another common audio file."));

                // The bytes reach the disk before the file is renamed into place, so a stored track survives a power cut.
                file.Flush(flushToDisk: true);
                kept = true;
                return new StagedUpload(path, Convert.ToHexStringLower(hash.GetHashAndReset()), length, container, name, Stopwatch.GetElapsedTime(started));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!kept)
            {
                TryDelete(path);
            }
        }
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status415UnsupportedMediaType, ProblemCode.MultipartRequired, "Send a form",
                $"Upload the audio as multipart/form-data in the field '{FieldName}' (e.g. curl -F {FieldName}=@song.mp3 ...)."));
        }

        string boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        if (boundary.Length is 0 or > 70)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status400BadRequest, ProblemCode.MultipartInvalid, "Malformed upload",
                "The multipart/form-data content type has no valid boundary (1–70 characters)."));
        }

        return boundary;
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        string? star = disposition.FileNameStar.Value;
        return !string.IsNullOrEmpty(star) ? star : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
    }

    /// <summary>
    /// Has Kestrel cut the upload (408) when its body arrives slower than <see cref="ServerOptions.MinUploadBytesPerSecond"/>
    /// after the grace period (HTTP/1.1; other protocols rely on the upload's deadline).
    /// </summary>
    private void RequireMinimumRate(HttpContext context)
    {
        ServerOptions o = options.Value;
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is not { } rate)
        {
            return;
        }

        try
        {
            rate.MinDataRate = o.MinUploadBytesPerSecond > 0
                ? new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(o.MinUploadBytesPerSecond, TimeSpan.FromSeconds(o.UploadRateGraceSeconds))
                : null;
        }
        catch (NotSupportedException)
        {
            // HTTP/2 and HTTP/3 set the rate per connection only; the upload deadline still bounds the request.
        }
    }

    private ApiProblemException TooSlow() => new(new ApiProblem(StatusCodes.Status408RequestTimeout, ProblemCode.UploadTooSlow, "Upload too slow",
        $"The upload arrived slower than {options.Value.MinUploadBytesPerSecond:N0} bytes per second (after {options.Value.UploadRateGraceSeconds:0} s); nothing of it was kept. "
        + "Send it again over a faster connection.") { CloseConnection = true });

    private static ApiProblemException TooLarge(long maxBytes) => new(new ApiProblem(StatusCodes.Status413PayloadTooLarge, ProblemCode.FileTooLarge, "File too large",
        $"The upload is larger than the limit of {maxBytes:N0} bytes ({maxBytes / (1024.0 * 1024.0):0.#} MiB)."));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
