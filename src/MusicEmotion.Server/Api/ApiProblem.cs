namespace MusicEmotion.Server.Api;

/// <summary>
/// An error answer (RFC 9457 problem details, <c>application/problem+json</c>): the HTTP status, a stable
/// machine-readable <see cref="Code"/> (listed in docs/server.md), a short title and a detail for people.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">Stable code, e.g. <c>not-audio</c>.</param>
/// <param name="Title">Short summary of the problem type.</param>
/// <param name="Detail">What went wrong with this request, and what to do.</param>
internal sealed record ApiProblem(int Status, string Code, string Title, string Detail)
{
    /// <summary>Seconds to wait before retrying (sent as Retry-After), for 503.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The track concerned, when there is one.</summary>
    public string? TrackId { get; init; }

    /// <summary>Each wrong field of the request (sent as <c>errors</c>), when the problem is about fields.</summary>
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// <summary>Whether the connection is closed after the answer (the request's body was not read, so nothing of it is drained).</summary>
    public bool CloseConnection { get; init; }

    /// <summary>The problem as a result; sets Retry-After when there is one.</summary>
    public IResult ToResult(HttpContext context)
    {
        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (CloseConnection)
        {
            context.Response.Headers.Connection = "close";
        }

        var extensions = new Dictionary<string, object?> { ["code"] = Code };
        if (TrackId is not null)
        {
            extensions["trackId"] = TrackId;
        }

        if (Errors.Count > 0)
        {
            extensions["errors"] = Errors.Select(e => e.ToJson()).ToArray();
        }

        return TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: extensions);
    }

    /// <summary>Allowed values of a track id, in words.</summary>
    public const string TrackIdAllowed = "a track id: 64 hexadecimal digits (the SHA-256 of the audio file)";

    /// <summary>400: the id in the path is not a track id.</summary>
    public static ApiProblem InvalidTrackId(string id) => new(StatusCodes.Status400BadRequest, ProblemCode.InvalidTrackId, "Not a track id",
        $"'{Shorten(id)}' is not a track id: ids are 64 hexadecimal digits (the SHA-256 of the audio file).")
    {
        Errors = [FieldError.Text("id", "path", id, TrackIdAllowed)],
    };

    /// <summary>404: no such track.</summary>
    public static ApiProblem TrackNotFound(string id) => new(StatusCodes.Status404NotFound, ProblemCode.TrackNotFound, "Track not found",
        $"No track {id} in the catalog.") { TrackId = id };

    /// <summary>400: a malformed request; <paramref name="errors"/> name the fields.</summary>
    public static ApiProblem InvalidRequest(string detail, params IReadOnlyList<FieldError> errors) =>
        new(StatusCodes.Status400BadRequest, ProblemCode.InvalidRequest, "Invalid request", detail) { Errors = errors };

    /// <summary>400 for <paramref name="errors"/>: the detail lists them in words.</summary>
    public static ApiProblem InvalidFields(IReadOnlyList<FieldError> errors) => InvalidRequest(
        errors.Count == 1 ? Describe(errors[0]) + "." : $"{errors.Count} fields are wrong: " + string.Join("; ", errors.Select(Describe)) + ".", errors);

    /// <summary>503: too much work in progress.</summary>
    public static ApiProblem Overloaded(string what, int retryAfterSeconds) => new(StatusCodes.Status503ServiceUnavailable, ProblemCode.Overloaded, "Server busy",
        $"The server is busy with other {what}; try again in {retryAfterSeconds} s.") { RetryAfterSeconds = retryAfterSeconds };

    private static string Describe(FieldError error) =>
        $"{error.Field} ({error.In}) is {(error.Value is null ? "missing" : Shorten(error.Value.ToJsonString()))}; allowed: {error.Allowed}";

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
