using System.Data.Common;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// One track as a catalog stores it: fifteen flat values in the order of <see cref="Columns"/>. The one mapping between
/// <see cref="TrackRecord"/> and storage, and the one validation, shared by the SQLite, PostgreSQL and in-memory
/// catalogs; a host's own catalog can use it too. Going in, <see cref="From"/> refuses an invalid record; coming out,
/// <see cref="ToRecord"/> refuses a damaged row; both with a <see cref="CatalogException"/> naming the catalog.
/// </summary>
public sealed record TrackRow
{
    /// <summary>The column names, in the order of the values (and of <see cref="Read"/>).</summary>
    public const string Columns =
        "id, source_name, duration_seconds, model_name, model_version, added_utc, arousal, valence, descriptors, key_tonic, key_minor, key_strength, emotion_statistics, emotion_arc, description";

    /// <summary>The track's id (SHA-256 of its audio bytes).</summary>
    public required string Id { get; init; }

    /// <summary>The name it was added under.</summary>
    public required string SourceName { get; init; }

    /// <summary>Length of the audio in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The emotion model that analysed it.</summary>
    public required string ModelName { get; init; }

    /// <summary>That model's version.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>When it entered the catalog (UTC).</summary>
    public required DateTimeOffset AddedUtc { get; init; }

    /// <summary>Arousal per second.</summary>
    public required IReadOnlyList<float> Arousal { get; init; }

    /// <summary>Valence per second.</summary>
    public required IReadOnlyList<float> Valence { get; init; }

    /// <summary>The audio descriptor values (<see cref="TrackDescriptors.Values"/>).</summary>
    public required IReadOnlyList<float> Descriptors { get; init; }

    /// <summary>The key's tonic, 0 (C) to 11 (B).</summary>
    public required int KeyTonic { get; init; }

    /// <summary>Whether the key is minor.</summary>
    public required bool KeyMinor { get; init; }

    /// <summary>How clearly the key was found.</summary>
    public required double KeyStrength { get; init; }

    /// <summary>The emotion statistics block.</summary>
    public required IReadOnlyList<float> EmotionStatistics { get; init; }

    /// <summary>The emotional arc block.</summary>
    public required IReadOnlyList<float> EmotionArc { get; init; }

    /// <summary>The description written when it was analysed, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Checks that <paramref name="track"/> can be stored (complete, consistent, every value finite).</summary>
    /// <param name="track">The record.</param>
    /// <param name="catalog">The catalog's name, for the message.</param>
    /// <exception cref="CatalogException">It cannot: "refused an invalid track: ...".</exception>
    public static void Validate(TrackRecord track, string catalog)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            track.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CatalogException(catalog, $"refused an invalid track: {ex.Message}", ex);
        }
    }

    /// <summary>The row of <paramref name="track"/>, after <see cref="Validate"/>.</summary>
    /// <exception cref="CatalogException">The record cannot be stored.</exception>
    public static TrackRow From(TrackRecord track, string catalog)
    {
        Validate(track, catalog);
        return new TrackRow
        {
            Id = track.Id,
            SourceName = track.SourceName,
            DurationSeconds = track.DurationSeconds,
            ModelName = track.ModelName,
            ModelVersion = track.ModelVersion,
            AddedUtc = track.AddedUtc.ToUniversalTime(),
            Arousal = track.Timeline.Arousal,
            Valence = track.Timeline.Valence,
            Descriptors = track.Descriptors.Values,
            KeyTonic = track.Descriptors.Key.Tonic,
            KeyMinor = track.Descriptors.Key.Mode == MusicalMode.Minor,
            KeyStrength = track.Descriptors.Key.Strength,
            EmotionStatistics = track.Blocks.EmotionStatistics,
            EmotionArc = track.Blocks.EmotionArc,
            Description = track.Description,
        };
    }

    /// <summary>
    /// Reads the row whose <see cref="Columns"/> start at column <paramref name="first"/> of <paramref name="reader"/>,
    /// with the store's own encoding of float arrays and times. Call <see cref="ToRecord"/> on the result.
    /// </summary>
    /// <param name="reader">Positioned on the row.</param>
    /// <param name="first">The column of <c>id</c>.</param>
    /// <param name="floats">Decodes a float-array column; null when the stored value is not whole floats.</param>
    /// <param name="time">Decodes the <c>added_utc</c> column.</param>
    /// <param name="catalog">The catalog's name, for the message.</param>
    /// <exception cref="CatalogException">A value has the wrong type (a damaged row).</exception>
    public static TrackRow Read(DbDataReader reader, int first, Func<DbDataReader, int, float[]?> floats, Func<DbDataReader, int, DateTimeOffset> time, string catalog)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(floats);
        ArgumentNullException.ThrowIfNull(time);
        string id = reader.GetString(first);
        try
        {
            return ReadValues(reader, first, id, floats, time);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new CatalogException(catalog, $"track {id} is damaged ({ex.Message}); remove it and add the file again", ex);
        }
    }

    private static TrackRow ReadValues(DbDataReader reader, int first, string id, Func<DbDataReader, int, float[]?> floats, Func<DbDataReader, int, DateTimeOffset> time)
    {
        IReadOnlyList<float> Floats(int column) => floats(reader, first + column) ?? [float.NaN];
        return new TrackRow
        {
            Id = id,
            SourceName = reader.GetString(first + 1),
            DurationSeconds = reader.GetDouble(first + 2),
            ModelName = reader.GetString(first + 3),
            ModelVersion = reader.GetString(first + 4),
            AddedUtc = time(reader, first + 5),
            Arousal = Floats(6),
            Valence = Floats(7),
            Descriptors = Floats(8),
            KeyTonic = Convert.ToInt32(reader.GetValue(first + 9), System.Globalization.CultureInfo.InvariantCulture),
            KeyMinor = Convert.ToBoolean(reader.GetValue(first + 10), System.Globalization.CultureInfo.InvariantCulture),
            KeyStrength = reader.GetDouble(first + 11),
            EmotionStatistics = Floats(12),
            EmotionArc = Floats(13),
            Description = reader.IsDBNull(first + 14) ? null : reader.GetString(first + 14),
        };
    }

    /// <summary>The record this row holds.</summary>
    /// <param name="catalog">The catalog's name, for the message.</param>
    /// <exception cref="CatalogException">The row is damaged (a value out of range or not finite, blocks that do not fit): "track ... is damaged".</exception>
    public TrackRecord ToRecord(string catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            if (!new[] { Arousal, Valence, Descriptors, EmotionStatistics, EmotionArc }.All(values => values.All(float.IsFinite)))
            {
                throw new FormatException("a stored curve or vector is not whole finite floats");
            }

            var descriptors = new TrackDescriptors(Descriptors.ToArray(), new MusicalKey(KeyTonic, KeyMinor ? MusicalMode.Minor : MusicalMode.Major, KeyStrength));
            var track = new TrackRecord
            {
                Id = Id,
                SourceName = SourceName,
                DurationSeconds = DurationSeconds,
                ModelName = ModelName,
                ModelVersion = ModelVersion,
                AddedUtc = AddedUtc,
                Timeline = new EmotionTimeline(Arousal, Valence, DurationSeconds),
                Descriptors = descriptors,
                Blocks = new TrackVectorBlocks(descriptors.Values, EmotionStatistics.ToArray(), EmotionArc.ToArray()),
                Description = Description,
            };
            return track;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new CatalogException(catalog, $"track {Id} is damaged ({ex.Message}); remove it and add the file again", ex);
        }
    }
}
