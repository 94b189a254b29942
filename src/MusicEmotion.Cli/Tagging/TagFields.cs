using MusicEmotion.Recommend.Tracks;
using TagLib;

namespace MusicEmotion.Cli.Tagging;

/// <summary>
/// The fields <c>mer tag</c> writes, per container, with TagLibSharp: standard fields where they exist (ID3v2.4 TMOO, TBPM,
/// TKEY; Vorbis comments MOOD, BPM, INITIALKEY; MP4 <c>tmpo</c> and the freeform atoms <c>----:com.apple.iTunes:MOOD</c> and
/// <c>:initialkey</c>), and custom fields named MUSICEMOTION_* otherwise (ID3v2.4 TXXX, Vorbis comments, MP4 freeform
/// atoms under <c>com.apple.iTunes</c>). docs/recommend.md lists them for beets, Navidrome and Jellyfin users.
/// </summary>
internal static class TagFields
{
    /// <summary>The custom field of the mean arousal.</summary>
    public const string Arousal = "MUSICEMOTION_AROUSAL";

    /// <summary>The custom field of the mean valence.</summary>
    public const string Valence = "MUSICEMOTION_VALENCE";

    /// <summary>The custom field of the energy.</summary>
    public const string Energy = "MUSICEMOTION_ENERGY";

    /// <summary>The custom field naming the model that made the values (files with the current model's are skipped).</summary>
    public const string Model = "MUSICEMOTION_MODEL";

    private const string AppleMean = "com.apple.iTunes";

    /// <summary>File extensions <c>mer tag</c> handles, and the TagLibSharp type each is opened as.</summary>
    public static readonly IReadOnlyDictionary<string, string> MimeTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = "taglib/mp3",
        [".flac"] = "taglib/flac",
        [".ogg"] = "taglib/ogg",
        [".oga"] = "taglib/oga",
        [".opus"] = "taglib/opus",
        [".m4a"] = "taglib/m4a",
        [".mp4"] = "taglib/mp4",
    };

    static TagFields()
    {
        // ID3v2.4 for every MP3 written (TXXX and TMOO are ID3v2.4 frames; an older tag is upgraded).
        TagLib.Id3v2.Tag.DefaultVersion = 4;
        TagLib.Id3v2.Tag.ForceDefaultVersion = true;
    }

    /// <summary>Opens <paramref name="path"/> as the audio type of <paramref name="extension"/> (the path itself may be a temporary name).</summary>
    /// <exception cref="CorruptFileException">The file is damaged.</exception>
    /// <exception cref="UnsupportedFormatException">TagLibSharp does not handle it.</exception>
    public static TagLib.File Open(string path, string extension) =>
        TagLib.File.Create(path, MimeTypes.TryGetValue(extension, out string? mime) ? mime : throw new UnsupportedFormatException($"{extension} files are not tagged"), ReadStyle.Average);

    /// <summary>Writes <paramref name="tags"/> into <paramref name="file"/>'s tag (not yet saved); absent values leave the field as it is.</summary>
    public static void Write(TagLib.File file, MoodTags tags)
    {
        foreach ((string field, string? value) in Values(tags))
        {
            if (value is not null)
            {
                Set(file, field, value);
            }
        }
    }

    /// <summary>Every field and the value <paramref name="tags"/> gives it (null when it writes none), in the order they are shown.</summary>
    public static IEnumerable<(string Field, string? Value)> Values(MoodTags tags)
    {
        yield return ("MOOD", tags.Mood);
        yield return (Arousal, tags.Arousal);
        yield return (Valence, tags.Valence);
        yield return (Energy, tags.Energy);
        yield return ("BPM", tags.Bpm);
        yield return ("INITIALKEY", tags.InitialKey);
        yield return (Model, tags.Model);
    }

    /// <summary>The value of <paramref name="field"/> (a name of <see cref="Values"/>) in <paramref name="file"/>, or null.</summary>
    public static string? Read(TagLib.File file, string field)
    {
        switch (file.TagTypes)
        {
            case var types when types.HasFlag(TagTypes.Xiph) && file.GetTag(TagTypes.Xiph) is TagLib.Ogg.XiphComment xiph:
                return xiph.GetFirstField(field);
            case var types when types.HasFlag(TagTypes.Apple) && file.GetTag(TagTypes.Apple) is TagLib.Mpeg4.AppleTag apple:
                return field switch
                {
                    "BPM" => apple.BeatsPerMinute == 0 ? null : apple.BeatsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "INITIALKEY" => apple.GetDashBox(AppleMean, "initialkey"),
                    _ => apple.GetDashBox(AppleMean, field),
                };
            case var types when types.HasFlag(TagTypes.Id3v2) && file.GetTag(TagTypes.Id3v2) is TagLib.Id3v2.Tag id3:
                return field switch
                {
                    "MOOD" => TagLib.Id3v2.TextInformationFrame.Get(id3, "TMOO", create: false)?.Text.FirstOrDefault(),
                    "BPM" => TagLib.Id3v2.TextInformationFrame.Get(id3, "TBPM", create: false)?.Text.FirstOrDefault(),
                    "INITIALKEY" => TagLib.Id3v2.TextInformationFrame.Get(id3, "TKEY", create: false)?.Text.FirstOrDefault(),
                    _ => TagLib.Id3v2.UserTextInformationFrame.Get(id3, field, create: false)?.Text.FirstOrDefault(),
                };
            default:
                return null;
        }
    }

    private static void Set(TagLib.File file, string field, string value)
    {
        switch (file)
        {
            case TagLib.Ogg.File or TagLib.Flac.File:
                var xiph = (TagLib.Ogg.XiphComment)file.GetTag(TagTypes.Xiph, create: true);
                xiph.SetField(field, value);
                break;
            case TagLib.Mpeg4.File:
                var apple = (TagLib.Mpeg4.AppleTag)file.GetTag(TagTypes.Apple, create: true);
                switch (field)
                {
                    case "BPM":
                        apple.BeatsPerMinute = uint.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "INITIALKEY":
                        apple.SetDashBox(AppleMean, "initialkey", value);
                        break;
                    default:
                        apple.SetDashBox(AppleMean, field, value);
                        break;
                }

                break;
            case TagLib.Mpeg.AudioFile:
                var id3 = (TagLib.Id3v2.Tag)file.GetTag(TagTypes.Id3v2, create: true);
                switch (field)
                {
                    case "MOOD":
                        TagLib.Id3v2.TextInformationFrame.Get(id3, "TMOO", create: true).Text = [value];
                        break;
                    case "BPM":
                        TagLib.Id3v2.TextInformationFrame.Get(id3, "TBPM", create: true).Text = [value];
                        break;
                    case "INITIALKEY":
                        TagLib.Id3v2.TextInformationFrame.Get(id3, "TKEY", create: true).Text = [value];
                        break;
                    default:
                        TagLib.Id3v2.UserTextInformationFrame.Get(id3, field, StringType.UTF8, create: true).Text = [value];
                        break;
                }

                break;
            default:
                throw new UnsupportedFormatException($"{file.MimeType} files are not tagged");
        }
    }
}
