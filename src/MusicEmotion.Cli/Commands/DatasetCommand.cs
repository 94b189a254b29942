using System.CommandLine;
using MusicEmotion.Evaluation.Export;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Notes.Analysis;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer dataset export</c>: writes the training set (features computed by this library) for training/train.py.</summary>
internal static class DatasetCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var fourQ = new Option<string[]>("--4q")
        {
            Description = "A 4Q-layout folder (labels.csv with song,quadrant,split,audio); repeatable as name=folder (e.g. --4q emopia=training/work/emopia). Default set name: 4q.",
        };
        var dynamic = new Option<string[]>("--dynamic")
        {
            Description = "A dynamic-annotation folder (emoMusic, DEAM or PMEmo layout; clips with audio are exported); repeatable as name=folder. Default set name: dynamic.",
        };
        var mood = new Option<string[]>("--mood")
        {
            Description = "A MIREX-layout mood folder (labels.csv with song,cluster,mood,audio); repeatable as name=folder (e.g. --mood mirex=training/work/mirex). Default set name: mood.",
        };
        var reference = new Option<string[]>("--reference")
        {
            Description = "A folder of unlabelled audio (recursive) exported for calibration statistics; repeatable as name=folder. Default set name: reference.",
        };
        var recipe = new Option<string?>("--recipe") { Description = "A feature recipe JSON ({\"kinds\":[...],\"settings\":{...}}); default: the shipped model's recipe." };
        var outFolder = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var jobs = CommonOptions.Jobs("Clips decoded");
        var export = new Command("export", "Decode every clip and write the model's input features (.npy) plus an index of clips, labels and splits.")
        {
            fourQ, dynamic, mood, reference, recipe, outFolder, jobs,
        };
        export.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            List<ExportSet> sets = ReadSets(parse, fourQ, dynamic, mood, reference);
            if (sets.Count == 0)
            {
                throw new CliInputException("give at least one of --4q, --dynamic, --mood or --reference");
            }

            FeatureRecipe featureRecipe = parse.GetValue(recipe) is { } recipePath ? RecipeFile.Load(recipePath) : FeatureRecipe.CreateDefault();
            var request = new DatasetExportRequest
            {
                Recipe = featureRecipe,
                OutputFolder = parse.GetValue(outFolder)!,
                Sets = sets,
                Parallelism = Math.Max(1, parse.GetValue(jobs)),
            };
            var progress = new Progress<DatasetExportProgress>(p =>
            {
                if (p.Done % 50 == 0 || p.Done == p.Total)
                {
                    error.WriteLine($"exported {p.Done}/{p.Total}");
                }
            });
            DatasetExportResult result = await DatasetExporter.ExportAsync(request, progress, cancellationToken).ConfigureAwait(false);
            foreach (var (clip, reason) in result.Skipped)
            {
                await error.WriteLineAsync($"mer: skipped {clip}: {reason}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"exported {result.Exported} clips ({result.Skipped.Count} skipped); index: {result.IndexPath}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return new Command("dataset", "Prepare training data.") { export, CreateNotes(output, error) };
    }
    /// <summary><c>mer dataset notes</c>: per-second note features beside an export's features (resumable).</summary>
    private static Command CreateNotes(TextWriter output, TextWriter error)
    {
        var fourQ = new Option<string[]>("--4q") { Description = "A 4Q-layout folder, as given to `mer dataset export` (name=folder, repeatable)." };
        var dynamic = new Option<string[]>("--dynamic") { Description = "A dynamic-annotation folder, as given to `mer dataset export` (name=folder, repeatable)." };
        var mood = new Option<string[]>("--mood") { Description = "A MIREX-layout mood folder, as given to `mer dataset export` (name=folder, repeatable)." };
        var reference = new Option<string[]>("--reference") { Description = "A folder of unlabelled audio, as given to `mer dataset export` (name=folder, repeatable)." };
        var exportFolder = new Option<string>("--out") { Description = "The export folder (made by `mer dataset export`); note files go to its notes/ folder.", Required = true };
        var kinds = new Option<string>("--kinds") { Description = "Note feature kinds, comma-separated, in column order.", DefaultValueFactory = _ => string.Join(',', NoteFeatureColumns.Kinds) };
        var jobs = CommonOptions.Jobs("Clips transcribed");
        var notes = new Command("notes", "Transcribe every clip of an export and write its per-second note features (notes/<set>/<id>.npy, columns in notes/columns.json). Clips already done are kept, so an interrupted run resumes.")
        {
            fourQ, dynamic, mood, reference, exportFolder, kinds, jobs,
        };
        notes.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            List<ExportSet> sets = ReadSets(parse, fourQ, dynamic, mood, reference);
            if (sets.Count == 0)
            {
                throw new CliInputException("give the dataset folders the export was made from (--4q, --dynamic, --mood or --reference, with the same set names)");
            }

            var request = new DatasetNotesRequest
            {
                ExportFolder = parse.GetValue(exportFolder)!,
                Sets = sets,
                Kinds = parse.GetValue(kinds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Parallelism = Math.Max(1, parse.GetValue(jobs)),
            };
            var progress = new Progress<DatasetExportProgress>(p =>
            {
                if (p.Done % 50 == 0 || p.Done == p.Total)
                {
                    error.WriteLine($"transcribed {p.Done}/{p.Total}");
                }
            });
            DatasetNotesResult result;
            try
            {
                result = await DatasetNotesExporter.ExportAsync(request, progress, plan =>
                {
                    error.WriteLine($"{plan.ToDo} clips to transcribe, {plan.AlreadyDone} already done");
                    if (plan.IndexClipsWithoutAudio > 0)
                    {
                        error.WriteLine($"mer: warning: {plan.IndexClipsWithoutAudio} clips of the export's index are in none of the folders given (give every folder the export was made from, with the same set names)");
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException(ex.Message);
            }

            foreach (var (clip, reason) in result.Skipped)
            {
                await error.WriteLineAsync($"mer: skipped {clip}: {reason}").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"note features of {result.Written} clips written, {result.AlreadyDone} already there, {result.Skipped.Count} skipped, {result.NotInExport} not in the export, {result.IndexClipsWithoutAudio} of the export without audio given; folder: {result.NotesFolder}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return notes;
    }

    /// <summary>The sets named by the four dataset options, in the order 4Q, dynamic, mood, reference (each as given).</summary>
    private static List<ExportSet> ReadSets(
        ParseResult parse, Option<string[]> fourQ, Option<string[]> dynamic, Option<string[]> mood, Option<string[]> reference)
    {
        var sets = new List<ExportSet>();
        foreach (var (option, kind) in new[] { (fourQ, ExportSetKind.FourQuadrant), (dynamic, ExportSetKind.Dynamic), (mood, ExportSetKind.MoodClusters), (reference, ExportSetKind.Reference) })
        {
            sets.AddRange((parse.GetValue(option) ?? []).Select(value => ExportSet.Parse(value, kind)));
        }

        return sets;
    }
}
