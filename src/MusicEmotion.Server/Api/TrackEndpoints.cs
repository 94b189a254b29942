using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Logging;
using MusicEmotion.Server.OpenApi;
using MusicEmotion.Server.Storage;
using MusicEmotion.Server.Uploads;

namespace MusicEmotion.Server.Api;

/// <summary>The <c>/api/tracks</c> endpoints: upload, list, read (JSON, CSV, PNG, audio, notes as MIDI, key and chords), similar tracks, delete.</summary>
internal static class TrackEndpoints
{
    /// <summary>Default page size of the listing.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size of the listing.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapTrackEndpoints(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder tracks = app.MapGroup("/api/tracks").WithTags("Tracks").AddEndpointFilter<ApiProblemFilter>();

        tracks.MapPost("/", UploadAsync)
            .WithName(UploadFormOperationTransformer.OperationId)
            .WithSummary("Upload a song and analyse it")
            .WithDescription("multipart/form-data with the audio in the field 'file' (any common format; the content is sniffed, the file name and content type are ignored). "
                + "201 with the new track, or 200 with the existing track when the same bytes were uploaded before. Needs X-Api-Key when the service has a key.")
            .Produces<TrackResponse>(StatusCodes.Status201Created)
            .Produces<TrackResponse>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status408RequestTimeout,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity,
                StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .RequiresApiKey();

        tracks.MapGet("/", ListAsync)
            .WithName("ListTracks")
            .WithSummary("The library, a page at a time, in the order tracks were added")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        tracks.MapGet("/{id}", GetAsync)
            .WithName("GetTrack")
            .WithSummary("A track: per-second arousal and valence, statistics, description")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        tracks.MapGet("/{id}/audio-features", AudioFeaturesAsync)
            .WithName("GetTrackAudioFeatures")
            .WithSummary("The track's audio features in the shape of Spotify's audio-features object: tempo, key, mode, loudness, energy, valence, duration_ms (what is not measured is absent)")
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        tracks.MapGet("/{id}/timeline.csv", CsvAsync)
            .WithName("GetTrackTimelineCsv")
            .WithSummary("Per-second arousal and valence as CSV (second,arousal,valence)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        tracks.MapGet("/{id}/plot.png", PlotAsync)
            .WithName("GetTrackPlot")
            .WithSummary("The track's emotion plot as a 1200×900 PNG")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

        tracks.MapGet("/{id}/audio", AudioAsync)
            .WithName("GetTrackAudio")
            .WithSummary("The stored audio, as uploaded; supports range requests (206) so players can seek")
            .Produces(StatusCodes.Status200OK, contentType: "audio/mpeg")
            .Produces(StatusCodes.Status206PartialContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        tracks.MapGet("/{id}/notes.mid", NotesMidiAsync)
            .WithName("GetTrackNotesMidi")
            .WithSummary("The notes of the stored audio as a MIDI file (transcribed on first request, then kept); ETag, If-None-Match → 304")
            .Produces(StatusCodes.Status200OK, contentType: "audio/midi")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);

        tracks.MapGet("/{id}/harmony", HarmonyAsync)
            .WithName("GetTrackHarmony")
            .WithSummary("The key and the chords over time of the track's notes, from the transcription kept as notes.mid (made on first request when the upload's analysis did not make one); ETag, If-None-Match → 304")
            .Produces<TrackHarmonyResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);

        tracks.MapGet("/{id}/similar", SimilarAsync)
            .WithName("GetSimilarTracks")
            .WithSummary("Tracks most like this one, with explanations")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        tracks.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteTrack")
            .WithSummary("Removes a track: its catalog row and its audio. Needs X-Api-Key when the service has a key.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .RequiresApiKey();

        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, UploadEndpoint uploads, IOptions<EmotionAnalyzerOptions> analysis, CancellationToken cancellationToken)
    {
        UploadOutcome outcome;
        try
        {
            outcome = await uploads.HandleAsync(context.Request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Results.Empty; // the client is gone: there is no one to answer
        }

        TrackResponse body = TrackResponse.From(outcome.Track, analysis.Value.Summary);
        return outcome.Created ? TypedResults.Created(body.Links.Self, body) : TypedResults.Ok(body);
    }

    private static async Task<Ok<TrackListResponse>> ListAsync(ITrackCatalog catalog, string? offset, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryValues();
        int from = query.Integer(nameof(offset), offset, 0, int.MaxValue, 0), size = query.Integer(nameof(limit), limit, 1, MaxPageSize, DefaultPageSize);
        query.ThrowIfInvalid();

        TrackPage page = await catalog.ListAsync(from, size, cancellationToken);
        return TypedResults.Ok(new TrackListResponse(page.Items.Select(TrackListItem.From).ToArray(), page.Offset, size, page.Total, page.HasMore));
    }

    private static async Task<Ok<TrackResponse>> GetAsync(string id, ITrackCatalog catalog, IOptions<EmotionAnalyzerOptions> analysis, CancellationToken cancellationToken) =>
        TypedResults.Ok(TrackResponse.From(await FindAsync(catalog, id, cancellationToken), analysis.Value.Summary));

    private static async Task<IResult> AudioFeaturesAsync(string id, ITrackCatalog catalog, ITempoKeySource tempoKey, CancellationToken cancellationToken)
    {
        TrackRecord track = await FindAsync(catalog, id, cancellationToken);
        return TypedResults.Text(AudioFeatures.From(track, tempoKey).ToJson(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> CsvAsync(string id, ITrackCatalog catalog, CancellationToken cancellationToken)
    {
        TrackRecord track = await FindAsync(catalog, id, cancellationToken);
        return TypedResults.Text(track.Timeline.ToCsv(), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> PlotAsync(string id, HttpContext context, ITrackCatalog catalog, PlotService plots, CancellationToken cancellationToken)
    {
        string trackId = TrackIds.Parse(id);
        TrackRecord track = await FindAsync(catalog, trackId, cancellationToken);
        // Weak: two renders of the same track look the same but need not be byte-identical (the first render of a process differs slightly).
        var tag = new EntityTagHeaderValue($"\"plot-1-{track.Id[..16]}-{track.ModelVersion}\"", isWeak: true);
        context.Response.Headers.CacheControl = "private, max-age=86400";
        if (IsNotModified(context.Request, tag))
        {
            context.Response.Headers.ETag = tag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        byte[] png = await plots.RenderAsync(track, cancellationToken);
        return TypedResults.Bytes(png, "image/png", entityTag: tag);
    }

    private static async Task<IResult> AudioAsync(string id, ITrackCatalog catalog, TrackAudioStore audio, MissingAudio missing, CancellationToken cancellationToken)
    {
        TrackRecord track = await FindAsync(catalog, id, cancellationToken);
        var file = new FileInfo(audio.PathOf(track.Id));
        if (!file.Exists)
        {
            missing.Missing(track.Id);
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status404NotFound, ProblemCode.AudioNotFound, "Audio not stored",
                $"Track {track.Id} is in the catalog but its audio is not stored (it was added by another tool, or the file was removed).") { TrackId = track.Id });
        }

        return TypedResults.PhysicalFile(file.FullName, AudioContentTypes.Of(audio.ContainerOf(track.Id)), lastModified: file.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{track.Id}\""), enableRangeProcessing: true);
    }

    private static async Task<IResult> NotesMidiAsync(string id, ITrackCatalog catalog, TrackNotesService notes, CancellationToken cancellationToken)
    {
        TrackRecord track = await FindAsync(catalog, id, cancellationToken);
        string midi = await notes.MidiPathAsync(track, cancellationToken);
        var file = new FileInfo(midi);
        string name = Path.GetFileNameWithoutExtension(track.SourceName) is { Length: > 0 } stem ? stem + ".mid" : track.Id[..16] + ".mid";
        return TypedResults.PhysicalFile(file.FullName, "audio/midi", name, lastModified: file.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"notes-1-{track.Id[..16]}\""));
    }

    private static async Task<IResult> HarmonyAsync(string id, HttpContext context, ITrackCatalog catalog, TrackNotesService notes, CancellationToken cancellationToken)
    {
        TrackRecord track = await FindAsync(catalog, id, cancellationToken);
        // Derived from the kept notes.mid alone, whose tag is fixed: answer a revalidation without reading the notes again.
        string midi = await notes.MidiPathAsync(track, cancellationToken);
        var tag = new EntityTagHeaderValue($"\"harmony-1-{track.Id[..16]}\"");
        context.Response.Headers.ETag = tag.ToString();
        if (IsNotModified(context.Request, tag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok(TrackNotesService.Harmony(track, midi));
    }

    private static async Task<Ok<RecommendationResponse>> SimilarAsync(string id, Recommender recommender, string? k, string? similarity,
        CancellationToken cancellationToken)
    {
        string trackId = TrackIds.Parse(id);
        var query = new QueryValues();
        int count = query.Integer(nameof(k), k, 1, recommender.Options.MaxResults, 10);
        SimilarityKind kind = query.Similarity(nameof(similarity), similarity);
        query.ThrowIfInvalid();
        RecommendationResult result = await recommender.SimilarAsync(trackId, count, kind, cancellationToken); // a RecommendationException becomes a problem in ApiProblemFilter
        return TypedResults.Ok(RecommendationResponse.From(result));
    }

    private static async Task<NoContent> DeleteAsync(string id, ITrackCatalog catalog, TrackAudioStore audio, TrackLocks locks, MissingAudio missing,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        string trackId = TrackIds.Parse(id);
        using IDisposable trackLock = await locks.AcquireAsync(trackId, cancellationToken);
        bool rowRemoved = await catalog.RemoveAsync(trackId, CancellationToken.None);
        bool audioRemoved = audio.Delete(trackId);
        missing.Resolved(trackId);
        if (!rowRemoved && !audioRemoved)
        {
            throw new ApiProblemException(ApiProblem.TrackNotFound(trackId));
        }

        ServerLog.TrackDeleted(loggers.CreateLogger(typeof(TrackEndpoints).FullName!), trackId, rowRemoved, audioRemoved);
        return TypedResults.NoContent();
    }

    /// <summary>Whether the request's <c>If-None-Match</c> names <paramref name="tag"/> (weakly) or <c>*</c>: the client's copy is current.</summary>
    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue tag) =>
        request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Compare(tag, useStrongComparison: false) || m.Equals(EntityTagHeaderValue.Any));

    private static async Task<TrackRecord> FindAsync(ITrackCatalog catalog, string id, CancellationToken cancellationToken)
    {
        string trackId = TrackIds.Parse(id);
        return await catalog.GetAsync(trackId, cancellationToken) ?? throw new ApiProblemException(ApiProblem.TrackNotFound(trackId));
    }
}
