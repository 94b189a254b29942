using MusicEmotion.Audio;
using MusicEmotion.Inference;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace MusicEmotion.NAudio.Tests;

/// <summary>EmotionAnalyzer fed directly from NAudio, with the shipped model: same results as from a file, streaming, cancellable.</summary>
public sealed class AnalyzerTests : IDisposable
{
    private static readonly Lazy<EmotionAnalyzer> SharedAnalyzer = new(() => EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false }));
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static EmotionAnalyzer Analyzer => SharedAnalyzer.Value;

    [Fact]
    public async Task A_wave_stream_analyses_exactly_like_the_file()
    {
        string wav = _dir.Write("song.wav", PcmWav.Encode16(PcmWav.Interleave(TestSignals.ChordsOverKick(44100, 20), 2), 44100, 2));
        EmotionAnalysis fromFile = await Analyzer.AnalyzeAsync(wav);

        using var reader = new WaveFileReader(wav);
        EmotionAnalysis fromStream = await Analyzer.AnalyzeAsync(reader.ToAudioInput("song.wav"));
        reader.Position = 0;
        EmotionAnalysis fromSource = await Analyzer.AnalyzeAsync(AudioInput.FromSamples(reader.ToSampleSource("song.wav"), "song.wav"));
        reader.Position = 0;
        EmotionAnalysis fromProvider = await Analyzer.AnalyzeAsync(reader.ToSampleProvider().ToAudioInput("song.wav"));

        foreach (EmotionAnalysis fromNAudio in new[] { fromStream, fromSource, fromProvider })
        {
            fromNAudio.Timeline.Arousal.Should().Equal(fromFile.Timeline.Arousal);
            fromNAudio.Timeline.Valence.Should().Equal(fromFile.Timeline.Valence);
            fromNAudio.DurationSeconds.Should().Be(fromFile.DurationSeconds);
            fromNAudio.Source.Should().Be("song.wav");
        }
    }

    [Fact]
    public async Task A_provider_chain_analyses_like_the_same_samples_in_memory()
    {
        float[] song = TestSignals.ChordsOverKick(22050, 15);
        ISampleProvider chain = new VolumeSampleProvider(new ArrayProvider(song, 22050)) { Volume = 1f };
        EmotionAnalysis fromNAudio = await Analyzer.AnalyzeAsync(chain.ToAudioInput("chain"));
        EmotionAnalysis fromArray = await Analyzer.AnalyzeAsync(AudioInput.FromSamples(new Audio.Processing.ArraySampleSource(song, 22050), "array"));

        fromNAudio.Timeline.Count.Should().Be(15);
        fromNAudio.Timeline.Arousal.Should().Equal(fromArray.Timeline.Arousal);
        fromNAudio.Timeline.Valence.Should().Equal(fromArray.Timeline.Valence);
    }

    [Fact]
    public async Task An_endless_provider_streams_one_value_per_second_until_cancelled()
    {
        var endless = new MixingSampleProvider(WaveFormat.CreateIeeeFloatWaveFormat(44100, 2)) { ReadFully = true };
        endless.AddMixerInput(new SignalGenerator(44100, 2) { Frequency = 330, Gain = 0.3, Type = SignalGeneratorType.Sin });
        using var cancellation = new CancellationTokenSource();
        var seconds = new List<int>();

        Func<Task> follow = async () =>
        {
            await foreach (EmotionFrame frame in Analyzer.AnalyzeStreamingAsync(endless.ToAudioInput("endless", cancellation.Token), cancellationToken: cancellation.Token))
            {
                seconds.Add(frame.Second);
                if (seconds.Count == 12)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await follow.Should().ThrowAsync<OperationCanceledException>();
        // The producer runs ahead of the reader, but nothing it queued is handed out after the token fired.
        seconds.Should().HaveCount(12);
        seconds.Should().Equal(Enumerable.Range(0, seconds.Count));
    }

    [Fact]
    public async Task Analysing_an_endless_provider_is_stopped_by_its_token()
    {
        var endless = new SignalGenerator(22050, 1) { Frequency = 200, Gain = 0.3 };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Func<Task> analyse = () => Analyzer.AnalyzeAsync(endless.ToAudioInput("endless", cancellation.Token), cancellationToken: cancellation.Token);
        await analyse.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_empty_provider_is_a_typed_error()
    {
        Func<Task> analyse = () => Analyzer.AnalyzeAsync(new ArrayProvider([], 22050).ToAudioInput("silence.raw"));
        (await analyse.Should().ThrowAsync<AudioFormatException>()).Which.Message.Should().Contain("silence.raw");
    }

    private sealed class ArrayProvider(float[] samples, int rate) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(rate, 1);

        public int Read(Span<float> buffer)
        {
            int n = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
