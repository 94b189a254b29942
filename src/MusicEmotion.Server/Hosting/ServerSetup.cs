using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Notes;
using MusicEmotion.Recommend;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Server.Api;
using MusicEmotion.Server.Concurrency;
using MusicEmotion.Server.Configuration;
using MusicEmotion.Server.Health;
using MusicEmotion.Server.Logging;
using MusicEmotion.Server.OpenApi;
using MusicEmotion.Server.Security;
using MusicEmotion.Server.Storage;
using MusicEmotion.Server.Uploads;

namespace MusicEmotion.Server.Hosting;

/// <summary>Composes the service: its services (<see cref="AddMusicEmotionServer"/>) and its pipeline and endpoints (<see cref="UseMusicEmotionServerAsync"/>).</summary>
internal static class ServerSetup
{
    /// <summary>Registers the analyser, the catalog, the recommender, the storage, the limits, OpenAPI, problem details and health checks.</summary>
    public static WebApplicationBuilder AddMusicEmotionServer(this WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        ConfigurationManager configuration = builder.Configuration;

        // The generic host logs a failed start ("Hosting failed to start") with the exception's stack trace; Program answers
        // it instead: one line on stderr for a refusal the operator can fix (StartupRefusal), the exception itself otherwise.
        // The service runs no background services, whose faults the same category would log.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // Validated once, by ServerOptionsValidator, when the host starts (and on first use, which UseMusicEmotionServerAsync makes).
        services.AddOptions<ServerOptions>()
            .Bind(configuration.GetSection(ServerOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<StorageLayout>();

        services.AddMusicEmotion();
        services.Configure<EmotionAnalyzerOptions>(configuration.GetSection($"{ServerOptions.Section}:Analyzer"));
        services.AddMusicEmotionNoteFeatures(); // the transcriber for notes.mid, and the note kinds the shipped note-aware model reads
        services.Configure<NoteTranscriptionOptions>(configuration.GetSection($"{ServerOptions.Section}:Notes"));
        services.AddMusicEmotionRecommendations();
        services.Configure<MusicEmotionRecommendOptions>(configuration.GetSection($"{ServerOptions.Section}:Recommendations"));
        services.AddSingleton<IPostConfigureOptions<MusicEmotionRecommendOptions>, CatalogPathFromLayout>();

        services.AddSingleton<TrackAudioStore>();
        services.AddSingleton<TrackLocks>();
        services.AddSingleton<UploadGate>();
        services.AddSingleton<PlotGate>();
        services.AddSingleton<UploadReader>();
        services.AddSingleton<TrackUploadService>();
        services.AddSingleton<UploadEndpoint>();
        services.AddSingleton<PlotService>();
        services.AddSingleton<TrackNotesService>();
        services.AddSingleton<StorageSweeper>();
        services.AddSingleton<MissingAudio>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<HostPolicy>();

        // Host names are checked by RequestGuards (answered as problem+json naming the setting), from the same AllowedHosts
        // setting; the framework's own filter lets every request through to it.
        services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblems.Complete);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // binding failures reach the problem writer with their reason
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ServiceDocumentTransformer>();
            o.AddOperationTransformer<ApiKeyOperationTransformer>();
            o.AddOperationTransformer<UploadFormOperationTransformer>();
            o.AddOperationTransformer<QueryParameterTransformer>();
            o.AddOperationTransformer<JsonBodyOperationTransformer>();
            o.AddDocumentTransformer<HeadOperationsRemover>();
        });
        services.AddHealthChecks()
            .AddCheck<CatalogHealthCheck>("catalog")
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<AnalysisHealthCheck>("analysis");
        return builder;
    }

    /// <summary>
    /// Prepares the storage (folders, lock, sweep), loads the model and indexes the catalog, then sets up the pipeline:
    /// problem details for every error, security headers, the page's static files, OpenAPI, health and the API.
    /// </summary>
    public static async Task<WebApplication> UseMusicEmotionServerAsync(this WebApplication app)
    {
        long started = Stopwatch.GetTimestamp();
        ServerOptions options = StartupRefusal.Guard(() => app.Services.GetRequiredService<IOptions<ServerOptions>>().Value);
        StorageLayout layout = app.Services.GetRequiredService<StorageLayout>();
        layout.Prepare();
        app.Lifetime.ApplicationStopped.Register(layout.Dispose);
        ITrackCatalog catalog = StartupRefusal.Guard(() => app.Services.GetRequiredService<ITrackCatalog>(), layout.CatalogPath);
        await app.Services.GetRequiredService<StorageSweeper>().SweepAsync(app.Lifetime.ApplicationStopping);
        TrackAnalyzer analyzer = StartupRefusal.Guard(() => app.Services.GetRequiredService<TrackAnalyzer>());
        await app.Services.GetRequiredService<Recommender>().RefreshAsync(app.Lifetime.ApplicationStopping);
        ServerLog.Ready(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MusicEmotion.Server"), layout.CatalogPath, await catalog.CountAsync(), layout.AudioDirectory,
            analyzer.ModelName, analyzer.ModelVersion, options.RequiresApiKey ? "need an API key" : "are open (no API key configured)",
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own refusals keep their status, the library's errors get theirs by kind, anything else is a 500.
            StatusCodeSelector = FrameworkProblems.StatusOf,
            // A client's malformed request or bad input is answered (400/413/422), not a fault of the service: no error log for it.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or MusicEmotionException { Kind: MusicEmotionErrorKind.Input },
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRequestGuards();
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });

        RouteGroupBuilder endpoints = app.MapGroup("").WithHeadForGets();
        endpoints.MapOpenApi();
        endpoints.MapHealthEndpoint();
        endpoints.MapGet("/api/server", ServerInfoAsync)
            .WithTags("Service")
            .WithName("GetServerInfo")
            .WithSummary("The model in use, the upload limits and whether writes need an API key");
        endpoints.MapTrackEndpoints();
        endpoints.MapRecommendationEndpoints();
        endpoints.MapJourneyEndpoints();
        return app;
    }

    private static async Task<Ok<ServerInfoResponse>> ServerInfoAsync(TrackAnalyzer analyzer, ITrackCatalog catalog, IOptions<ServerOptions> options,
        CancellationToken cancellationToken)
    {
        ServerOptions o = options.Value;
        return TypedResults.Ok(new ServerInfoResponse(analyzer.ModelName, analyzer.ModelVersion, o.RequiresApiKey, ApiKeyFilter.HeaderName,
            o.MaxUploadBytes, o.MaxDurationSeconds, await catalog.CountAsync(cancellationToken)));
    }

    /// <summary>Points the recommendation services' catalog at the service's catalog file.</summary>
    private sealed class CatalogPathFromLayout(StorageLayout layout) : IPostConfigureOptions<MusicEmotionRecommendOptions>
    {
        public void PostConfigure(string? name, MusicEmotionRecommendOptions options) => options.CatalogPath = layout.CatalogPath;
    }
}
