using MusicEmotion.Evaluation.ModelEvaluation;

namespace MusicEmotion.Cli.Output;

/// <summary>What the model evaluations (<c>mer eval model</c>, <c>mer eval dynamics</c>) print: progress, the table, the skipped clips and the JSON report.</summary>
internal static class EvaluationOutput
{
    /// <summary>Progress as "<paramref name="verb"/> done/total" lines every 25 items and at the end.</summary>
    public static IProgress<EvaluationProgress> Progress(TextWriter error, string verb) => new Progress<EvaluationProgress>(p =>
    {
        if (p.Done % 25 == 0 || p.Done == p.Total)
        {
            error.WriteLine($"{verb} {p.Done}/{p.Total}");
        }
    });

    /// <summary>Prints <paramref name="table"/> and one line per skipped clip, and writes <paramref name="json"/> to <paramref name="jsonPath"/> when one is given.</summary>
    public static async Task WriteAsync(TextWriter output, TextWriter error, string table, IReadOnlyList<SkippedClip> skipped, string? jsonPath, Func<string> json)
    {
        await output.WriteLineAsync(table).ConfigureAwait(false);
        foreach (SkippedClip clip in skipped)
        {
            await error.WriteLineAsync($"mer: skipped {clip.Clip}: {clip.Reason}").ConfigureAwait(false);
        }

        if (jsonPath is not null)
        {
            OutputPaths.WriteAtomically(jsonPath, json());
        }
    }
}
