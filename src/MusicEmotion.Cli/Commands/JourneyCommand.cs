using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MusicEmotion.Cli.Output;
using MusicEmotion.Inference.Models;
using MusicEmotion.Recommend.Catalog;
using MusicEmotion.Recommend.Journeys;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer journey --db catalog.db --from calm --to energetic --songs 12</c>: a playlist from the catalog that moves along a
/// path over the valence–arousal plane, with smooth hand-overs, as a table, JSON or an M3U8 playlist.
/// </summary>
internal static class JourneyCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        string moods = string.Join(", ", MoodNames.All.Keys);
        var catalogOptions = CatalogOptions.Either();
        var from = new Option<string?>("--from") { Description = $"Start mood: a name ({moods}) or valence,arousal on [-1, 1] such as 0.4,-0.5." };
        var to = new Option<string?>("--to") { Description = "End mood, as --from." };
        var via = new Option<string[]>("--via") { Description = "A waypoint between start and end, as --from; repeat for several, in order.", AllowMultipleArgumentsPerToken = true };
        var curve = new Option<string?>("--path") { Description = "A drawn path instead of --from/--via/--to: points valence,arousal separated by ';', e.g. \"0.4,-0.6;0,0;0.3,0.7\"." };
        var songs = new Option<int?>("--songs") { Description = "How many songs (default 12 unless --duration is given)." };
        var duration = new Option<string?>("--duration") { Description = "Target length instead of --songs: seconds, or with a unit: 90m, 1h30m, 45:00." };
        var like = new Option<string[]>("--like") { Description = "A liked track (file or id): preferred where it fits. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var dislike = new Option<string[]>("--dislike") { Description = "A disliked track (file or id): never planned. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "A track (file or id) never to plan. Repeat for several.", AllowMultipleArgumentsPerToken = true };
        var minDuration = new Option<double?>("--min-duration") { Description = "Only songs at least this many seconds long." };
        var maxDuration = new Option<double?>("--max-duration") { Description = "Only songs at most this many seconds long." };
        var format = new Option<string?>("--format") { Description = "table (default), json or m3u8 (default m3u8 when --out ends in .m3u8 or .m3u, json when it ends in .json)." };
        format.AcceptOnlyFromAmong("table", "json", "m3u8");
        var outPath = new Option<string?>("--out") { Description = "Write the output to this file (atomically) instead of stdout." };
        var model = ModelOptions.ModelPath();
        var card = ModelOptions.CardPath();
        var command = new Command("journey", "Plan a mood journey: songs of the catalog that move from one mood to another, each following its stretch, with smooth hand-overs.")
        {
            from, to, via, curve, songs, duration, like, dislike, exclude, minDuration, maxDuration, format, outPath, model, card,
        };
        catalogOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            MoodPath path = ReadPath(parse.GetValue(from), parse.GetValue(to), parse.GetValue(via) ?? [], parse.GetValue(curve));
            double? target = parse.GetValue(duration) is { } text ? ParseDuration(text) : null;
            int? count = parse.GetValue(songs);
            if (count is not null && target is not null)
            {
                throw new CliInputException("give --songs or --duration, not both");
            }

            string? destination = parse.GetValue(outPath);
            string formatName = parse.GetValue(format) ?? FormatOf(destination);
            if (destination is not null)
            {
                OutputPaths.EnsureWritable(destination);
            }

            using ITrackCatalog catalog = await catalogOptions.OpenAsync(parse, mustExist: true, cancellationToken).ConfigureAwait(false);
            string modelName, modelVersion;
            using (IEmotionModel current = ModelOptions.Load(parse.GetValue(model), parse.GetValue(card)))
            {
                (modelName, modelVersion) = (current.Card.Name, current.Card.Version);
            }

            var planner = new JourneyPlanner(catalog, modelName, modelVersion);
            JourneyPlan plan = await planner.PlanAsync(new JourneyRequest
            {
                Path = path,
                Songs = target is null ? count ?? 12 : null,
                TargetDurationSeconds = target,
                Liked = await IdsAsync(parse.GetValue(like), cancellationToken).ConfigureAwait(false),
                Disliked = await IdsAsync(parse.GetValue(dislike), cancellationToken).ConfigureAwait(false),
                ExcludeIds = await IdsAsync(parse.GetValue(exclude), cancellationToken).ConfigureAwait(false),
                MinDurationSeconds = parse.GetValue(minDuration),
                MaxDurationSeconds = parse.GetValue(maxDuration),
            }, cancellationToken).ConfigureAwait(false);
            if (plan.StaleTracks > 0)
            {
                await error.WriteLineAsync(string.Create(C,
                    $"mer: {plan.StaleTracks} track(s) of the catalog were analysed by another model version and were left out; add their files again to re-analyse them")).ConfigureAwait(false);
            }

            if (plan.NoMusicTracks > 0)
            {
                await error.WriteLineAsync(string.Create(C,
                    $"mer: {plan.NoMusicTracks} track(s) of the catalog hold no music (silence or a steady sound) and are never planned")).ConfigureAwait(false);
            }

            if (plan.Shortened)
            {
                await error.WriteLineAsync(string.Create(C, $"mer: the catalog has only {plan.EligibleTracks} songs that can be planned; the journey is shorter than asked")).ConfigureAwait(false);
            }

            string journeyName = Describe(path);
            string result = formatName switch
            {
                "json" => Json(plan),
                "m3u8" => JourneyPlaylist.ToM3u8(plan, step => File.Exists(step.SourceName) ? Path.GetFullPath(step.SourceName) : step.SourceName, name: journeyName),
                _ => Table(plan, journeyName),
            };
            if (destination is not null)
            {
                OutputPaths.WriteAtomically(destination, result.EndsWith('\n') ? result : result + "\n");
                await error.WriteLineAsync($"wrote {destination}").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(result.TrimEnd('\n')).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    internal static MoodPath ReadPath(string? from, string? to, string[] via, string? curve)
    {
        if (curve is not null)
        {
            if (from is not null || to is not null || via.Length > 0)
            {
                throw new CliInputException("give --path, or --from and --to (with --via), not both");
            }

            string[] points = curve.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (points.Length is < 2 or > MoodPath.MaxPoints)
            {
                throw new CliInputException($"--path needs 2 to {MoodPath.MaxPoints} points valence,arousal separated by ';' (got {points.Length})");
            }

            return new MoodPath(points.Select(p => Mood(p, "--path")));
        }

        if (from is null || to is null)
        {
            throw new CliInputException("name the journey: --from <mood> --to <mood> (or --path \"v,a;v,a;...\")");
        }

        return MoodPath.Through(Mood(from, "--from"), Mood(to, "--to"), via.Select(v => Mood(v, "--via")));
    }

    private static MoodPoint Mood(string text, string option) => MoodPoint.TryParse(text, out MoodPoint point)
        ? point
        : throw new CliInputException($"{option} {text}: not a mood; use a name ({string.Join(", ", MoodNames.All.Keys)}) or valence,arousal on [-1, 1] such as 0.4,-0.5");

    /// <summary>Seconds of a duration: 3600, 90m, 1h30m, 45:00 or 1:15:00.</summary>
    internal static double ParseDuration(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        double seconds = 0;
        bool valid;
        if (t.Contains(':', StringComparison.Ordinal))
        {
            string[] parts = t.Split(':');
            valid = parts.Length is 2 or 3 && parts.All(p => int.TryParse(p, NumberStyles.None, C, out _));
            if (valid)
            {
                seconds = parts.Aggregate(0.0, (total, p) => (total * 60) + int.Parse(p, C));
            }
        }
        else if (double.TryParse(t, NumberStyles.Float, C, out double plain))
        {
            (valid, seconds) = (true, plain);
        }
        else
        {
            var match = System.Text.RegularExpressions.Regex.Match(t, @"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?:in)?)?(?:(\d+(?:\.\d+)?)s)?$");
            valid = match.Success && t.Length > 0;
            if (valid)
            {
                double Part(int group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, C) : 0;
                seconds = (Part(1) * 3600) + (Part(2) * 60) + Part(3);
            }
        }

        return valid && seconds > 0 && double.IsFinite(seconds) && seconds <= 7 * 24 * 3600
            ? seconds
            : throw new CliInputException($"--duration {text}: not a duration; use seconds (3600), 90m, 1h30m or 45:00 (more than 0, at most a week)");
    }

    private static string FormatOf(string? destination) => Path.GetExtension(destination ?? "").ToLowerInvariant() switch
    {
        ".m3u8" or ".m3u" => "m3u8",
        ".json" => "json",
        _ => "table",
    };

    private static async Task<string[]> IdsAsync(string[]? references, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (string reference in references ?? [])
        {
            ids.Add(await TrackReference.ResolveIdAsync(reference, cancellationToken).ConfigureAwait(false));
        }

        return ids.ToArray();
    }

    private static string Describe(MoodPath path)
    {
        IEnumerable<string> names = path.Points.Select(p => MoodNames.All.FirstOrDefault(m => m.Value == p && !m.Key.StartsWith('Q')).Key ?? p.ToString());
        return path.Points.Count <= 6 ? string.Join(" -> ", names) : $"{names.First()} -> ... -> {names.Last()} (a drawn path of {path.Points.Count} points)";
    }

    private static string Table(JourneyPlan plan, string name)
    {
        var lines = new List<string>
        {
            string.Create(C, $"journey {name}: {plan.Steps.Count} songs, {CatalogListCommand.Duration(plan.DurationSeconds)}; path error {plan.PathError:0.000}, mean hand-over jump {(double.IsNaN(plan.MeanHandOverJump) ? "-" : plan.MeanHandOverJump.ToString("0.000", C))} ({plan.EligibleTracks} songs could be planned)"),
        };
        foreach (JourneyStep step in plan.Steps)
        {
            string sound = string.Join(", ", new[] { step.TempoBpm is { } bpm ? string.Create(C, $"{bpm:0} BPM") : null, step.Key?.Name }.OfType<string>());
            lines.Add(string.Create(C, $"{step.Position + 1,3}. {CatalogListCommand.Duration(step.StartSeconds),6}  {step.SourceName} ({CatalogListCommand.Duration(step.DurationSeconds)}{(sound.Length > 0 ? "; " + sound : "")})"));
            lines.Add($"       {step.Explanation}");
            lines.Add($"       id {step.TrackId}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    internal static string Json(JourneyPlan plan) => new JsonObject
    {
        ["path"] = new JsonArray(plan.Path.Points.Select(p => (JsonNode)Point(p)).ToArray()),
        ["songs"] = plan.Steps.Count,
        ["durationSeconds"] = AnalysisJson.Round(plan.DurationSeconds),
        ["pathError"] = Number(plan.PathError),
        ["meanHandOverJump"] = Number(plan.MeanHandOverJump),
        ["maxHandOverJump"] = Number(plan.MaxHandOverJump),
        ["eligibleTracks"] = plan.EligibleTracks,
        ["staleTracks"] = plan.StaleTracks,
        ["noMusicTracks"] = plan.NoMusicTracks,
        ["shortened"] = plan.Shortened,
        ["steps"] = new JsonArray(plan.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["position"] = s.Position,
            ["id"] = s.TrackId,
            ["source"] = s.SourceName,
            ["durationSeconds"] = AnalysisJson.Round(s.DurationSeconds),
            ["startSeconds"] = AnalysisJson.Round(s.StartSeconds),
            ["pathFrom"] = AnalysisJson.Round(s.PathFrom),
            ["pathTo"] = AnalysisJson.Round(s.PathTo),
            ["head"] = Point(s.Head),
            ["tail"] = Point(s.Tail),
            ["pathError"] = Number(s.PathError),
            ["handOverJump"] = s.HandOverJump is { } j ? AnalysisJson.Round(j) : null,
            ["tempoBpm"] = s.TempoBpm is { } bpm ? AnalysisJson.Round(bpm) : null,
            ["key"] = s.Key?.Name,
            ["keyRelation"] = s.KeyRelation?.ToString().ToLowerInvariant(),
            ["liked"] = s.Liked,
            ["explanation"] = s.Explanation,
        }).ToArray()),
    }.ToJsonString(Indented);

    private static JsonObject Point(MoodPoint p) => new() { ["valence"] = AnalysisJson.Round(p.Valence), ["arousal"] = AnalysisJson.Round(p.Arousal) };

    private static JsonNode? Number(double value) => double.IsFinite(value) ? AnalysisJson.Round(value) : null;
}
