namespace MusicEmotion.Notes.Analysis;

/// <summary>
/// The per-second note features as numeric columns, grouped in three feature kinds a model card can name:
/// <c>notes</c> (density, polyphony, articulation, register), <c>harmony</c> (key, mode, chords, dissonance) and
/// <c>melody</c> (the melody line's register, range, intervals, contour, vibrato, glissandi). A value that does not
/// exist in a second (no key in silence, no interval without melody notes) is written as 0; the presence columns
/// (<c>notes.coverage</c>, <c>harmony.key_strength</c>, <c>harmony.chord_fit</c>, <c>melody.coverage</c>) say when.
/// Pitches are in octaves from middle C (MIDI 60), so that they sit near 0. docs/notes.md lists every column.
/// </summary>
public static class NoteFeatureColumns
{
    /// <summary>The kind of the density, polyphony, articulation and register columns.</summary>
    public const string NotesKind = "notes";

    /// <summary>The kind of the key, mode, chord and dissonance columns.</summary>
    public const string HarmonyKind = "harmony";

    /// <summary>The kind of the melody columns.</summary>
    public const string MelodyKind = "melody";

    private static readonly (string Kind, string Name, Func<NoteSecond, double> Value)[] Columns =
    [
        (NotesKind, "onset_rate", s => s.Texture.OnsetRate),
        (NotesKind, "polyphony", s => s.Texture.Polyphony),
        (NotesKind, "coverage", s => s.Texture.Coverage),
        (NotesKind, "articulation", s => s.Texture.Articulation ?? 0),
        (NotesKind, "duration", s => s.Texture.MeanDurationSeconds ?? 0),
        (NotesKind, "pitch_mean", s => Octaves(s.PitchMean)),
        (NotesKind, "pitch_spread", s => s.PitchSpread ?? 0),
        (NotesKind, "pitch_range", s => s.PitchRangeSemitones ?? 0),
        (HarmonyKind, "key_strength", s => s.Harmony.Key?.Strength ?? 0),
        (HarmonyKind, "key_clarity", s => s.Harmony.Key?.Clarity ?? 0),
        (HarmonyKind, "mode_contrast", s => s.Harmony.Key?.ModeContrast ?? 0),
        (HarmonyKind, "key_major", s => s.Harmony.Key is { } k ? (k.Mode == Harmony.KeyMode.Major ? 1 : -1) : 0),
        (HarmonyKind, "chord_fit", s => s.Harmony.Chord?.Fit ?? 0),
        (HarmonyKind, "chord_major", s => Family(s, Harmony.ChordFamily.Major)),
        (HarmonyKind, "chord_minor", s => Family(s, Harmony.ChordFamily.Minor)),
        (HarmonyKind, "chord_diminished", s => Family(s, Harmony.ChordFamily.Diminished)),
        (HarmonyKind, "chord_augmented", s => Family(s, Harmony.ChordFamily.Augmented)),
        (HarmonyKind, "chord_suspended", s => Family(s, Harmony.ChordFamily.Suspended)),
        (HarmonyKind, "chord_seventh", s => s.Harmony.Chord is { HasSeventh: true } ? 1 : 0),
        (HarmonyKind, "chord_change", s => s.Harmony.ChordChanged ? 1 : 0),
        (HarmonyKind, "chord_tonic", s => s.Harmony.Chord is { } c && s.Harmony.Key is { } k && c.Root == k.Tonic ? 1 : 0),
        (HarmonyKind, "major_share", s => s.Harmony.MajorChordShare ?? 0),
        (HarmonyKind, "minor_share", s => s.Harmony.MinorChordShare ?? 0),
        (HarmonyKind, "dissonance", s => s.Harmony.Dissonance ?? 0),
        (MelodyKind, "pitch", s => Octaves(s.Melody.Pitch)),
        (MelodyKind, "coverage", s => s.Melody.Coverage),
        (MelodyKind, "range", s => s.Melody.RangeSemitones ?? 0),
        (MelodyKind, "interval", s => s.Melody.MeanIntervalSemitones ?? 0),
        (MelodyKind, "leap_share", s => s.Melody.LeapShare ?? 0),
        (MelodyKind, "contour", s => s.Melody.Contour ?? 0),
        (MelodyKind, "vibrato_share", s => s.Melody.VibratoShare),
        (MelodyKind, "vibrato_rate", s => s.Melody.VibratoRateHz ?? 0),
        (MelodyKind, "vibrato_extent", s => s.Melody.VibratoExtentSemitones ?? 0),
        (MelodyKind, "glissando", s => s.Melody.GlissandoShare ?? 0),
    ];

    /// <summary>The three kinds, in their usual order: <c>notes</c>, <c>harmony</c>, <c>melody</c>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [NotesKind, HarmonyKind, MelodyKind];

    /// <summary>Whether <paramref name="kind"/> is one of the note feature kinds (ignoring case).</summary>
    public static bool IsKind(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns of <paramref name="kind"/>, named <c>kind.column</c> (e.g. <c>harmony.key_strength</c>).</summary>
    /// <exception cref="ArgumentException">Not a note feature kind.</exception>
    public static IReadOnlyList<string> NamesOf(string kind) => [.. Select(kind).Select(c => $"{c.Kind}.{c.Name}")];

    /// <summary>The column names of several kinds, kind by kind.</summary>
    public static IReadOnlyList<string> NamesOf(IEnumerable<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. kinds.SelectMany(NamesOf)];
    }

    /// <summary>Writes second <paramref name="second"/>'s values of <paramref name="kind"/> into <paramref name="destination"/> (one per column).</summary>
    /// <exception cref="ArgumentException">Not a note feature kind, or the destination is too short.</exception>
    public static void Write(string kind, in NoteSecond second, Span<float> destination)
    {
        var columns = Select(kind);
        if (destination.Length < columns.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; kind '{kind}' has {columns.Length} columns.", nameof(destination));
        }

        for (int i = 0; i < columns.Length; i++)
        {
            destination[i] = (float)columns[i].Value(second);
        }
    }

    /// <summary>The per-second matrix of <paramref name="kinds"/>: one row per second of <paramref name="features"/>, columns as <see cref="NamesOf(IEnumerable{string})"/>, row-major.</summary>
    public static float[] ToMatrix(NoteFeatures features, IReadOnlyList<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(kinds);
        int width = NamesOf(kinds).Count;
        float[] matrix = new float[features.Seconds.Count * width];
        for (int s = 0; s < features.Seconds.Count; s++)
        {
            int offset = s * width;
            foreach (string kind in kinds)
            {
                int w = Select(kind).Length;
                Write(kind, features.Seconds[s], matrix.AsSpan(offset, w));
                offset += w;
            }
        }

        return matrix;
    }

    private static (string Kind, string Name, Func<NoteSecond, double> Value)[] Select(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var columns = Columns.Where(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase)).ToArray();
        return columns.Length > 0 ? columns : throw new ArgumentException($"'{kind}' is not a note feature kind (known: {string.Join(", ", Kinds)}).", nameof(kind));
    }

    private static double Octaves(double? midiPitch) => midiPitch is { } p ? (p - 60) / 12 : 0;

    private static double Family(in NoteSecond s, Harmony.ChordFamily family) => s.Harmony.Chord is { } c && c.Family == family ? 1 : 0;
}
