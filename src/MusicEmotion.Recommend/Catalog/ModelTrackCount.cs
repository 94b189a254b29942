namespace MusicEmotion.Recommend.Catalog;

/// <summary>How many tracks of a catalog one model version analysed.</summary>
/// <param name="ModelName">The model's name.</param>
/// <param name="ModelVersion">The model's version.</param>
/// <param name="Tracks">Tracks it analysed.</param>
public sealed record ModelTrackCount(string ModelName, string ModelVersion, int Tracks);
