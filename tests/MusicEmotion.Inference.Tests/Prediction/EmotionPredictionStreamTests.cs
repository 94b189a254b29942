using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;
using MusicEmotion.Inference.Prediction;
using MusicEmotion.Inference.Tests.Models;

namespace MusicEmotion.Inference.Tests.Prediction;

public sealed class EmotionPredictionStreamTests : IDisposable
{
    private readonly OnnxEmotionModel _model = TestModels.LoadMean(TestModels.MeanCard(seconds: 3.0, mapping: TestModels.DecibelMapping, batchSize: 4));

    public void Dispose() => _model.Dispose();

    /// <summary>What the stream must report: mean of columns 0/1 over each second's window of the whole feature matrix.</summary>
    private static ArousalValence[] Direct(ModelCard card, float[] samples)
    {
        var features = new FeatureRecipeStream(card.Features);
        var sink = new FeatureMatrixSink(features.Width, features.FeatureNames, card.Features.Settings.FrameRate);
        features.Push(samples, sink);
        features.Complete(sink);
        FeatureMatrix matrix = sink.ToMatrix();
        var windows = new SecondWindows(card.WindowFrames, card.Features.Settings.FrameRate);
        int seconds = SecondWindows.SecondCount(samples.Length, card.Features.Settings.SampleRate);
        var expected = new ArousalValence[seconds];
        for (int s = 0; s < seconds; s++)
        {
            (long start, int length) = windows.Window(s, matrix.Frames);
            double a = 0, v = 0;
            for (int f = (int)start; f < start + length; f++)
            {
                a += matrix.Row(f)[0];
                v += matrix.Row(f)[1];
            }

            expected[s] = new ArousalValence(card.Output.Mapping.Apply(0, (float)(a / length)), card.Output.Mapping.Apply(1, (float)(v / length)));
        }

        return expected;
    }

    private static List<ArousalValence> Run(IEmotionModel model, float[] samples, int chunk, List<int>? reportedAfterPush = null)
    {
        var stream = new EmotionPredictionStream(model);
        var sink = new RecordingSink();
        for (int i = 0; i < samples.Length; i += chunk)
        {
            stream.Push(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)), sink);
            reportedAfterPush?.Add(stream.SecondsReported);
            sink.Values.Should().HaveCount(stream.SecondsReported);
        }

        stream.Complete(sink);
        stream.SamplesPushed.Should().Be(samples.Length);
        stream.SecondsReported.Should().Be(sink.Values.Count);
        return sink.Values;
    }

    private sealed class RecordingSink : IEmotionSecondSink
    {
        public List<ArousalValence> Values { get; } = [];

        public void OnSecond(in EmotionFrame frame)
        {
            frame.Second.Should().Be(Values.Count, "seconds arrive in order, once each");
            Values.Add(new ArousalValence(frame.Arousal, frame.Valence));
        }
    }

    private sealed class CountingSink : IEmotionSecondSink
    {
        public int Count;
        public double Sum;

        public void OnSecond(in EmotionFrame frame)
        {
            Count++;
            Sum += frame.Arousal;
        }
    }

    [Fact]
    public void Per_second_values_equal_a_direct_computation_on_the_whole_matrix()
    {
        float[] samples = TestSignals.Mono(12.3, 22050, seed: 2);
        ArousalValence[] expected = Direct(_model.Card, samples);

        List<ArousalValence> actual = Run(_model, samples, chunk: 32768);

        expected.Should().HaveCount(13);
        actual.Should().HaveCount(13);
        for (int s = 0; s < expected.Length; s++)
        {
            actual[s].Arousal.Should().BeApproximately(expected[s].Arousal, 1e-5f, $"arousal of second {s}");
            actual[s].Valence.Should().BeApproximately(expected[s].Valence, 1e-5f, $"valence of second {s}");
        }

        // The mapping keeps the test meaningful: values are not clamped and differ from second to second.
        actual.Should().OnlyContain(v => Math.Abs(v.Arousal) < 0.99f && Math.Abs(v.Valence) < 0.99f);
        (actual.Max(v => v.Arousal) - actual.Min(v => v.Arousal)).Should().BeGreaterThan(0.02f);
        (actual.Max(v => v.Valence) - actual.Min(v => v.Valence)).Should().BeGreaterThan(0.02f);
    }

    [Fact]
    public void Results_do_not_depend_on_the_push_chunk_size()
    {
        // One window per model call, so the comparison sees only the stream's framing and windowing (ONNX Runtime may
        // round differently for different batch shapes; that is covered with a tolerance below).
        using OnnxEmotionModel single = TestModels.LoadMean(TestModels.MeanCard(seconds: 3.0, mapping: TestModels.DecibelMapping, batchSize: 1));
        float[] samples = TestSignals.Mono(7.6, 22050, seed: 3);
        List<ArousalValence> reference = Run(single, samples, chunk: samples.Length);

        foreach (int chunk in new[] { 1, 511, 4096, 100_000 })
        {
            Run(single, samples, chunk).Should().Equal(reference, $"chunk size {chunk}");
        }

        foreach (int chunk in new[] { 1, 4096 })
        {
            List<ArousalValence> batched = Run(_model, samples, chunk);
            batched.Should().HaveCount(reference.Count);
            for (int s = 0; s < reference.Count; s++)
            {
                batched[s].Arousal.Should().BeApproximately(reference[s].Arousal, 1e-6f, $"chunk {chunk}, second {s}");
                batched[s].Valence.Should().BeApproximately(reference[s].Valence, 1e-6f, $"chunk {chunk}, second {s}");
            }
        }
    }

    [Fact]
    public void Batch_size_does_not_change_the_results()
    {
        float[] samples = TestSignals.Mono(9.2, 22050, seed: 4);
        using OnnxEmotionModel one = TestModels.LoadMean(TestModels.MeanCard(seconds: 3.0, mapping: TestModels.DecibelMapping, batchSize: 1));
        using OnnxEmotionModel many = TestModels.LoadMean(TestModels.MeanCard(seconds: 3.0, mapping: TestModels.DecibelMapping, batchSize: 64));

        List<ArousalValence> a = Run(one, samples, chunk: samples.Length);
        List<ArousalValence> b = Run(many, samples, chunk: 1000);

        a.Should().HaveCount(10);
        for (int s = 0; s < a.Count; s++)
        {
            b[s].Arousal.Should().BeApproximately(a[s].Arousal, 1e-6f);
            b[s].Valence.Should().BeApproximately(a[s].Valence, 1e-6f);
        }
    }

    [Fact]
    public void Seconds_are_reported_while_streaming()
    {
        float[] samples = TestSignals.Mono(30, 22050, seed: 5);
        var reported = new List<int>();

        List<ArousalValence> values = Run(_model, samples, chunk: 4096, reportedAfterPush: reported);

        values.Should().HaveCount(30);
        reported.Should().BeInAscendingOrder();
        // After 10 s of audio, seconds 0..6 at least are final (each needs its window's end plus the STFT's half frame, and
        // whether the seconds its window reaches hold music: the detector looks two seconds ahead).
        int pushesFor10Seconds = (10 * 22050) / 4096;
        reported[pushesFor10Seconds - 1].Should().BeGreaterThanOrEqualTo(7);
        // Before Complete, all but the last couple of seconds are out.
        reported[^1].Should().BeInRange(25, 29);
    }

    [Fact]
    public void Short_audio_gives_one_value_over_all_its_frames()
    {
        float[] samples = TestSignals.Mono(0.4, 22050, seed: 6);
        ArousalValence[] expected = Direct(_model.Card, samples);

        List<ArousalValence> actual = Run(_model, samples, chunk: 1000);

        actual.Should().ContainSingle();
        expected.Should().ContainSingle();
        actual[0].Arousal.Should().BeApproximately(expected[0].Arousal, 1e-5f);
        actual[0].Valence.Should().BeApproximately(expected[0].Valence, 1e-5f);
    }

    [Fact]
    public void Audio_slightly_longer_than_a_window_uses_shifted_full_windows()
    {
        float[] samples = TestSignals.Mono(3.2, 22050, seed: 7); // 138 frames, 129-frame windows
        ArousalValence[] expected = Direct(_model.Card, samples);

        List<ArousalValence> actual = Run(_model, samples, chunk: 2048);

        actual.Should().HaveCount(4);
        for (int s = 0; s < 4; s++)
        {
            actual[s].Arousal.Should().BeApproximately(expected[s].Arousal, 1e-5f);
        }
    }

    [Fact]
    public void No_samples_gives_no_values_and_the_stream_closes()
    {
        var stream = new EmotionPredictionStream(_model);
        var sink = new RecordingSink();

        stream.Complete(sink);

        sink.Values.Should().BeEmpty();
        stream.SampleRate.Should().Be(22050);
        FluentActions.Invoking(() => stream.Push(new float[10], sink)).Should().Throw<ObjectDisposedException>();
        FluentActions.Invoking(() => stream.Complete(sink)).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Streaming_twenty_minutes_keeps_memory_bounded()
    {
        const int rate = 22050;
        const long total = 20L * 60 * rate;
        float[] period = TestSignals.Mono(10, rate, seed: 8); // looped
        float[] chunk = new float[1 << 15];
        var sink = new CountingSink();
        var stream = new EmotionPredictionStream(_model);
        long matrixBytes = FeatureRecipe.CreateDefault().Settings.FrameCount(total) * 85L * sizeof(float);

        long before = GC.GetAllocatedBytesForCurrentThread();
        long position = 0;
        while (position < total)
        {
            int n = (int)Math.Min(chunk.Length, total - position);
            for (int i = 0; i < n; i++)
            {
                chunk[i] = period[(position + i) % period.Length];
            }

            stream.Push(chunk.AsSpan(0, n), sink);
            position += n;
        }

        stream.Complete(sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        sink.Count.Should().Be(1200);
        double.IsFinite(sink.Sum).Should().BeTrue();
        matrixBytes.Should().BeGreaterThan(17_000_000); // 51 681 frames × 85 × 4
        allocated.Should().BeLessThan(matrixBytes / 4, $"streaming allocated {allocated:N0} bytes; the feature matrix alone would be {matrixBytes:N0}");
    }
}
