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
        var sets = new SetOptions(
            fourQ: "A 4Q-layout folder (labels.csv with song,quadrant,split,audio); repeatable as name=folder (e.g. --4q emopia=training/work/emopia). Default set name: 4q.",
            dynamic: "A dynamic-annotation folder (emoMusic, DEAM or PMEmo layout; clips with audio are exported); repeatable as name=folder. Default set name: dynamic.",
            mood: "A MIREX-layout mood folder (labels.csv with song,cluster,mood,audio); repeatable as name=folder (e.g. --mood mirex=training/work/mirex). Default set name: mood.",
            reference: "A folder of unlabelled audio (recursive) exported for calibration statistics; repeatable as name=folder. Default set name: reference.");
        var recipe = new Option<string?>("--recipe") { Description = "A feature recipe JSON ({\"kinds\":[...],\"settings\":{...}}); default: the shipped model's recipe." };
        var outFolder = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var jobs = CommonOptions.Jobs("Clips decoded");
        var export = new Command("export", "Decode every clip and write the model's input features (.npy) plus an index of clips, labels and splits.");
        sets.AddTo(export, recipe, outFolder, jobs);
        export.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            List<ExportSet> given = sets.Read(parse, "give at least one of --4q, --dynamic, --mood or --reference");
            FeatureRecipe featureRecipe = parse.GetValue(recipe) is { } recipePath ? RecipeFile.Load(recipePath) : FeatureRecipe.CreateDefault();
            var request = new DatasetExportRequest
            {
                Recipe = featureRecipe,
                OutputFolder = parse.GetValue(outFolder)!,
                Sets = given,
                Parallelism = Math.Max(1, parse.GetValue(jobs)),
            };
            DatasetExportResult result = await DatasetExporter.ExportAsync(request, ProgressLines(error, "exported"), cancellationToken).ConfigureAwait(false);
            await WriteSkippedAsync(error, result.Skipped).ConfigureAwait(false);
            await output.WriteLineAsync($"exported {result.Exported} clips ({result.Skipped.Count} skipped); index: {result.IndexPath}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return new Command("dataset", "Prepare training data.") { export, CreateNotes(output, error) };
    }

    /// <summary><c>mer dataset notes</c>: per-second note features beside an export's features (resumable).</summary>
    private static Command CreateNotes(TextWriter output, TextWriter error)
    {
        var sets = new SetOptions(
            fourQ: "A 4Q-layout folder, as given to `mer dataset export` (name=folder, repeatable).",
            dynamic: "A dynamic-annotation folder, as given to `mer dataset export` (name=folder, repeatable).",
            mood: "A MIREX-layout mood folder, as given to `mer dataset export` (name=folder, repeatable).",
            reference: "A folder of unlabelled audio, as given to `mer dataset export` (name=folder, repeatable).");
        var exportFolder = new Option<string>("--out") { Description = "The export folder (made by `mer dataset export`); note files go to its notes/ folder.", Required = true };
        var kinds = new Option<string>("--kinds") { Description = "Note feature kinds, comma-separated, in column order.", DefaultValueFactory = _ => string.Join(',', NoteFeatureColumns.Kinds) };
        var jobs = CommonOptions.Jobs("Clips transcribed");
        var notes = new Command("notes", "Transcribe every clip of an export and write its per-second note features (notes/<set>/<id>.npy, columns in notes/columns.json). Clips already done are kept, so an interrupted run resumes.");
        sets.AddTo(notes, exportFolder, kinds, jobs);
        notes.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            List<ExportSet> given = sets.Read(parse, "give the dataset folders the export was made from (--4q, --dynamic, --mood or --reference, with the same set names)");
            var request = new DatasetNotesRequest
            {
                ExportFolder = parse.GetValue(exportFolder)!,
                Sets = given,
                Kinds = parse.GetValue(kinds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Parallelism = Math.Max(1, parse.GetValue(jobs)),
            };
            DatasetNotesResult result;
            try
            {
                result = await DatasetNotesExporter.ExportAsync(request, ProgressLines(error, "transcribed"), plan =>
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

            await WriteSkippedAsync(error, result.Skipped).ConfigureAwait(false);
            await output.WriteLineAsync($"note features of {result.Written} clips written, {result.AlreadyDone} already there, {result.Skipped.Count} skipped, {result.NotInExport} not in the export, {result.IndexClipsWithoutAudio} of the export without audio given; folder: {result.NotesFolder}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return notes;
    }

    /// <summary>Progress as "<paramref name="verb"/> done/total" lines every 50 clips and at the end.</summary>
    private static Progress<DatasetExportProgress> ProgressLines(TextWriter error, string verb) => new(p =>
    {
        if (p.Done % 50 == 0 || p.Done == p.Total)
        {
            error.WriteLine($"{verb} {p.Done}/{p.Total}");
        }
    });

    private static async Task WriteSkippedAsync(TextWriter error, IReadOnlyList<(string Clip, string Reason)> skipped)
    {
        foreach (var (clip, reason) in skipped)
        {
            await error.WriteLineAsync($"mer: skipped {clip}: {reason}").ConfigureAwait(false);
        }
    }

    /// <summary>The four dataset options that <c>export</c> and <c>notes</c> share (each repeatable as name=folder), and the sets they name.</summary>
    private sealed class SetOptions(string fourQ, string dynamic, string mood, string reference)
    {
        private readonly (Option<string[]> Option, ExportSetKind Kind)[] _options =
        [
            (new Option<string[]>("--4q") { Description = fourQ }, ExportSetKind.FourQuadrant),
            (new Option<string[]>("--dynamic") { Description = dynamic }, ExportSetKind.Dynamic),
            (new Option<string[]>("--mood") { Description = mood }, ExportSetKind.MoodClusters),
            (new Option<string[]>("--reference") { Description = reference }, ExportSetKind.Reference),
        ];

        /// <summary>Adds the four options to <paramref name="command"/>, then <paramref name="others"/>.</summary>
        public void AddTo(Command command, params Option[] others)
        {
            foreach (Option option in _options.Select(o => o.Option).Concat(others))
            {
                command.Options.Add(option);
            }
        }

        /// <summary>The sets named, in the order 4Q, dynamic, mood, reference (each as given).</summary>
        /// <exception cref="CliInputException">None is named (<paramref name="noneGiven"/> says what to give).</exception>
        public List<ExportSet> Read(ParseResult parse, string noneGiven)
        {
            List<ExportSet> sets = _options.SelectMany(o => (parse.GetValue(o.Option) ?? []).Select(value => ExportSet.Parse(value, o.Kind))).ToList();
            return sets.Count > 0 ? sets : throw new CliInputException(noneGiven);
        }
    }
}
