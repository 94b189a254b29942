using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MusicEmotion.Inference.Description;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Inference;

/// <summary>Registers MusicEmotion's analyser with Microsoft.Extensions.DependencyInjection.</summary>
public static class MusicEmotionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EmotionAnalyzer"/> (singleton), the <see cref="IEmotionModel"/> named by the options
    /// (default: the shipped model; loaded once, on first use) and, unless one is already registered, the
    /// rule-based <see cref="IEmotionDescriber"/>. Configure with <c>services.AddMusicEmotion(o =&gt; o.VectorLength = 240)</c>.
    /// </summary>
    public static IServiceCollection AddMusicEmotion(this IServiceCollection services, Action<EmotionAnalyzerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<EmotionAnalyzerOptions> options = services.AddOptions<EmotionAnalyzerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton<IEmotionModel>(sp => EmotionAnalyzer.LoadModel(sp.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value));
        services.TryAddSingleton<IEmotionDescriber, RuleBasedEmotionDescriber>();
        services.TryAddSingleton(sp => new EmotionAnalyzer(
            sp.GetRequiredService<IEmotionModel>(),
            sp.GetRequiredService<IEmotionDescriber>(),
            sp.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value,
            sp.GetService<ILogger<EmotionAnalyzer>>()));
        return services;
    }
}
