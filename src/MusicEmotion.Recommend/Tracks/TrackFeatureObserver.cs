using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// Computes a track's <see cref="TrackDescriptors"/> during its emotion analysis. When the model's recipe already
/// holds the descriptor columns and a decibel log-mel (the shipped model's does), the descriptors are summarised from
/// those frames: no second spectrum. Otherwise the descriptors are computed from the analysed samples themselves (still
/// one decode, but a second feature pass).
/// </summary>
internal sealed class TrackFeatureObserver : IFeatureFrameObserver
{
    private TrackDescriptorAccumulator? _accumulator;
    private TrackDescriptorExtractor? _extractor;
    private int _descriptorOffset;
    private int _logMelOffset;
    private int _melBands;
    private TrackDescriptors? _result;

    /// <summary>Whether the descriptors came from the model's own frames (no second feature pass).</summary>
    public bool ReusedModelFrames => _accumulator is not null;

    /// <summary>The descriptors, once the analysis has completed.</summary>
    /// <exception cref="InvalidOperationException">The analysis has not completed.</exception>
    public TrackDescriptors Result => _result ?? throw new InvalidOperationException("The analysis has not completed: no track descriptors yet.");

    public void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout)
    {
        int descriptors = layout.OffsetOf(FeatureKindRegistry.NameOf(FeatureKind.Descriptors));
        int logMel = recipe.Settings.LogScale == LogScaleKind.Decibels ? layout.OffsetOf(FeatureKindRegistry.NameOf(FeatureKind.LogMel)) : -1;
        if (descriptors >= 0 && logMel >= 0 && recipe.Settings.MelBands > TrackDescriptors.MfccCount)
        {
            _accumulator = new TrackDescriptorAccumulator(recipe.Settings);
            _descriptorOffset = descriptors;
            _logMelOffset = logMel;
            _melBands = recipe.Settings.MelBands;
        }
        else
        {
            _extractor = new TrackDescriptorExtractor(recipe.Settings with { MelBands = Math.Max(recipe.Settings.MelBands, 64) });
        }
    }

    public void OnSamples(ReadOnlySpan<float> samples) => _extractor?.Push(samples);

    public void OnFrame(long frameIndex, ReadOnlySpan<float> row) =>
        _accumulator?.Add(row.Slice(_descriptorOffset, DescriptorExtractor.ColumnNames.Count), row.Slice(_logMelOffset, _melBands));

    public void OnComplete(long totalSamples) => _result = _accumulator?.Complete() ?? _extractor!.Complete();
}
