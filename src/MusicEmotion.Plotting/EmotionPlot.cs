using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;
using ScottPlot;
using SkiaSharp;

namespace MusicEmotion.Plotting;

/// <summary>
/// Draws an analysis as one PNG (ScottPlot 5, headless): on top arousal and valence over time; below, the path the
/// song takes through the valence–arousal plane (x = valence, y = arousal, quadrants labelled, start and end
/// marked) beside the share of time spent in each quadrant. Thread-safe: every call draws on its own surfaces.
/// </summary>
public static class EmotionPlot
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 900;

    private static readonly Color ArousalColor = Color.FromHex("#d62728");
    private static readonly Color ValenceColor = Color.FromHex("#1f77b4");
    private static readonly Color NoMusicColor = Color.FromHex("#7f7f7f");

    /// <summary>The colour of each quadrant (Q1 … Q4).</summary>
    private static Color QuadrantColor(EmotionQuadrant q) => q switch
    {
        EmotionQuadrant.Q1 => Color.FromHex("#f0a30a"),
        EmotionQuadrant.Q2 => Color.FromHex("#d62728"),
        EmotionQuadrant.Q3 => Color.FromHex("#1f4e9c"),
        _ => Color.FromHex("#2ca02c"),
    };

    /// <summary>Smallest accepted width or height in pixels.</summary>
    public const int MinimumSize = 300;

    /// <summary>Largest accepted width or height in pixels.</summary>
    public const int MaximumSize = 4000;

    /// <summary>Renders <paramref name="analysis"/> to PNG bytes.</summary>
    /// <param name="analysis">The analysis to draw.</param>
    /// <param name="title">The title above the time plot (e.g. the file name).</param>
    /// <param name="width">Image width in pixels (<see cref="MinimumSize"/>–<see cref="MaximumSize"/>).</param>
    /// <param name="height">Image height in pixels (<see cref="MinimumSize"/>–<see cref="MaximumSize"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static byte[] RenderPng(EmotionAnalysis analysis, string title, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return RenderPng(analysis.Timeline, analysis.Summary, title, width, height);
    }

    /// <summary>Renders a stored timeline and its summary (<see cref="EmotionSummary.From"/>) to PNG bytes.</summary>
    /// <param name="timeline">Arousal and valence per second (at least one value).</param>
    /// <param name="summary">The summary of <paramref name="timeline"/>: its mean is marked and its quadrant shares drawn.</param>
    /// <param name="title">The title above the time plot (e.g. the file name).</param>
    /// <param name="width">Image width in pixels (<see cref="MinimumSize"/>–<see cref="MaximumSize"/>).</param>
    /// <param name="height">Image height in pixels (<see cref="MinimumSize"/>–<see cref="MaximumSize"/>).</param>
    /// <exception cref="ArgumentException">The timeline is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static byte[] RenderPng(EmotionTimeline timeline, EmotionSummary summary, string title, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinimumSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaximumSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, MinimumSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaximumSize);
        if (timeline.Count == 0)
        {
            throw new ArgumentException("Cannot draw an empty emotion timeline.", nameof(timeline));
        }

        int topHeight = (int)(height * 0.38);
        int planeWidth = (int)(width * 0.55);

        using Plot timelinePlot = Timeline(timeline, title);
        using Plot plane = Plane(timeline, summary);
        using Plot shares = Shares(summary.QuadrantShares);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using SKSurface surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface");
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        // Each plot fills its whole surface when it renders, so draw each on its own surface and compose.
        Compose(canvas, timelinePlot, 0, 0, width, topHeight);
        Compose(canvas, plane, 0, topHeight, planeWidth, height - topHeight);
        Compose(canvas, shares, planeWidth, topHeight, width - planeWidth, height - topHeight);
        canvas.Flush();

        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A sans-serif family that is installed (ScottPlot's own guess may be a serif fallback on Linux).</summary>
    private static readonly Lazy<string> SansFont = new(() =>
    {
        string[] installed = SKFontManager.Default.GetFontFamilies();
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "Segoe UI", "Open Sans"];
        return preferred.FirstOrDefault(f => installed.Contains(f, StringComparer.OrdinalIgnoreCase)) ?? Fonts.Sans;
    });

    private static void Compose(SKCanvas target, Plot plot, int x, int y, int width, int height)
    {
        plot.Font.Set(SansFont.Value);
        foreach (ScottPlot.Plottables.Text text in plot.GetPlottables<ScottPlot.Plottables.Text>())
        {
            text.LabelFontName = SansFont.Value;
        }

        using SKSurface surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface");
        plot.Render(surface);
        using SKImage image = surface.Snapshot();
        target.DrawImage(image, x, y);
    }

    private static Plot Timeline(EmotionTimeline t, string title)
    {
        double[] seconds = Enumerable.Range(0, t.Count).Select(i => i + 0.5).ToArray();
        var plot = new Plot();
        plot.Title(t.HasMusic ? title : title + " — no music detected", 16);
        plot.XLabel("time (m:ss)");
        plot.YLabel("value");
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);

        foreach ((int first, int stop) in Runs(t, music: false))
        {
            var shade = plot.Add.Rectangle(first, Math.Min(stop, t.DurationSeconds), -1.05, 1.05);
            shade.FillColor = NoMusicColor.WithAlpha(0.22);
            shade.LineWidth = 0;
            if (stop - first >= 4)
            {
                var label = plot.Add.Text("no music", (first + Math.Min(stop, t.DurationSeconds)) / 2, 0.9);
                label.LabelFontColor = NoMusicColor;
                label.LabelFontSize = 12;
                label.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        bool legend = true;
        foreach ((int first, int stop) in Runs(t, music: true))
        {
            double[] xs = seconds[first..stop];
            var arousal = plot.Add.ScatterLine(xs, t.Arousal.Skip(first).Take(stop - first).Select(v => (double)v).ToArray(), ArousalColor);
            arousal.LineWidth = 2;
            var valence = plot.Add.ScatterLine(xs, t.Valence.Skip(first).Take(stop - first).Select(v => (double)v).ToArray(), ValenceColor);
            valence.LineWidth = 2;
            if (legend)
            {
                arousal.LegendText = "arousal (calm − / excited +)";
                valence.LegendText = "valence (unpleasant − / pleasant +)";
                legend = false;
            }
        }

        double end = Math.Max(1, t.DurationSeconds);
        plot.Axes.SetLimits(0, end, -1.05, 1.05);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = x => PlotClock.Format(x),
            IntegerTicksOnly = true,
        };
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        plot.Axes.Right.MinimumSize = 30; // room for the last time label
        return plot;
    }

    private static Plot Plane(EmotionTimeline t, EmotionSummary summary)
    {
        var plot = new Plot();
        plot.Title("path through the valence–arousal plane", 14);
        plot.XLabel("valence");
        plot.YLabel("arousal");

        (EmotionQuadrant Q, double X, double Y)[] quadrants =
        [
            (EmotionQuadrant.Q1, 0.5, 0.5), (EmotionQuadrant.Q2, -0.5, 0.5), (EmotionQuadrant.Q3, -0.5, -0.5), (EmotionQuadrant.Q4, 0.5, -0.5),
        ];
        foreach (var (q, x, y) in quadrants)
        {
            var area = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
            area.FillColor = QuadrantColor(q).WithAlpha(0.08);
            area.LineWidth = 0;
            var label = plot.Add.Text($"{q} {ArousalValence.QuadrantName(q)}", x, y > 0 ? 0.93 : -0.93);
            label.LabelFontSize = 13;
            label.LabelBold = true;
            label.LabelFontColor = QuadrantColor(q).WithAlpha(0.85);
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Add.VerticalLine(0, 1, Colors.Gray);

        if (summary.Arousal is null || summary.Valence is null)
        {
            var none = plot.Add.Text("no music detected", 0, 0);
            none.LabelFontSize = 18;
            none.LabelFontColor = NoMusicColor;
            none.LabelAlignment = Alignment.MiddleCenter;
        }
        else
        {
            foreach ((int first, int stop) in Runs(t, music: true))
            {
                double[] runX = t.Valence.Skip(first).Take(stop - first).Select(v => (double)v).ToArray();
                double[] runY = t.Arousal.Skip(first).Take(stop - first).Select(v => (double)v).ToArray();
                var path = plot.Add.Scatter(runX, runY, Colors.Black.WithAlpha(0.55));
                path.LineWidth = 1.5f;
                path.MarkerSize = 3;
            }

            int firstMusic = t.MusicSeconds[0], lastMusic = t.MusicSeconds[^1];
            var start = plot.Add.Marker(t.Valence[firstMusic], t.Arousal[firstMusic], MarkerShape.FilledCircle, 14, Color.FromHex("#2ca02c"));
            start.LegendText = "start";
            var finish = plot.Add.Marker(t.Valence[lastMusic], t.Arousal[lastMusic], MarkerShape.FilledSquare, 14, Color.FromHex("#9467bd"));
            finish.LegendText = "end";
            var mean = plot.Add.Marker(summary.Valence.Mean, summary.Arousal.Mean, MarkerShape.Cross, 16, Colors.Black);
            mean.LineWidth = 3;
            mean.LegendText = "mean";
        }

        plot.Axes.SetLimits(-1.08, 1.08, -1.08, 1.08); // a margin so markers at ±1 are not cut
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The runs [first, end) of consecutive seconds that hold music (or, with <paramref name="music"/> false, that do not).</summary>
    private static IEnumerable<(int First, int End)> Runs(EmotionTimeline t, bool music)
    {
        int i = 0;
        while (i < t.Count)
        {
            if (t.IsMusic(i) != music)
            {
                i++;
                continue;
            }

            int first = i;
            while (i < t.Count && t.IsMusic(i) == music)
            {
                i++;
            }

            yield return (first, i);
        }
    }

    private static Plot Shares(QuadrantShares shares)
    {
        var plot = new Plot();
        plot.Title("time in each quadrant", 14);
        plot.YLabel("share of seconds (%)");
        EmotionQuadrant[] quadrants = Enum.GetValues<EmotionQuadrant>();
        var bars = quadrants.Select((q, i) => new Bar
        {
            Position = i,
            Value = shares[q] * 100,
            FillColor = QuadrantColor(q),
            Label = $"{shares[q] * 100:0}%",
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks(
            quadrants.Select((_, i) => (double)i).ToArray(),
            quadrants.Select(q => $"{q}\n{ArousalValence.QuadrantName(q)}").ToArray());
        plot.Axes.SetLimits(-0.6, quadrants.Length - 0.4, 0, 110);
        return plot;
    }
}
