using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Features;

namespace MusicEmotion.Notes.Kinds;

/// <summary>The note feature kinds as a service (<c>services.AddMusicEmotionNoteFeatures()</c>): the transcriber is resolved when a recipe first names one.</summary>
internal sealed class NoteFeatureKindProvider(IServiceProvider services) : IFeatureKindProvider
{
    public void AddKindsTo(FeatureKindRegistry registry) => registry.AddNoteFeatureKinds(services.GetRequiredService<NoteTranscriber>);
}
