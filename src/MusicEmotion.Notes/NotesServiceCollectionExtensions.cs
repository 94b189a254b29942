using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Features;
using MusicEmotion.Notes.Kinds;

namespace MusicEmotion.Notes;

/// <summary>Registers the note transcriber with Microsoft.Extensions.DependencyInjection.</summary>
public static class NotesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="NoteTranscriber"/> (a singleton: one model session for the whole host, loaded on first use),
    /// configured with <paramref name="configure"/> (<c>services.AddMusicEmotionNotes(o =&gt; o.OnsetThreshold = 0.4)</c>).
    /// It decodes with the host's <see cref="AudioLoader"/> when one is registered (e.g. by <c>AddMusicEmotion</c>, in
    /// either order), so notes and emotions read files alike; otherwise with its own: the registered
    /// <see cref="IAudioDecoder"/>s first, then the built-in chain with the options' ffmpeg settings.
    /// The options are validated when the host starts (<c>ValidateOnStart</c>) and when the transcriber is first resolved (<see cref="OptionsValidationException"/>).
    /// </summary>
    public static IServiceCollection AddMusicEmotionNotes(this IServiceCollection services, Action<NoteTranscriptionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<NoteTranscriptionOptions> options = services.AddOptions<NoteTranscriptionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NoteTranscriptionOptions>, OptionsValidator>());
        options.ValidateOnStart(); // as every MusicEmotion package's options: a host with bad settings does not start
        services.TryAddSingleton(sp =>
        {
            NoteTranscriptionOptions o = sp.GetRequiredService<IOptions<NoteTranscriptionOptions>>().Value;
            AudioLoader loader = sp.GetService<AudioLoader>() ?? AudioLoader.CreateDefault(o.Ffmpeg, sp.GetServices<IAudioDecoder>());
            return new NoteTranscriber(o, loader, sp.GetService<ILogger<NoteTranscriber>>());
        });
        return services;
    }

    /// <summary>
    /// Adds the note transcriber (<see cref="AddMusicEmotionNotes"/>) and makes the note feature kinds <c>notes</c>,
    /// <c>harmony</c> and <c>melody</c> available to the emotion analyser (<c>AddMusicEmotion</c>, in either order), so
    /// that a model card may name them and an <c>IFeatureFrameObserver</c> sees their columns. With them registered, the
    /// analyser runs the shipped note-aware model (it reads <c>notes</c> and <c>harmony</c>; more accurate on popular
    /// music, about 50× real time) unless its options' <c>PreferNotesModel</c> is false or they name a model of yours.
    /// </summary>
    public static IServiceCollection AddMusicEmotionNoteFeatures(this IServiceCollection services, Action<NoteTranscriptionOptions>? configure = null)
    {
        services.AddMusicEmotionNotes(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeatureKindProvider, NoteFeatureKindProvider>());
        return services;
    }

    /// <summary>Turns <see cref="NoteTranscriptionOptions.Validate"/>'s verdict into the options pattern's.</summary>
    private sealed class OptionsValidator : IValidateOptions<NoteTranscriptionOptions>
    {
        public ValidateOptionsResult Validate(string? name, NoteTranscriptionOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
