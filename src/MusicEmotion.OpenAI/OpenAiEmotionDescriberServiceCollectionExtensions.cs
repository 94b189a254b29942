using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Description;

namespace MusicEmotion.OpenAI;

/// <summary>Registers the OpenAI-compatible chat describer with Microsoft.Extensions.DependencyInjection.</summary>
public static class OpenAiEmotionDescriberServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="OpenAiChatEmotionDescriber"/> the <see cref="IEmotionDescriber"/> (replacing the rule-based default
    /// that <c>AddMusicEmotion</c> registers), configured with <paramref name="configure"/> (endpoint, model, API key...).
    /// Call it before or after <c>AddMusicEmotion</c>. The options (<c>IOptions&lt;OpenAiDescriberOptions&gt;</c>) are
    /// validated when the host starts, as every MusicEmotion package's are.
    /// </summary>
    public static IServiceCollection AddOpenAiEmotionDescriber(this IServiceCollection services, Action<OpenAiDescriberOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddMusicEmotionOptions(configure, o => o.Validate());
        services.Replace(ServiceDescriptor.Singleton<IEmotionDescriber>(sp => new OpenAiChatEmotionDescriber(
            sp.GetRequiredService<IOptions<OpenAiDescriberOptions>>().Value,
            sp.GetService<ILogger<OpenAiChatEmotionDescriber>>())));
        return services;
    }
}
