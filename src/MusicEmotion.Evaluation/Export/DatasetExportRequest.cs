using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Evaluation.Export;

/// <summary>What to export and where.</summary>
internal sealed record DatasetExportRequest
{
    /// <summary>The feature recipe: the exact features the model will read at inference.</summary>
    public required FeatureRecipe Recipe { get; init; }

    /// <summary>Output folder (created; existing exports in it are replaced file by file).</summary>
    public required string OutputFolder { get; init; }

    /// <summary>A 4Q-layout folder, or null.</summary>
    public string? FourQuadrantFolder { get; init; }

    /// <summary>A dynamic-annotation folder (emoMusic, DEAM or PMEmo layout), or null. Only clips with audio are exported.</summary>
    public string? DynamicFolder { get; init; }

    /// <summary>A folder of unlabelled reference audio (searched recursively), or null; used by training for calibration statistics.</summary>
    public string? ReferenceFolder { get; init; }

    /// <summary>
    /// More dataset folders, each under its own set name (e.g. EMOPIA rendered to a 4Q layout as "emopia"). The three
    /// folder properties above are the sets "4q", "dynamic" and "reference"; names must be distinct.
    /// </summary>
    public IReadOnlyList<ExportSet> Sets { get; init; } = [];

    /// <summary>Every set of the request: the folder properties (under their default names), then <see cref="Sets"/>.</summary>
    /// <exception cref="ArgumentException">Two sets share a name.</exception>
    public IReadOnlyList<ExportSet> AllSets()
    {
        var all = new List<ExportSet>();
        if (FourQuadrantFolder is not null)
        {
            all.Add(new ExportSet(ExportSet.DefaultName(ExportSetKind.FourQuadrant), ExportSetKind.FourQuadrant, FourQuadrantFolder));
        }

        if (DynamicFolder is not null)
        {
            all.Add(new ExportSet(ExportSet.DefaultName(ExportSetKind.Dynamic), ExportSetKind.Dynamic, DynamicFolder));
        }

        if (ReferenceFolder is not null)
        {
            all.Add(new ExportSet(ExportSet.DefaultName(ExportSetKind.Reference), ExportSetKind.Reference, ReferenceFolder));
        }

        all.AddRange(Sets ?? []);
        string? duplicate = all.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two sets are named '{duplicate}': give each folder its own name (name=folder).");
        }

        return all;
    }

    /// <summary>Clips decoded in parallel. Default: processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
