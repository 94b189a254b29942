namespace MusicEmotion.Server.Api;

/// <summary>Answers an <see cref="ApiProblemException"/> thrown by an endpoint with its problem details.</summary>
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
    }
}
