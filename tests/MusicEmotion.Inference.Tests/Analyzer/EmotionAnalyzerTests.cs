using Microsoft.Extensions.DependencyInjection;
using MusicEmotion.Audio;
using MusicEmotion.Inference.Description;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Prediction;
using MusicEmotion.Inference.Tests.Models;

namespace MusicEmotion.Inference.Tests.Analyzer;

/// <summary>The facade with the shipped model (embedded in the package) on generated audio.</summary>
public sealed class EmotionAnalyzerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mer-analyzer-" + Guid.NewGuid().ToString("N"));

    public EmotionAnalyzerTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Wav(string name, double seconds, int sampleRate = 44100, int channels = 2, int seed = 0)
    {
        string path = Path.Combine(_dir, name);
        float[] mono = TestSignals.Mono(seconds, sampleRate, seed);
        File.WriteAllBytes(path, TestSignals.Wav16(MusicEmotion.Tests.Shared.PcmWav.Interleave(mono, channels), sampleRate, channels));
        return path;
    }

    [Fact]
    public async Task Analysis_has_one_value_per_started_second_a_vector_a_summary_and_a_description()
    {
        string path = Wav("song.wav", 12.5);
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { VectorLength = 30 });

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path);

        analysis.Timeline.Count.Should().Be(13, "12.5 s: every started second gets a value");
        analysis.DurationSeconds.Should().BeApproximately(12.5, 1e-3);
        analysis.Vector.Length.Should().Be(30);
        analysis.Summary.Seconds.Should().Be(13);
        analysis.Description.Should().NotBeNullOrWhiteSpace();
        analysis.ModelName.Should().Be(analyzer.Model.Card.Name);
        analysis.Timeline.Arousal.Concat(analysis.Timeline.Valence).Should().OnlyContain(v => v >= -1 && v <= 1);
    }

    [Fact]
    public async Task Per_call_options_override_the_analyser_options()
    {
        string path = Wav("song.wav", 6);
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(path, new AnalysisCallOptions { VectorLength = 7, Describe = false });

        analysis.Vector.Length.Should().Be(7);
        analysis.Description.Should().BeNull();
        Func<Task> bad = () => analyzer.AnalyzeAsync(path, new AnalysisCallOptions { VectorLength = 0 });
        await bad.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Smoothing_is_chosen_per_analyser_and_per_call_and_applies_to_streaming_too()
    {
        string path = Wav("varying.wav", 30, sampleRate: 22050, channels: 1);
        ModelCard baseCard = TestModels.MeanCard(seconds: 2.0, mapping: TestModels.DecibelMapping);
        ModelCard card = baseCard with { Smoothing = EmotionSmoothing.HalfWindow(6, 0.0, 0.5) };
        using OnnxEmotionModel model = TestModels.LoadMean(card);
        using var raw = new EmotionAnalyzer(model, options: new EmotionAnalyzerOptions { Smoothing = EmotionSmoothing.None, Describe = false });
        using var byCard = new EmotionAnalyzer(model, options: new EmotionAnalyzerOptions { Describe = false });

        ArousalValence[] unsmoothed = Values((await raw.AnalyzeAsync(path)).Timeline);
        ArousalValence[] cardSmoothed = Values((await byCard.AnalyzeAsync(path)).Timeline);
        ArousalValence[] perCall = Values((await raw.AnalyzeAsync(path, new AnalysisCallOptions { Smoothing = EmotionSmoothing.HalfWindow(2) })).Timeline);
        ArousalValence[] perCallNone = Values((await byCard.AnalyzeAsync(path, new AnalysisCallOptions { Smoothing = EmotionSmoothing.None })).Timeline);

        unsmoothed.Select(v => v.Arousal).Distinct().Should().HaveCountGreaterThan(10, "the test signal changes from second to second");
        cardSmoothed.Should().Equal(TemporalSmoother.Apply(unsmoothed, 6, 0.0, 0.5), "the default is the card's smoothing");
        cardSmoothed.Should().NotEqual(unsmoothed);
        perCall.Should().Equal(TemporalSmoother.Apply(unsmoothed, 2, 0.0, 0.0), "a per-call half-window overrides the analyser's none");
        perCallNone.Should().Equal(unsmoothed, "a per-call none overrides the card");

        var streamed = new List<ArousalValence>();
        await foreach (EmotionFrame frame in byCard.AnalyzeStreamingAsync(path, new AnalysisCallOptions { Smoothing = EmotionSmoothing.HalfWindow(2) }))
        {
            streamed.Add(new ArousalValence(frame.Arousal, frame.Valence));
        }

        streamed.Should().HaveCount(perCall.Length);
        for (int i = 0; i < streamed.Count; i++)
        {
            streamed[i].Arousal.Should().BeApproximately(perCall[i].Arousal, 1e-5f);
            streamed[i].Valence.Should().BeApproximately(perCall[i].Valence, 1e-5f);
        }

        static ArousalValence[] Values(EmotionTimeline t) => Enumerable.Range(0, t.Count).Select(i => t[i]).ToArray();
    }

    [Fact]
    public void Options_without_a_smoothing_are_rejected()
    {
        Action validate = () => new EmotionAnalyzerOptions { Smoothing = null! }.Validate();
        validate.Should().Throw<ArgumentException>().WithMessage("*Smoothing*");
    }

    [Fact]
    public async Task Stream_input_gives_the_same_timeline_as_the_file()
    {
        string path = Wav("song.wav", 8);
        using var analyzer = EmotionAnalyzer.CreateDefault();

        EmotionAnalysis fromFile = await analyzer.AnalyzeAsync(path);
        EmotionAnalysis fromStream = await analyzer.AnalyzeAsync(AudioInput.FromStream(new MemoryStream(File.ReadAllBytes(path)), "upload.wav"));

        fromStream.Source.Should().Be("upload.wav");
        fromStream.Timeline.Arousal.Should().Equal(fromFile.Timeline.Arousal);
        fromStream.Timeline.Valence.Should().Equal(fromFile.Timeline.Valence);
    }

    [Fact]
    public async Task Streaming_yields_every_second_in_order_matching_the_whole_analysis()
    {
        string path = Wav("long.wav", 40, sampleRate: 22050, channels: 1);
        using var analyzer = EmotionAnalyzer.CreateDefault();
        EmotionAnalysis whole = await analyzer.AnalyzeAsync(path);

        var frames = new List<EmotionFrame>();
        await foreach (EmotionFrame frame in analyzer.AnalyzeStreamingAsync(path))
        {
            frames.Add(frame);
        }

        frames.Select(f => f.Second).Should().Equal(Enumerable.Range(0, 40));
        // Tolerance 1e-5: batching differs between the two paths, and ONNX Runtime's sums depend on the batch shape.
        for (int i = 0; i < frames.Count; i++)
        {
            frames[i].Arousal.Should().BeApproximately(whole.Timeline.Arousal[i], 1e-5f);
            frames[i].Valence.Should().BeApproximately(whole.Timeline.Valence[i], 1e-5f);
        }
    }

    [Fact]
    public async Task Streaming_a_bad_file_raises_a_typed_error_while_enumerating()
    {
        string path = Path.Combine(_dir, "bad.wav");
        File.WriteAllBytes(path, "RIFF\0\0\0\0WAVEjunk"u8.ToArray());
        using var analyzer = EmotionAnalyzer.CreateDefault();

        Func<Task> enumerate = async () =>
        {
            await foreach (EmotionFrame _ in analyzer.AnalyzeStreamingAsync(path))
            {
            }
        };

        await enumerate.Should().ThrowAsync<AudioFormatException>().WithMessage($"{path}*");
    }

    [Fact]
    public async Task Batch_reports_a_failing_file_with_its_typed_error_and_analyses_the_rest()
    {
        string[] files =
        [
            Wav("a.wav", 5, seed: 1),
            Path.Combine(_dir, "missing.mp3"),
            Wav("b.wav", 6, seed: 2),
            Wav("c.wav", 4, seed: 3),
        ];
        File.WriteAllBytes(Path.Combine(_dir, "corrupt.wav"), [1, 2, 3]);
        files = [.. files, Path.Combine(_dir, "corrupt.wav")];
        using var analyzer = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { MaxConcurrency = 2 });

        var items = new List<EmotionBatchItem>();
        await foreach (EmotionBatchItem item in analyzer.AnalyzeManyAsync(files.Select(AudioInput.FromFile), new AnalysisCallOptions { Describe = false }))
        {
            items.Add(item);
        }

        items.Should().HaveCount(5);
        items.Select(i => i.Index).Should().BeEquivalentTo(Enumerable.Range(0, 5));
        items.Where(i => i.Succeeded).Select(i => i.Source).Should().BeEquivalentTo([files[0], files[2], files[3]]);
        items.Single(i => i.Source == files[1]).Error.Should().BeOfType<AudioSourceNotFoundException>()
            .Which.Kind.Should().Be(MusicEmotionErrorKind.Input);
        items.Single(i => i.Source == files[4]).Error!.Message.Should().Contain("corrupt.wav");
        items.Single(i => i.Source == files[2]).Analysis!.Timeline.Count.Should().Be(6);
        items.Single(i => i.Source == files[2]).Analysis!.Description.Should().BeNull("the per-call options apply to every song");
    }

    [Fact]
    public async Task A_batch_refuses_an_observer_and_a_stream_input_is_read_once()
    {
        string path = Wav("once.wav", 3);
        using var analyzer = EmotionAnalyzer.CreateDefault();

        FluentActions.Invoking(() => analyzer.AnalyzeManyAsync([path], new AnalysisCallOptions { Observer = new NullObserver() }))
            .Should().Throw<ArgumentException>().WithMessage("*observer*");
        var stream = new TrackingStream(File.ReadAllBytes(path));
        AudioInput input = AudioInput.FromStream(stream, "upload.wav");
        (await analyzer.AnalyzeAsync(input)).Source.Should().Be("upload.wav");
        stream.Disposed.Should().BeTrue("the analysis that reads a stream disposes it");
        await FluentActions.Awaiting(() => analyzer.AnalyzeAsync(input)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*once*");
    }

    [Fact]
    public async Task Bad_call_options_and_cancellation_before_the_start_still_dispose_a_stream()
    {
        string path = Wav("disposed.wav", 3);
        using var analyzer = EmotionAnalyzer.CreateDefault();
        var refused = new TrackingStream(File.ReadAllBytes(path));
        var cancelled = new TrackingStream(File.ReadAllBytes(path));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => analyzer.AnalyzeAsync(AudioInput.FromStream(refused, "a"), new AnalysisCallOptions { VectorLength = 0 }))
            .Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => analyzer.AnalyzeAsync(AudioInput.FromStream(cancelled, "b"), cancellationToken: cts.Token))
            .Should().ThrowAsync<OperationCanceledException>();

        refused.Disposed.Should().BeTrue();
        cancelled.Disposed.Should().BeTrue();
    }

    private sealed class TrackingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task An_observer_sees_the_kinds_it_asks_for_beside_the_recipe_and_the_model_never_does()
    {
        string path = Wav("extra.wav", 6);
        using var analyzer = EmotionAnalyzer.CreateDefault();
        var observer = new ExtraKindObserver(["mfcc", "logMel"]); // logMel is the recipe's own: not added twice

        EmotionAnalysis observed = await analyzer.AnalyzeAsync(path, new AnalysisCallOptions { Observer = observer });
        EmotionAnalysis plain = await analyzer.AnalyzeAsync(path);

        IReadOnlyList<string> recipe = analyzer.Model.Card.Features.Kinds;
        observer.Layout!.Kinds.Should().Equal([.. recipe, "mfcc"]);
        observer.Recipe!.Kinds.Should().Equal(observer.Layout.Kinds);
        observed.Timeline.Arousal.Should().Equal(plain.Timeline.Arousal, "the model reads its own columns only");
        observed.Timeline.Valence.Should().Equal(plain.Timeline.Valence);
        MusicEmotion.Features.FeatureMatrix mfcc = MusicEmotion.Features.Extraction.FeatureExtractorFactory.Create(MusicEmotion.Features.FeatureKind.Mfcc, analyzer.Model.Card.Features.Settings)
            .Extract(observer.Samples.ToArray());
        int offset = observer.Layout.OffsetOf("mfcc");
        observer.Rows.Should().HaveCount(mfcc.Frames);
        for (int f = 0; f < mfcc.Frames; f += 37)
        {
            observer.Rows[f].Should().HaveCount(observer.Layout.Width);
            observer.Rows[f].Skip(offset).Should().Equal(mfcc.Row(f).ToArray(), "the extra kind's columns are the kind's own, computed from the same samples");
        }
    }

    private sealed class ExtraKindObserver(IReadOnlyList<string> extra) : IFeatureFrameObserver
    {
        public FeatureRecipe? Recipe { get; private set; }

        public FeatureRecipeLayout? Layout { get; private set; }

        public List<float> Samples { get; } = [];

        public List<float[]> Rows { get; } = [];

        public IReadOnlyList<string> AdditionalKinds(FeatureRecipe recipe, MusicEmotion.Features.FeatureKindRegistry kinds) => extra;

        public void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout) => (Recipe, Layout) = (recipe, layout);

        public void OnSamples(ReadOnlySpan<float> samples) => Samples.AddRange(samples);

        public void OnFrame(long frameIndex, ReadOnlySpan<float> row) => Rows.Add(row.ToArray());

        public void OnComplete(long totalSamples)
        {
        }
    }

    private sealed class NullObserver : IFeatureFrameObserver
    {
        public void OnStart(FeatureRecipe recipe, FeatureRecipeLayout layout)
        {
        }

        public void OnSamples(ReadOnlySpan<float> samples)
        {
        }

        public void OnFrame(long frameIndex, ReadOnlySpan<float> row)
        {
        }

        public void OnComplete(long totalSamples)
        {
        }
    }

    [Fact]
    public async Task Dependency_injection_registers_a_shared_analyser_configured_by_options()
    {
        var services = new ServiceCollection();
        services.AddMusicEmotion(o =>
        {
            o.VectorLength = 12;
            o.Describe = false;
        });
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        var analyzer = provider.GetRequiredService<EmotionAnalyzer>();
        provider.GetRequiredService<EmotionAnalyzer>().Should().BeSameAs(analyzer);
        provider.GetRequiredService<IEmotionDescriber>().Should().BeOfType<RuleBasedEmotionDescriber>();

        EmotionAnalysis analysis = await analyzer.AnalyzeAsync(Wav("di.wav", 3));
        analysis.Vector.Length.Should().Be(12);
        analysis.Description.Should().BeNull();
    }

    [Fact]
    public void Dependency_injection_rejects_invalid_options_when_the_analyser_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddMusicEmotion(o => o.ModelPath = "only-a-model.onnx");
        using ServiceProvider provider = services.BuildServiceProvider();

        Action resolve = () => provider.GetRequiredService<EmotionAnalyzer>();

        resolve.Should().Throw<Exception>().Which.Message.Should().Contain("ModelCardPath");
    }
}
