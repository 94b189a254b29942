using MusicEmotion.Features;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>Hands every call on to two observers, the first first.</summary>
internal sealed class FeatureFrameObservers(IFeatureFrameObserver first, IFeatureFrameObserver second) : IFeatureFrameObserver
{
    public IReadOnlyList<string> AdditionalKinds(FeatureRecipe recipe, FeatureKindRegistry kinds) =>
        [.. first.AdditionalKinds(recipe, kinds).Concat(second.AdditionalKinds(recipe, kinds)).Distinct(StringComparer.OrdinalIgnoreCase)];

    public void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout)
    {
        first.OnStart(recipe, layout);
        second.OnStart(recipe, layout);
    }

    public void OnSamples(ReadOnlySpan<float> samples)
    {
        first.OnSamples(samples);
        second.OnSamples(samples);
    }

    public void OnFrame(long frameIndex, ReadOnlySpan<float> row)
    {
        first.OnFrame(frameIndex, row);
        second.OnFrame(frameIndex, row);
    }

    public void OnComplete(long totalSamples)
    {
        first.OnComplete(totalSamples);
        second.OnComplete(totalSamples);
    }
}
