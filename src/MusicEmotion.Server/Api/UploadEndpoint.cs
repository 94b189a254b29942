using Microsoft.Extensions.Options;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Logging;
using MusicEmotion.Server.Storage;
using MusicEmotion.Server.Uploads;

namespace MusicEmotion.Server.Api;

/// <summary>
/// The HTTP side of an upload: admission before the body is read (503 when too many uploads are in progress, 429 when
/// this client has its share), the body received into a staged file (<see cref="UploadReader"/>), then the
/// <see cref="TrackUploadService"/>, whose refusals become problems (<see cref="UploadProblems"/>). Every refusal and
/// failure is logged once, here.
/// </summary>
internal sealed class UploadEndpoint(UploadGate gate, UploadReader reader, TrackUploadService uploads, IOptions<ServerOptions> options, ILogger<TrackUploadService> logger) // logs under the upload service's category, as it always has
{
    /// <summary>Receives, analyses and stores the upload in <paramref name="request"/>.</summary>
    /// <exception cref="ApiProblemException">The upload is refused (400, 408, 413, 415, 422, 429, 503).</exception>
    /// <exception cref="OperationCanceledException">The client went away; nothing was stored.</exception>
    public async Task<UploadOutcome> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? client = ClientKey.Of(request.HttpContext.Connection.RemoteIpAddress);
        using WorkGate.Admission admission = gate.TryAdmit(client, options.Value.EffectivePendingUploadsPerClient, out bool clientFull)
            ?? throw (clientFull ? TooManyFromClient(client) : Overloaded());
        string? trackId = null;
        try
        {
            using StagedUpload upload = await reader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            trackId = upload.TrackId;
            return await uploads.AddAsync(upload, admission, cancellationToken).ConfigureAwait(false);
        }
        catch (UploadRefusedException ex)
        {
            if (ex.Reason == UploadRefusal.Busy)
            {
                ServerLog.Overloaded(logger, gate.Pending, gate.MaxPending);
            }

            ApiProblem problem = UploadProblems.From(ex, gate.RetryAfterSeconds);
            ServerLog.UploadRejected(logger, problem.Status, problem.Code, trackId, problem.Detail);
            throw new ApiProblemException(problem);
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

    /// <summary>503 before the body is read: the connection is closed rather than drained.</summary>
    private ApiProblemException Overloaded()
    {
        ServerLog.Overloaded(logger, gate.Pending, gate.MaxPending);
        return new ApiProblemException(ApiProblem.Overloaded("uploads", gate.RetryAfterSeconds) with { CloseConnection = true });
    }
}
