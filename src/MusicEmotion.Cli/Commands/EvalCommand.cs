using MusicEmotion.Cli.Output;
using System.CommandLine;
using System.Globalization;
using MusicEmotion.Evaluation.ModelEvaluation;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Cli.Commands;

/// <summary><c>mer eval model</c>: scores the emotion model on labelled folders (4Q quadrants; per-second annotations).</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var fourQ = new Option<string?>("--4q") { Description = "A 4Q-layout folder (labels.csv): quadrant from the clip mean of the per-second outputs." };
        var split = new Option<string?>("--split") { Description = "Score only rows of this split (e.g. val); default: every row." };
        var dynamic = new Option<string?>("--dynamic") { Description = "A dynamic-annotation folder (emoMusic, DEAM or PMEmo layout): per-second RMSE, MAE, Pearson r." };
        var json = CommonOptions.Json();
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var smoothing = ModelOptions.Smoothing();
        var jobs = CommonOptions.Jobs("Clips analysed");
        var command = new Command("model", "Evaluate the emotion model: 4Q quadrant accuracy/macro-F1 and per-second RMSE/MAE/Pearson r.")
        {
            fourQ, split, dynamic, json, model, card, smoothing, jobs,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            if (parse.GetValue(fourQ) is null && parse.GetValue(dynamic) is null)
            {
                throw new CliInputException("give --4q and/or --dynamic");
            }

            string? jsonPath = CommonOptions.JsonPath(parse, json);

            EmotionSmoothing chosen = ModelOptions.ParseSmoothing(parse.GetValue(smoothing));
            using IEmotionModel emotionModel = ModelOptions.Load(parse.GetValue(model), parse.GetValue(card));
            var evaluator = new ModelEvaluator(emotionModel, chosen, parse.GetValue(jobs));
            EvaluationReport report = await evaluator.EvaluateAsync(parse.GetValue(fourQ), parse.GetValue(split), parse.GetValue(dynamic),
                EvaluationOutput.Progress(error, "analysed"), cancellationToken).ConfigureAwait(false);
            await EvaluationOutput.WriteAsync(output, error, FormatTable(report, emotionModel.Card.Name), report.Skipped, jsonPath, report.ToJson).ConfigureAwait(false);

            return ExitCodes.Success;
        }));
        return new Command("eval", "Measure accuracy.") { command, DynamicsCommand.Create(output, error), EvalRecommendCommand.Create(output, error), EvalPlaylistsCommand.Create(output, error), EvalNotesCommand.Create(output, error), EvalJourneysCommand.Create(output, error), EvalTempoKeyCommand.Create(output, error) };
    }

    internal static string FormatTable(EvaluationReport report, string modelName)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string> { report.Smoothing is null ? $"model: {modelName}" : $"model: {modelName} (smoothing: {report.Smoothing})" };
        if (report.FourQuadrant is { } q)
        {
            lines.Add(string.Create(c, $"4Q ({q.Split ?? "all rows"}, n={q.N})"));
            lines.Add(string.Create(c, $"  accuracy            {q.Accuracy:0.000}"));
            lines.Add(string.Create(c, $"  macro-F1            {q.MacroF1:0.000}"));
            lines.Add(string.Create(c, $"  arousal sign acc.   {q.ArousalSignAccuracy:0.000}"));
            lines.Add(string.Create(c, $"  valence sign acc.   {q.ValenceSignAccuracy:0.000}"));
            lines.Add("  confusion (rows = true Q1..Q4, columns = predicted)");
            lines.AddRange(q.Confusion.Select((row, i) => $"    Q{i + 1} " + string.Join(" ", row.Select(v => v.ToString(c).PadLeft(4)))));
        }

        if (report.PerSecond is { } s)
        {
            lines.Add(string.Create(c, $"per second ({s.Clips} clips, n={s.N})   RMSE    MAE     r      mean-baseline RMSE"));
            lines.Add(string.Create(c, $"  arousal                         {s.Arousal.Rmse:0.000}   {s.Arousal.Mae:0.000}   {s.Arousal.Pearson:0.000}  {s.BaselineMean.Arousal.Rmse:0.000}"));
            lines.Add(string.Create(c, $"  valence                         {s.Valence.Rmse:0.000}   {s.Valence.Mae:0.000}   {s.Valence.Pearson:0.000}  {s.BaselineMean.Valence.Rmse:0.000}"));
        }

        if (report.Skipped.Count > 0)
        {
            lines.Add($"skipped {report.Skipped.Count} clip(s) that could not be decoded");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
