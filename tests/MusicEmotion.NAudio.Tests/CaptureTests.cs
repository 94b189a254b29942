using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Inference;
using NAudio.Wave;

namespace MusicEmotion.NAudio.Tests;

/// <summary>
/// Live capture through <see cref="IWaveIn"/>: a device double that pushes 16-bit PCM from its own thread in 100 ms
/// buffers, as WaveInEvent and WasapiCapture do (no sound hardware needed).
/// </summary>
public sealed class CaptureTests
{
    private static readonly Lazy<EmotionAnalyzer> SharedAnalyzer = new(() => EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { Describe = false }));

    [Fact]
    public async Task Live_capture_is_analysed_second_by_second_until_recording_stops()
    {
        float[] song = TestSignals.ChordsOverKick(16000, 8);
        using var device = new FakeCapture(new WaveFormat(16000, 16, 1), song, realTime: false);
        var seconds = new List<EmotionFrame>();

        // Subscribe first, then start: what the device delivers before the subscription is not seen.
        IAsyncEnumerable<EmotionFrame> live = SharedAnalyzer.Value.AnalyzeStreamingAsync(device.ToAudioInput("fake microphone"));
        device.StartRecording();
        await foreach (EmotionFrame frame in live)
        {
            seconds.Add(frame);
        }

        seconds.Select(s => s.Second).Should().Equal(Enumerable.Range(0, 8));
        EmotionAnalysis offline = await SharedAnalyzer.Value.AnalyzeAsync(AudioInput.FromSamples(new Audio.Processing.ArraySampleSource(Quantised(song), 16000), "same samples"));
        seconds.Select(s => s.Arousal).Should().Equal(offline.Timeline.Arousal);
    }

    [Fact]
    public void Reads_wait_for_the_device_and_end_when_it_stops()
    {
        float[] song = TestSignals.ChordsOverKick(8000, 1);
        using var device = new FakeCapture(new WaveFormat(8000, 16, 1), song, realTime: true);
        using ISampleSource source = device.ToSampleSource("fake");
        source.Format.Should().Be(new AudioFormat(8000, 1));

        device.StartRecording();
        float[] buffer = new float[1000];
        int total = 0, n;
        while ((n = source.Read(buffer)) > 0)
        {
            total += n;
        }

        total.Should().Be(8000);
    }

    [Fact]
    public void A_blocked_read_is_released_by_cancellation()
    {
        using var device = new FakeCapture(new WaveFormat(8000, 16, 1), [], realTime: true);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        using ISampleSource source = new CaptureSampleSource(device, "silent device", cancellation.Token);
        Action read = () => source.Read(new float[100]);
        read.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_device_error_ends_reading_with_a_typed_error()
    {
        using var device = new FakeCapture(new WaveFormat(8000, 16, 1), new float[800], realTime: false, failWith: new IOException("device unplugged"));
        using ISampleSource source = device.ToSampleSource("usb mic");
        device.StartRecording();
        Action drain = () => source.ReadAll();
        drain.Should().Throw<AudioDecoderException>().Which.Message.Should().Contain("usb mic").And.Contain("device unplugged");
    }

    private static float[] Quantised(float[] x) => x.Select(v => (short)Math.Clamp(Math.Round(v * 32767), -32768, 32767) / 32768f).ToArray();

    /// <summary>Pushes the samples as 16-bit PCM in 100 ms buffers from a background thread, then raises RecordingStopped.</summary>
    private sealed class FakeCapture(WaveFormat format, float[] samples, bool realTime, Exception? failWith = null) : IWaveIn
    {
        private Thread? _thread;

        public WaveFormat WaveFormat { get; set; } = format;

        public event EventHandler<WaveInEventArgs>? DataAvailable;

        public event EventHandler<StoppedEventArgs>? RecordingStopped;

        public void StartRecording()
        {
            _thread = new Thread(Run) { IsBackground = true };
            _thread.Start();
        }

        public void StopRecording()
        {
        }

        public void Dispose() => _thread?.Join(TimeSpan.FromSeconds(10));

        private void Run()
        {
            int block = WaveFormat.SampleRate / 10;
            for (int start = 0; start < samples.Length; start += block)
            {
                int count = Math.Min(block, samples.Length - start);
                byte[] bytes = new byte[count * 2];
                for (int i = 0; i < count; i++)
                {
                    short value = (short)Math.Clamp(Math.Round(samples[start + i] * 32767), -32768, 32767);
                    BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), value);
                }

                DataAvailable?.Invoke(this, new WaveInEventArgs(bytes, bytes.Length));
                if (realTime)
                {
                    Thread.Sleep(20);
                }
            }

            RecordingStopped?.Invoke(this, new StoppedEventArgs(failWith));
        }
    }
}
