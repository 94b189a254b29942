using System.CommandLine;
using System.Globalization;
using MusicEmotion.Cli.Output;
using MusicEmotion.Evaluation.Dynamics;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer eval dynamics</c>: joins low- and high-arousal clips of a 4Q-layout set and reports whether the per-second
/// arousal follows the change (direction, plateau contrast, 20→80 % rise time), with the chosen smoothing and without.
/// </summary>
internal static class DynamicsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var fourQ = new Option<string>("--4q") { Description = "A 4Q-layout folder (labels.csv): its low-arousal (Q3, Q4) and high-arousal (Q1, Q2) clips are joined.", Required = true };
        var split = new Option<string?>("--split") { Description = "Join only clips of this split (e.g. val); default: every row." };
        var json = CommonOptions.Json("the report (with every join)");
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var smoothing = ModelOptions.Smoothing();
        var jobs = CommonOptions.Jobs("Joins analysed");
        var command = new Command("dynamics",
            "Join low- and high-arousal clips and measure how the per-second arousal follows each join: direction, plateau contrast (5-10 s from the join) and 20→80 % rise time.")
        {
            fourQ, split, json, model, card, smoothing, jobs,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string? jsonPath = CommonOptions.JsonPath(parse, json);

            EmotionSmoothing chosen = ModelOptions.ParseSmoothing(parse.GetValue(smoothing));
            using IEmotionModel emotionModel = ModelOptions.Load(parse.GetValue(model), parse.GetValue(card));
            DynamicsReport report = await new DynamicsEvaluator(emotionModel, parse.GetValue(jobs))
                .EvaluateAsync(parse.GetValue(fourQ)!, parse.GetValue(split), chosen, EvaluationOutput.Progress(error, "joined"), cancellationToken).ConfigureAwait(false);
            await EvaluationOutput.WriteAsync(output, error, FormatTable(report, emotionModel.Card.Name), report.Skipped, jsonPath, report.ToJson).ConfigureAwait(false);

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string FormatTable(DynamicsReport report, string modelName)
    {
        var c = CultureInfo.InvariantCulture;
        static string Rise(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never";
        var lines = new List<string>
        {
            $"model: {modelName}",
            string.Create(c, $"joins ({report.Split ?? "all rows"}): {report.Joins} (low→high and high→low arousal; plateaus {report.InnerMarginSeconds:0}-{report.OuterMarginSeconds:0} s from the join)"),
            $"                     smoothing {report.Smoothing,-8} none",
            string.Create(c, $"  direction right    {report.Output.DirectionRight,8:0.000}  {report.Unsmoothed.DirectionRight,8:0.000}"),
            string.Create(c, $"  mean contrast      {report.Output.MeanContrast,8:0.000}  {report.Unsmoothed.MeanContrast,8:0.000}"),
            string.Create(c, $"  median rise time   {Rise(report.Output.MedianRiseTimeSeconds),8}  {Rise(report.Unsmoothed.MedianRiseTimeSeconds),8}"),
            string.Create(c, $"  contrast retained  {report.ContrastRetained,8:0.000}"),
        };
        if (report.Skipped.Count > 0)
        {
            lines.Add($"skipped {report.Skipped.Count} join(s)");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
