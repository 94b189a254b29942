using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MusicEmotion.Server.Health;

/// <summary><c>GET /health</c>.</summary>
internal static class HealthEndpoint
{
    /// <summary>Maps <c>GET /health</c>: 200 when healthy or degraded, 503 when unhealthy.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (HealthCheckService health, HttpContext context, CancellationToken cancellationToken) =>
            {
                HealthReport report = await health.CheckHealthAsync(cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                return TypedResults.Json(HealthResponse.From(report), statusCode: report.Status == HealthStatus.Unhealthy
                    ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status200OK);
            })
            .WithTags("Service")
            .WithName("GetHealth")
            .WithSummary("Whether the catalog, the storage and the analysis work (503 when one does not)")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
