using System.Text;

namespace MusicEmotion.Server.Uploads;

/// <summary>
/// Turns the file name a client sent into a display name: the last path segment only (either slash), no control,
/// format or bidirectional-override characters, at most <see cref="MaxLength"/> characters, "upload" when nothing is
/// left. The result is shown and stored as the track's name; it is never used to build a path.
/// </summary>
internal static class UploadNames
{
    /// <summary>Longest kept name.</summary>
    public const int MaxLength = 200;

    /// <summary>The name used when the client sent none (or nothing usable).</summary>
    public const string Fallback = "upload";

    /// <summary>Cleans <paramref name="raw"/>.</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Fallback;
        }

        string name = raw;
        int slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var text = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (Rune rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                    or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
                || rune.Value == 0xFFFD)
            {
                continue;
            }

            if (text.Length + rune.Utf16SequenceLength > MaxLength)
            {
                break;
            }

            text.Append(rune.ToString());
        }

        string cleaned = text.ToString().Trim();
        return cleaned.Trim('.').Length == 0 ? Fallback : cleaned;
    }
}
