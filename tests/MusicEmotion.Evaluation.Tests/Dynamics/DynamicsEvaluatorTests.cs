using MusicEmotion.Evaluation.Dynamics;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;

namespace MusicEmotion.Evaluation.Tests.Dynamics;

/// <summary>
/// The evaluator end to end with a real ONNX session: mean_model.onnx (Inference test fixture) reports the mean of the
/// two lowest log-mel bands over a 2-second window, so a loud low tone reads as "high arousal" and a quiet one as "low".
/// </summary>
public sealed class DynamicsEvaluatorTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private IEmotionModel MeanModel() => EmotionAnalyzer.LoadModel(new EmotionAnalyzerOptions
    {
        ModelPath = MeanModelFiles.OnnxPath,
        ModelCardPath = MeanModelFiles.WriteCard(_folder.Path),
    });

    private static byte[] Tone(double seconds, double amplitude, int sampleRate = 22050)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / sampleRate;
            samples[i] = (float)(amplitude * (Math.Sin(2 * Math.PI * 46 * t) + Math.Sin(2 * Math.PI * 93 * t)) / 2);
        }

        return TestSignals.Wav16(samples, sampleRate, 1);
    }

    /// <summary>Two quiet (Q3, Q4) and two loud (Q1, Q2) 20-second clips, plus a corrupt val clip when asked.</summary>
    private string Folder(bool withCorrupt = false)
    {
        _folder.Write("set/a.wav", Tone(20, 0.6));
        _folder.Write("set/b.wav", Tone(21, 0.5));
        _folder.Write("set/c.wav", Tone(20, 0.01));
        _folder.Write("set/d.wav", Tone(22, 0.02));
        string labels = "song,quadrant,split,audio\na,Q1,val,a.wav\nb,Q2,val,b.wav\nc,Q3,val,c.wav\nd,Q4,val,d.wav\nt,Q1,train,a.wav\n";
        if (withCorrupt)
        {
            _folder.Write("set/e.wav", [1, 2, 3, 4]);
            _folder.Write("set/f.wav", Tone(20, 0.6));
            labels += "e,Q3,val,e.wav\nf,Q1,val,f.wav\n";
        }

        _folder.WriteText("set/labels.csv", labels);
        return _folder.File("set");
    }

    [Fact]
    public async Task Follows_every_join_of_loud_and_quiet_clips_without_smoothing()
    {
        using IEmotionModel model = MeanModel();

        DynamicsReport report = await new DynamicsEvaluator(model, 2).EvaluateAsync(Folder(), "val", EmotionSmoothing.None);

        report.Joins.Should().Be(4);
        report.Results.Select(r => $"{r.First}+{r.Second}").Should().Equal("c+a", "d+b", "a+d", "b+c");
        report.Results[0].JoinSeconds.Should().BeApproximately(20.0, 1e-9);
        report.Output.DirectionRight.Should().Be(1.0);
        report.Output.MeanContrast.Should().BeGreaterThan(0.25, "about 30 dB between the halves, 0.01 per dB");
        report.Output.Should().Be(report.Unsmoothed, "no smoothing: the evaluated output is the unsmoothed one");
        report.ContrastRetained.Should().Be(1.0);
        report.Output.MedianRiseTimeSeconds.Should().BeLessThan(2.0, "a 2-second window follows a step within about a second");
        report.Smoothing.Should().Be("none");
        report.Skipped.Should().BeEmpty();
    }

    [Fact]
    public async Task Smoothing_costs_contrast_and_slows_the_rise()
    {
        using IEmotionModel model = MeanModel();

        DynamicsReport report = await new DynamicsEvaluator(model, 2).EvaluateAsync(Folder(), "val", EmotionSmoothing.HalfWindow(12));

        report.Smoothing.Should().Be("12");
        report.ContrastRetained.Should().BeLessThan(0.8);
        report.Output.MedianRiseTimeSeconds.Should().BeGreaterThan(report.Unsmoothed.MedianRiseTimeSeconds!.Value + 3);
        report.Output.DirectionRight.Should().Be(1.0);
    }

    [Fact]
    public async Task A_clip_that_cannot_be_decoded_skips_its_joins_and_the_rest_are_measured()
    {
        using IEmotionModel model = MeanModel();

        DynamicsReport report = await new DynamicsEvaluator(model, 2).EvaluateAsync(Folder(withCorrupt: true), "val", EmotionSmoothing.None);

        report.Skipped.Should().NotBeEmpty().And.OnlyContain(s => s.Clip.Contains('e'));
        report.Joins.Should().Be(6 - report.Skipped.Count);
        report.ToJson().Should().Contain("\"results\"").And.Contain("\"riseTimeSeconds\"");
    }

    [Fact]
    public async Task A_set_without_both_arousal_sides_is_refused()
    {
        using IEmotionModel model = MeanModel();
        _folder.Write("one/a.wav", Tone(20, 0.5));
        _folder.WriteText("one/labels.csv", "song,quadrant,audio\na,Q1,a.wav\n");

        Func<Task> act = () => new DynamicsEvaluator(model).EvaluateAsync(_folder.File("one"), null, EmotionSmoothing.Card);

        await act.Should().ThrowAsync<DatasetFormatException>().WithMessage("*high (Q1, Q2) and low (Q3, Q4)*");
    }
}
