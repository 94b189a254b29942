using MusicEmotion.Recommend.Recommending;

namespace MusicEmotion.Server.Api;

/// <summary>
/// Answers an <see cref="ApiProblemException"/> thrown by an endpoint with its problem details, and a
/// <see cref="RecommendationException"/> with the problem <see cref="RecommendationProblems"/> makes of it (an unknown
/// track is the path's, 404, when the route names one with <c>{id}</c>, and the body's, 422, otherwise).
/// </summary>
internal sealed class ApiProblemFilter : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ApiProblemException ex)
        {
            return ex.Problem.ToResult(context.HttpContext);
        }
        catch (RecommendationException ex)
        {
            bool trackInPath = context.HttpContext.Request.RouteValues.ContainsKey("id");
            return RecommendationProblems.From(ex, trackInPath).ToResult(context.HttpContext);
        }
    }
}
