using System.Globalization;
using System.Text;

namespace MusicEmotion.Evaluation.TempoKey;

/// <summary>The accuracy table of <c>mer eval tempo-key</c>: per set, tempo within 4 % (and allowing double/half), key exact and with fifths/relatives.</summary>
internal static class TempoKeyReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The Markdown table of <paramref name="results"/>, one row per set, then the pieces left out and why.</summary>
    public static string Table(IReadOnlyList<TempoKeyResult> results, double minKeyStrength)
    {
        var text = new StringBuilder();
        text.AppendLine("| set | pieces | stated tempo | tempo within 4 % | allowing double/half | no beat found | stated key | key exact | exact, fifth or relative | keys known (strength ≥ " + minKeyStrength.ToString("0.0#", C) + ") | known and exact |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (IGrouping<string, TempoKeyResult> set in results.GroupBy(r => r.Set))
        {
            TempoKeyResult[] tempo = set.Where(r => r.StatedTempo is not null).ToArray();
            TempoKeyResult[] key = set.Where(r => r.StatedKey is not null).ToArray();
            TempoKeyResult[] known = key.Where(r => r.EstimatedKey.Strength >= minKeyStrength).ToArray();
            text.AppendLine(string.Create(C,
                $"| {set.Key} | {set.Count()} | {tempo.Length} | {Share(tempo, r => r.TempoExact)} | {Share(tempo, r => r.TempoOctave)} | {tempo.Count(r => r.EstimatedTempo <= 0)} | {key.Length} | {Share(key, r => r.KeyExact)} | {Share(key, r => r.KeyClose)} | {known.Length} | {Share(known, r => r.KeyExact)} |"));
        }

        TempoKeyResult[] transcribed = results.Where(r => r.NotesTranscribed).ToArray();
        if (transcribed.Length > 0)
        {
            text.AppendLine();
            text.AppendLine("Key from the transcribed notes beside the key of the audio features, on the same pieces with a stated key:");
            text.AppendLine();
            text.AppendLine("| set | stated key | notes: key exact | notes: exact, fifth or relative | notes: no key found | audio features: key exact | audio features: exact, fifth or relative | both exact | same key from both |");
            text.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (IGrouping<string, TempoKeyResult> set in transcribed.GroupBy(r => r.Set))
            {
                TempoKeyResult[] key = set.Where(r => r.StatedKey is not null).ToArray();
                text.AppendLine(string.Create(C,
                    $"| {set.Key} | {key.Length} | {Share(key, r => r.NoteKeyExact)} | {Share(key, r => r.NoteKeyClose)} | {key.Count(r => r.NoteKey is null)} | {Share(key, r => r.KeyExact)} | {Share(key, r => r.KeyClose)} | {Share(key, r => r.KeyExact && r.NoteKeyExact)} | {Share(key, r => r.NoteKey is { } n && n.RelationTo(r.EstimatedKey) == MusicEmotion.Features.Descriptors.KeyRelation.Same)} |"));
            }
        }

        return text.ToString();
    }

    /// <summary>The pieces as JSON lines (for a closer look).</summary>
    public static string Json(IReadOnlyList<TempoKeyResult> results) => string.Join("\n", results.Select(r => System.Text.Json.JsonSerializer.Serialize(new
    {
        set = r.Set,
        name = r.Name,
        statedTempo = r.StatedTempo,
        statedKey = r.StatedKey?.Name,
        estimatedTempo = Math.Round(r.EstimatedTempo, 2),
        estimatedKey = r.EstimatedKey.Name,
        keyStrength = Math.Round(r.EstimatedKey.Strength, 3),
        tempoExact = r.TempoExact,
        tempoOctave = r.TempoOctave,
        keyExact = r.KeyExact,
        keyClose = r.KeyClose,
        noteKey = r.NoteKey?.Name,
        noteKeyStrength = r.NoteKey is { } n ? Math.Round(n.Strength, 3) : (double?)null,
        noteKeyExact = r.NotesTranscribed ? r.NoteKeyExact : (bool?)null,
        noteKeyClose = r.NotesTranscribed ? r.NoteKeyClose : (bool?)null,
    }))) + "\n";

    private static string Share(TempoKeyResult[] rows, Func<TempoKeyResult, bool> hit) =>
        rows.Length == 0 ? "–" : string.Create(C, $"{100.0 * rows.Count(hit) / rows.Length:0.0} % ({rows.Count(hit)})");
}
