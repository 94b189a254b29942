using MusicEmotion.Inference.Models;

namespace MusicEmotion.Recommend.Tracks;

/// <summary>
/// What a stored track must be to count as analysed by a model, so that it is kept rather than analysed again: made by
/// that model (its name and version) and, when that model's analysis gives the melody block, holding one (a row the
/// same note-aware model stored before the block existed has none). The one rule by which <see cref="TrackImporter"/>
/// (<c>mer catalog add</c>), the service's upload endpoint and the PostgreSQL workers and queue (<c>mer worker</c>,
/// <c>mer catalog enqueue</c>) decide to re-analyse a stored row.
/// </summary>
/// <param name="ModelName">The model's name (<see cref="TrackAnalyzer.ModelName"/>).</param>
/// <param name="ModelVersion">The model's version (<see cref="TrackAnalyzer.ModelVersion"/>).</param>
/// <param name="GivesMelody">Whether the model's tracks have a melody block (<see cref="TrackAnalyzer.GivesMelody"/>).</param>
public sealed record CurrentAnalysis(string ModelName, string ModelVersion, bool GivesMelody)
{
    /// <summary>The rule for tracks <paramref name="model"/> analyses, with the feature kinds it carries (as a <see cref="TrackAnalyzer"/> over it would).</summary>
    public static CurrentAnalysis Of(IEmotionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new CurrentAnalysis(model.Card.Name, model.Card.Version, MelodyObserver.GivesMelody(model.Card.Features, model.FeatureKinds));
    }

    /// <summary>
    /// Whether <paramref name="stored"/> is as this model would make it now: same model name and version, and a melody
    /// block when the model gives one. False means: analyse the file again and replace the row.
    /// </summary>
    public bool IsCurrent(TrackRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.IsFromModel(ModelName, ModelVersion) && (stored.Blocks.Melody is not null || !GivesMelody);
    }
}
