using System.Data.Common;
using System.Globalization;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>
/// A track as a catalog stores it: one row of seventeen flat values in the order of <see cref="Columns"/>. The one mapping
/// between <see cref="TrackRecord"/> and storage, and the one validation, shared by the SQLite, PostgreSQL and in-memory
/// catalogs (a host's own catalog can use it too). Going in, <see cref="Values"/> refuses an invalid record; coming out,
/// <see cref="Read"/> refuses a damaged row; both with a <see cref="CatalogException"/> naming the catalog.
/// </summary>
public static class TrackRows
{
    /// <summary>The column names, in the order of <see cref="Values"/> and <see cref="Read"/>.</summary>
    public const string Columns =
        "id, source_name, duration_seconds, model_name, model_version, added_utc, arousal, valence, descriptors, key_tonic, key_minor, key_strength, emotion_statistics, emotion_arc, description, presence, melody";

    /// <summary>How many columns a row has.</summary>
    public const int ColumnCount = 17;

    /// <summary>Checks that <paramref name="track"/> can be stored (complete and consistent; its curves lie on [-1, 1]).</summary>
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

    /// <summary>
    /// The values to store for <paramref name="track"/>, after <see cref="Validate"/>, in the order of <see cref="Columns"/>:
    /// id, source name, model name and version and description as <see cref="string"/> (the description may be null),
    /// duration and key strength as <see cref="double"/>, the time added as a UTC <see cref="DateTimeOffset"/>, the
    /// curves and vectors (arousal, valence, descriptors, emotion statistics, emotional arc) as <c>float[]</c>, the key's
    /// tonic as <see cref="int"/> (0 = C) and whether it is minor as <see cref="bool"/>, and what each second holds as a
/// <c>float[]</c> of <see cref="MusicPresence"/> values (0 music, 1 silence, 2 steady signal; rows of catalogs made
/// before it existed hold null there, read as all music), and the melody block as a <c>float[]</c> or null (tracks
/// without one: an audio-only model's, and rows stored before the block existed). Each store encodes them its way.
    /// </summary>
    /// <exception cref="CatalogException">The record cannot be stored.</exception>
    public static object?[] Values(TrackRecord track, string catalog)
    {
        Validate(track, catalog);
        MusicalKey key = track.Descriptors.Key;
        return
        [
            track.Id, track.SourceName, track.DurationSeconds, track.ModelName, track.ModelVersion, track.AddedUtc.ToUniversalTime(),
            track.Timeline.Arousal.ToArray(), track.Timeline.Valence.ToArray(), track.Descriptors.Values.ToArray(),
            key.Tonic, key.Mode == MusicalMode.Minor, key.Strength,
            track.Blocks.EmotionStatistics.ToArray(), track.Blocks.EmotionArc.ToArray(), track.Description,
            track.Timeline.Presence.Select(p => (float)p).ToArray(),
            track.Blocks.Melody?.ToArray(),
        ];
    }

    /// <summary>
    /// The record in the row whose <see cref="Columns"/> start at column <paramref name="first"/> of
    /// <paramref name="reader"/>, decoding float arrays and the time added with the store's own encoding.
    /// </summary>
    /// <param name="reader">Positioned on the row.</param>
    /// <param name="first">The column of <c>id</c>.</param>
    /// <param name="floats">Decodes a float-array column; null when the stored value is not whole floats.</param>
    /// <param name="time">Decodes the <c>added_utc</c> column.</param>
    /// <param name="catalog">The catalog's name, for the message.</param>
    /// <exception cref="CatalogException">The row is damaged (a value of the wrong type, out of range or not finite): "track ... is damaged".</exception>
    public static TrackRecord Read(DbDataReader reader, int first, Func<DbDataReader, int, float[]?> floats, Func<DbDataReader, int, DateTimeOffset> time, string catalog)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(floats);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(catalog);
        string id = reader.GetString(first);
        try
        {
            float[] Floats(int column) =>
                floats(reader, first + column) is { } values && Array.TrueForAll(values, float.IsFinite)
                    ? values
                    : throw new FormatException("a stored curve or vector is not whole finite floats");

            double duration = reader.GetDouble(first + 2);
            var key = new MusicalKey(
                Convert.ToInt32(reader.GetValue(first + 9), CultureInfo.InvariantCulture),
                Convert.ToBoolean(reader.GetValue(first + 10), CultureInfo.InvariantCulture) ? MusicalMode.Minor : MusicalMode.Major,
                reader.GetDouble(first + 11));
            var descriptors = new TrackDescriptors(Floats(8), key);
            return new TrackRecord
            {
                Id = id,
                SourceName = reader.GetString(first + 1),
                DurationSeconds = duration,
                ModelName = reader.GetString(first + 3),
                ModelVersion = reader.GetString(first + 4),
                AddedUtc = time(reader, first + 5),
                Timeline = new EmotionTimeline(Floats(6), Floats(7), duration, reader.IsDBNull(first + 15) ? null : Presence(Floats(15))),
                Descriptors = descriptors,
                Blocks = new TrackVectorBlocks(descriptors.Values, Floats(12), Floats(13), reader.IsDBNull(first + 16) ? null : Floats(16)),
                Description = reader.IsDBNull(first + 14) ? null : reader.GetString(first + 14),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new CatalogException(catalog, $"track {id} is damaged ({ex.Message}); remove it and add the file again", ex);
        }
    }

    private static MusicPresence[] Presence(float[] stored) =>
        Array.ConvertAll(stored, v => v is 0 or 1 or 2 ? (MusicPresence)(int)v : throw new FormatException($"{v} is not a presence value"));
}
