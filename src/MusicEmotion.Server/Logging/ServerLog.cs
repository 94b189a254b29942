namespace MusicEmotion.Server.Logging;

/// <summary>The service's structured log messages (source-generated; every one names its fields).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Track {TrackId} added: {Bytes} bytes {Container}, {DurationSeconds:0.0} s of audio; received in {ReceiveMs} ms, waited {WaitMs} ms, analysed in {AnalysisMs} ms, stored in {StoreMs} ms")]
    public static partial void TrackAdded(ILogger logger, string trackId, long bytes, string container, double durationSeconds, long receiveMs, long waitMs, long analysisMs, long storeMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Track {TrackId} uploaded again ({Bytes} bytes, received in {ReceiveMs} ms): already in the catalog")]
    public static partial void TrackAlreadyPresent(ILogger logger, string trackId, long bytes, long receiveMs);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information,
        Message = "Track {TrackId} uploaded again and re-analysed: its row was made by {OldModel} {OldVersion}, now by {Model} {Version} (analysis {AnalysisMs} ms)")]
    public static partial void TrackReanalysed(ILogger logger, string trackId, string oldModel, string oldVersion, string model, string version, long analysisMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Upload rejected with {Status} {Code} (track {TrackId}): {Detail}")]
    public static partial void UploadRejected(ILogger logger, int status, string code, string? trackId, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Track {TrackId} deleted (row {RowRemoved}, audio {AudioRemoved})")]
    public static partial void TrackDeleted(ILogger logger, string trackId, bool rowRemoved, bool audioRemoved);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Upload of track {TrackId} abandoned: the client disconnected")]
    public static partial void UploadAbandoned(ILogger logger, string? trackId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Upload of track {TrackId} failed; nothing was stored")]
    public static partial void UploadFailed(ILogger logger, Exception exception, string? trackId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Overloaded: upload refused with 503 ({Pending} uploads pending, limit {Limit})")]
    public static partial void Overloaded(ILogger logger, int pending, int limit);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Upload refused with 429: client {Client} already has {Limit} uploads in progress, the most one client may have")]
    public static partial void ClientAtCap(ILogger logger, string client, int limit);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Removed stored audio {TrackId}: no catalog row refers to it (left by an interrupted upload)")]
    public static partial void OrphanRemoved(ILogger logger, string trackId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "Track {TrackId} is in the catalog but its audio file is missing; its audio answers 404")]
    public static partial void AudioMissing(ILogger logger, string trackId);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning,
        Message = "{Count} audio files in {AudioDirectory} have no catalog row, more than a crash can leave ({MaxPending}, one per upload in progress); "
            + "none was deleted. Is this the audio folder of another catalog? Check MusicEmotion:AudioDirectory and MusicEmotion:CatalogPath")]
    public static partial void OrphansKept(ILogger logger, int count, string audioDirectory, int maxPending);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "{Count} tracks in the catalog have no audio in {AudioDirectory} (e.g. {Examples}); their audio answers 404 and /health says Degraded. "
            + "If the audio lives elsewhere, point MusicEmotion:AudioDirectory there; otherwise upload those songs again")]
    public static partial void TracksWithoutAudio(ILogger logger, int count, string audioDirectory, string examples);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information,
        Message = "Storage checked: {StagedRemoved} staged uploads and {OrphansRemoved} orphan audio files removed, {TracksWithoutAudio} tracks without audio, {Stored} audio files")]
    public static partial void Swept(ILogger logger, int stagedRemoved, int orphansRemoved, int tracksWithoutAudio, int stored);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information,
        Message = "MusicEmotion service ready: catalog {CatalogPath} ({Tracks} tracks), audio in {AudioDirectory}, model {ModelName} {ModelVersion}, writes {WriteAccess}; ready in {StartMs} ms")]
    public static partial void Ready(ILogger logger, string catalogPath, int tracks, string audioDirectory, string modelName, string modelVersion, string writeAccess, long startMs);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Recommendations for {Liked} liked and {Disliked} disliked tracks: {Count} of {Searched} tracks in {ElapsedMs} ms")]
    public static partial void Recommended(ILogger logger, int liked, int disliked, int count, int searched, long elapsedMs);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Journey of {Songs} songs planned from {Eligible} tracks in {ElapsedMs} ms")]
    public static partial void JourneyPlanned(ILogger logger, int songs, int eligible, long elapsedMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Plot of track {TrackId} rendered in {ElapsedMs} ms")]
    public static partial void PlotRendered(ILogger logger, string trackId, long elapsedMs);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Notes of track {TrackId} transcribed: {Notes} notes in {ElapsedMs} ms")]
    public static partial void NotesTranscribed(ILogger logger, string trackId, int notes, long elapsedMs);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information, Message = "Notes of track {TrackId} kept from its analysis: {Notes} notes")]
    public static partial void NotesKeptFromAnalysis(ILogger logger, string trackId, int notes);

    [LoggerMessage(EventId = 25, Level = LogLevel.Warning, Message = "Notes of track {TrackId} from its analysis could not be kept ({Reason}); they will be transcribed when first asked for")]
    public static partial void NotesNotKept(ILogger logger, string trackId, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Write refused: {Reason} API key from {RemoteAddress}")]
    public static partial void ApiKeyRefused(ILogger logger, string reason, string? remoteAddress);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Request refused with 400: Host {Host} is not a name of this service (from {RemoteAddress})")]
    public static partial void HostRefused(ILogger logger, string host, string? remoteAddress);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning,
        Message = "Cross-site write refused with 403: {Method} {Path} with Origin {Origin} and Sec-Fetch-Site {FetchSite} (from {RemoteAddress})")]
    public static partial void CrossSiteRefused(ILogger logger, string method, string path, string? origin, string? fetchSite, string? remoteAddress);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "Accepting requests for the Host names {Hosts} ({Reason})")]
    public static partial void HostsAccepted(ILogger logger, string hosts, string reason);
}
