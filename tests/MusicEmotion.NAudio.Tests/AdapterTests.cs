using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace MusicEmotion.NAudio.Tests;

/// <summary>The adapters both ways, on real NAudio types (WaveFileReader, WaveFileWriter, SignalGenerator, MixingSampleProvider).</summary>
public sealed class AdapterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_wave_stream_reads_the_same_samples_as_the_managed_wav_decoder()
    {
        float[] song = TestSignals.ChordsOverKick(44100, 3);
        string wav = _dir.Write("song.wav", PcmWav.Encode16(PcmWav.Interleave(song, 2), 44100, 2));

        using var reader = new WaveFileReader(wav);
        using ISampleSource viaNAudio = reader.ToSampleSource("song.wav");
        using ISampleSource managed = AudioLoader.Default.Open(wav);

        viaNAudio.Format.Should().Be(managed.Format);
        viaNAudio.LengthInFrames.Should().Be(managed.LengthInFrames);
        viaNAudio.ReadAll().Should().Equal(managed.ReadAll());
    }

    [Fact]
    public void Decoded_and_resampled_audio_feeds_naudios_wave_file_writer()
    {
        float[] song = TestSignals.ChordsOverKick(44100, 2);
        string wav = _dir.Write("song.wav", PcmWav.Encode16(PcmWav.Interleave(song, 2), 44100, 2));
        string written = _dir.File("mono22k.wav");

        float[] expected;
        using (ISampleSource source = AudioLoader.Default.Open(wav).ToMonoAt(22050))
        {
            expected = source.ReadAll();
        }

        using (SampleSourceProvider provider = AudioLoader.Default.Open(wav).ToMonoAt(22050).ToSampleProvider())
        {
            provider.WaveFormat.Encoding.Should().Be(WaveFormatEncoding.IeeeFloat);
            provider.WaveFormat.SampleRate.Should().Be(22050);
            provider.WaveFormat.Channels.Should().Be(1);
            WaveFileWriter.CreateWaveFile16(written, provider);
        }

        using ISampleSource back = AudioLoader.Default.Open(written);
        back.Format.Should().Be(new AudioFormat(22050, 1));
        float[] actual = back.ReadAll();
        actual.Length.Should().Be(expected.Length);
        actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max().Should().BeLessThanOrEqualTo(2f / 32768, "16-bit quantisation only (NAudio scales by 32767 and truncates)");
    }

    [Fact]
    public void A_mixer_chain_is_a_sample_source_with_its_format()
    {
        var mixer = new MixingSampleProvider(WaveFormat.CreateIeeeFloatWaveFormat(48000, 2));
        mixer.AddMixerInput(new SignalGenerator(48000, 2) { Frequency = 440, Gain = 0.2, Type = SignalGeneratorType.Sin }.Take(TimeSpan.FromSeconds(1)));
        mixer.AddMixerInput(new SignalGenerator(48000, 2) { Frequency = 660, Gain = 0.2, Type = SignalGeneratorType.Sin }.Take(TimeSpan.FromSeconds(1)));

        using ISampleSource source = mixer.ToSampleSource("mixer");
        source.Format.Should().Be(new AudioFormat(48000, 2));
        source.LengthInFrames.Should().BeNull();
        float[] all = source.ReadAll();
        all.Length.Should().Be(48000 * 2);
        all.Max().Should().BeInRange(0.3f, 0.41f);
    }

    [Fact]
    public void Reads_stop_when_the_token_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        using ISampleSource endless = new SignalGenerator(22050, 1).ToSampleSource("generator", cancellation.Token);
        float[] buffer = new float[1024];
        endless.Read(buffer).Should().Be(1024);
        cancellation.Cancel();
        Action read = () => endless.Read(buffer);
        read.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void A_failing_provider_becomes_a_typed_error_naming_the_source()
    {
        using ISampleSource source = new ThrowingProvider().ToSampleSource("broken chain");
        Action read = () => source.Read(new float[64]);
        read.Should().Throw<AudioDecoderException>().Which.Message.Should().Contain("broken chain").And.Contain("NAudio source failed");
    }

    [Fact]
    public void Partial_frames_from_a_provider_are_completed_before_returning()
    {
        using ISampleSource source = new DribblingProvider(frames: 100, channels: 2).ToSampleSource("dribble");
        float[] buffer = new float[64];
        int n = source.Read(buffer);
        (n % 2).Should().Be(0);
        n.Should().BePositive();
        source.ReadAll().Length.Should().Be((200 - n) / 2 * 2);
    }

    [Fact]
    public void The_wave_stream_is_left_open_unless_asked()
    {
        string wav = _dir.Write("song.wav", PcmWav.Encode16(TestSignals.ChordsOverKick(8000, 1), 8000, 1));
        var reader = new WaveFileReader(wav);
        reader.ToSampleSource().Dispose();
        reader.Position.Should().Be(0, "still usable");
        reader.ToSampleSource(leaveOpen: false).Dispose();
        Action use = () => _ = reader.Position;
        use.Should().Throw<ObjectDisposedException>();
    }

    private sealed class ThrowingProvider : ISampleProvider
    {
        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(8000, 1);

        public int Read(Span<float> buffer) => throw new InvalidDataException("bad block");
    }

    /// <summary>Returns one sample per call: half a stereo frame at a time.</summary>
    private sealed class DribblingProvider(int frames, int channels) : ISampleProvider
    {
        private int _left = frames * channels;

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(8000, channels);

        public int Read(Span<float> buffer)
        {
            if (_left == 0 || buffer.IsEmpty)
            {
                return 0;
            }

            buffer[0] = 0.5f;
            _left--;
            return 1;
        }
    }
}
