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
    /// <c>services.AddMusicEmotion(o =&gt; o.VectorLength = 240)</c> or bind
    /// <c>IOptions&lt;EmotionAnalyzerOptions&gt;</c> to configuration; the options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddMusicEmotion(this IServiceCollection services, Action<EmotionAnalyzerOptions>? configure = null)
    {
        services.AddMusicEmotionOptions(configure, o => o.Validate());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<EmotionAnalyzerOptions>, FeatureKindProviderSetup>());
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
    /// Registers the options of a MusicEmotion package the way every package does: <c>IOptions&lt;TOptions&gt;</c>,
    /// configured by <paramref name="configure"/> (and whatever else configures them, e.g. configuration binding), and
    /// checked by <paramref name="validate"/> when the host starts (<c>ValidateOnStart</c>) and on first use; an
    /// <see cref="ArgumentException"/> it throws becomes an <see cref="OptionsValidationException"/> with its message.
    /// </summary>
    /// <typeparam name="TOptions">The options class.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; null leaves them to other configuration.</param>
    /// <param name="validate">Throws <see cref="ArgumentException"/> for invalid options (typically the options' own <c>Validate()</c>).</param>
    public static OptionsBuilder<TOptions> AddMusicEmotionOptions<TOptions>(this IServiceCollection services, Action<TOptions>? configure, Action<TOptions> validate)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(validate);
        OptionsBuilder<TOptions> options = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<IValidateOptions<TOptions>>(new ThrowingOptionsValidator<TOptions>(validate));
        return options.ValidateOnStart();
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

    /// <summary>Adds the kinds of every registered <see cref="IFeatureKindProvider"/> (e.g. MusicEmotion.Notes') to the analyser's feature kinds.</summary>
    private sealed class FeatureKindProviderSetup(IEnumerable<IFeatureKindProvider> providers) : IConfigureOptions<EmotionAnalyzerOptions>
    {
        public void Configure(EmotionAnalyzerOptions options)
        {
            foreach (IFeatureKindProvider provider in providers)
            {
                provider.AddKindsTo(options.FeatureKinds);
            }
        }
    }
}
