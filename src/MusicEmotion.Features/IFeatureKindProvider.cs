namespace MusicEmotion.Features;

/// <summary>
/// Brings feature kinds into a host: a package computing features of its own (e.g. MusicEmotion.Notes with
/// <c>notes</c>, <c>harmony</c> and <c>melody</c>) registers an implementation as a service, and whatever builds
/// recipes from model cards (the emotion analyser's options) adds its kinds to its <see cref="FeatureKindRegistry"/>.
/// Registering kinds runs nothing: a kind costs only when a recipe names it.
/// </summary>
public interface IFeatureKindProvider
{
    /// <summary>Adds the provider's kinds to <paramref name="registry"/>, skipping names it already holds.</summary>
    void AddKindsTo(FeatureKindRegistry registry);
}
