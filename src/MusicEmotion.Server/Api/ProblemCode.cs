namespace MusicEmotion.Server.Api;

/// <summary>
/// Every <c>code</c> the service answers in a problem (RFC 9457), stable for clients to branch on. docs/server.md lists
/// each with its status and meaning (a test compares the two).
/// </summary>
internal static class ProblemCode
{
    /// <summary>400: the uploaded file is empty.</summary>
    public const string FileEmpty = "file-empty";

    /// <summary>400: the form has no <c>file</c> field.</summary>
    public const string FileMissing = "file-missing";

    /// <summary>400: the form has more than one <c>file</c> field.</summary>
    public const string TooManyFiles = "too-many-files";

    /// <summary>400: the multipart body is malformed or cut off.</summary>
    public const string MultipartInvalid = "multipart-invalid";

    /// <summary>400: the id in the path is not a track id.</summary>
    public const string InvalidTrackId = "invalid-track-id";

    /// <summary>400: a query parameter or body field is wrong (its <c>errors</c> name each).</summary>
    public const string InvalidRequest = "invalid-request";

    /// <summary>400: the Host header is not a name the service answers to (DNS rebinding, or a name to add to AllowedHosts).</summary>
    public const string HostNotAllowed = "host-not-allowed";

    /// <summary>401: a write without the API key.</summary>
    public const string ApiKeyMissing = "api-key-missing";

    /// <summary>401: a write with a wrong API key.</summary>
    public const string ApiKeyInvalid = "api-key-invalid";

    /// <summary>403: a write sent by a web page of another site.</summary>
    public const string CrossSite = "cross-site";

    /// <summary>404: no such track.</summary>
    public const string TrackNotFound = "track-not-found";

    /// <summary>404: the track's audio is not stored.</summary>
    public const string AudioNotFound = "audio-not-found";

    /// <summary>404: no such route.</summary>
    public const string NotFound = "not-found";

    /// <summary>405: the route does not take this method.</summary>
    public const string MethodNotAllowed = "method-not-allowed";

    /// <summary>408: the upload arrived slower than the minimum data rate.</summary>
    public const string UploadTooSlow = "upload-too-slow";

    /// <summary>408: the upload was still arriving at its deadline.</summary>
    public const string UploadTimeout = "upload-timeout";

    /// <summary>408: another request body arrived too slowly.</summary>
    public const string RequestTimeout = "request-timeout";

    /// <summary>409: a track was analysed by another model version.</summary>
    public const string StaleTrack = "stale-track";

    /// <summary>413: the upload exceeds the size limit.</summary>
    public const string FileTooLarge = "file-too-large";

    /// <summary>413: another request body exceeds the server's limit.</summary>
    public const string BodyTooLarge = "body-too-large";

    /// <summary>415: an upload that is not a multipart form.</summary>
    public const string MultipartRequired = "multipart-required";

    /// <summary>415: bytes that are no audio format the service recognises.</summary>
    public const string NotAudio = "not-audio";

    /// <summary>415: a recommendation request that is not JSON.</summary>
    public const string JsonRequired = "json-required";

    /// <summary>415: another body of a media type the endpoint does not take.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    /// <summary>422: recognised audio that cannot be decoded.</summary>
    public const string Undecodable = "undecodable";

    /// <summary>422: audio that decodes to much less than its container declares.</summary>
    public const string Truncated = "truncated";

    /// <summary>422: audio longer than the limit.</summary>
    public const string TooLong = "too-long";

    /// <summary>422: the analysis ran past its time limit.</summary>
    public const string AnalysisTimeout = "analysis-timeout";

    /// <summary>422: a recommendation request names a track that is not in the catalog.</summary>
    public const string UnknownTrack = "unknown-track";

    /// <summary>422: no track of the library can be planned into a journey (empty library, or the filters leave none).</summary>
    public const string NoEligibleTracks = "no-eligible-tracks";

    /// <summary>422: a liked, disliked or "similar to" track holds no music (silence, a steady sound): it has no mood to match.</summary>
    public const string NoMusic = "no-music";

    /// <summary>422: any other bad-input error of the library that no endpoint answered itself.</summary>
    public const string Unprocessable = "unprocessable";

    /// <summary>429: this client already has as many uploads in progress as one client may.</summary>
    public const string TooManyUploads = "too-many-uploads";

    /// <summary>500: a fault of the service.</summary>
    public const string InternalError = "internal-error";

    /// <summary>503: too much work in progress.</summary>
    public const string Overloaded = "overloaded";

    /// <summary>503: something the service needs (ffmpeg, the database) is unavailable.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Any other status the framework answers (the title says which).</summary>
    public const string Error = "error";
}
