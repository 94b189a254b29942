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
    }))) + "\n";

    private static string Share(TempoKeyResult[] rows, Func<TempoKeyResult, bool> hit) =>
        rows.Length == 0 ? "–" : string.Create(C, $"{100.0 * rows.Count(hit) / rows.Length:0.0} % ({rows.Count(hit)})");
}
