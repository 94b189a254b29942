using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Decoding;

namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary><c>services.AddMusicEmotionNotes(...)</c>.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public void The_transcriber_is_one_singleton_configured_by_the_options()
    {
        var services = new ServiceCollection();
        services.AddMusicEmotionNotes(o => { o.OnsetThreshold = 0.4; o.IncludePitchBends = false; });
        using ServiceProvider provider = services.BuildServiceProvider();

        NoteTranscriber transcriber = provider.GetRequiredService<NoteTranscriber>();

        provider.GetRequiredService<NoteTranscriber>().Should().BeSameAs(transcriber);
        transcriber.Options.OnsetThreshold.Should().Be(0.4);
        transcriber.Options.IncludePitchBends.Should().BeFalse();
        provider.GetService<AudioLoader>().Should().BeNull("the package registers no loader of its own for others to pick up");
    }

    [Fact]
    public void A_host_decoder_and_a_host_loader_are_used()
    {
        var decoder = new WavDecoder();
        var services = new ServiceCollection();
        services.AddSingleton<IAudioDecoder>(decoder);
        services.AddMusicEmotionNotes();
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<NoteTranscriber>().Loader.Decoders[0].Should().BeSameAs(decoder, "registered decoders are asked first");
        }

        var loader = new AudioLoader([new WavDecoder()]);
        var withLoader = new ServiceCollection().AddMusicEmotionNotes().AddSingleton(loader); // in either order
        using ServiceProvider second = withLoader.BuildServiceProvider();
        second.GetRequiredService<NoteTranscriber>().Loader.Should().BeSameAs(loader, "a host's loader (e.g. AddMusicEmotion's) is shared");

        var both = new ServiceCollection().AddMusicEmotionNotes();
        MusicEmotion.Inference.MusicEmotionServiceCollectionExtensions.AddMusicEmotion(both);
        using ServiceProvider third = both.BuildServiceProvider();
        third.GetRequiredService<NoteTranscriber>().Loader.Should().BeSameAs(third.GetRequiredService<AudioLoader>(), "with AddMusicEmotion, one loader serves both");
    }

    [Fact]
    public void Invalid_options_fail_when_the_host_starts_and_when_the_transcriber_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddMusicEmotionNotes(o => o.FrameThreshold = 1.5);
        using ServiceProvider provider = services.BuildServiceProvider();

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate()).Should().Throw<OptionsValidationException>()
            .WithMessage("*FrameThreshold*");
        FluentActions.Invoking(() => provider.GetRequiredService<NoteTranscriber>()).Should().Throw<OptionsValidationException>()
            .WithMessage("*FrameThreshold*");
    }

    [Fact]
    public void Options_are_checked_without_a_container_too()
    {
        FluentActions.Invoking(() => new NoteTranscriber(new NoteTranscriptionOptions { MinimumFrequencyHz = 5000 })).Should().Throw<ArgumentException>().WithMessage("No piano key*");
        FluentActions.Invoking(() => new NoteTranscriber(new NoteTranscriptionOptions { EnergyToleranceFrames = 0 })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NoteTranscriber(new NoteTranscriptionOptions { MaxBlockSeconds = 1 })).Should().Throw<ArgumentException>();
        new NoteTranscriptionOptions { MinimumFrequencyHz = 261.63, MaximumFrequencyHz = 261.63 }.Validate(); // exactly middle C
    }
}
