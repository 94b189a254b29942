using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Features;
using MusicEmotion.Inference.Description;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Inference;

/// <summary>Registers MusicEmotion's analyser and its plug points with Microsoft.Extensions.DependencyInjection.</summary>
public static class MusicEmotionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="EmotionAnalyzer"/> (singleton), the <see cref="IEmotionModel"/> named by the options
    /// (default: the shipped model; loaded once, on first use), the <see cref="AudioLoader"/> every part of the host
    /// decodes with (the decoders added with <see cref="AddAudioDecoder{TDecoder}(IServiceCollection)"/> and
    /// <see cref="EmotionAnalyzerOptions.Decoders"/> first, then the built-in chain) and, unless one is already
    /// registered, the rule-based <see cref="IEmotionDescriber"/>. Configure with
    /// <c>services.AddMusicEmotion(o =&gt; o.VectorLength = 240)</c>.
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
        }).ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            EmotionAnalyzerOptions o = sp.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value;
            return AudioLoader.CreateDefault(o.Ffmpeg, [.. sp.GetServices<IAudioDecoder>(), .. o.Decoders]);
        });
        services.TryAddSingleton<IEmotionModel>(sp => EmotionAnalyzer.LoadModel(sp.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value));
        services.TryAddSingleton<IEmotionDescriber, RuleBasedEmotionDescriber>();
        services.TryAddSingleton(sp => new EmotionAnalyzer(
            sp.GetRequiredService<IEmotionModel>(),
            sp.GetRequiredService<AudioLoader>(),
            sp.GetRequiredService<IEmotionDescriber>(),
            sp.GetRequiredService<IOptions<EmotionAnalyzerOptions>>().Value,
            sp.GetService<ILogger<EmotionAnalyzer>>()));
        return services;
    }

    /// <summary>
    /// Adds a decoder (a singleton made by the container) that the analyser, the recommender's importer and the HTTP
    /// service ask before the built-in ones; decoders added this way are asked in the order they were added.
    /// </summary>
    public static IServiceCollection AddAudioDecoder<TDecoder>(this IServiceCollection services)
        where TDecoder : class, IAudioDecoder
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAudioDecoder, TDecoder>());
        return services;
    }

    /// <summary>Adds a decoder instance, asked before the built-in ones (see <see cref="AddAudioDecoder{TDecoder}(IServiceCollection)"/>).</summary>
    public static IServiceCollection AddAudioDecoder(this IServiceCollection services, IAudioDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decoder);
        services.AddSingleton(decoder);
        return services;
    }

    /// <summary>
    /// Registers a feature kind that model cards may name (<c>"features": {"kinds": ["logMel", "<paramref name="name"/>"]}</c>),
    /// computed by the extractor <paramref name="factory"/> makes for the card's settings. Its frames must follow the
    /// recipe's hop (see <see cref="FeatureKindRegistry.Add"/>).
    /// </summary>
    public static IServiceCollection AddFeatureKind(this IServiceCollection services, string name, Func<FeatureSettings, IFeatureExtractor> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.Configure<EmotionAnalyzerOptions>(o => o.FeatureKinds.Add(name, factory));
        return services;
    }
}
