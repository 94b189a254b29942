using MusicEmotion.Audio.Tests.TestSupport;

namespace MusicEmotion.Audio.Tests.Wav;

/// <summary>Every kind of broken WAV gets a typed exception that names the file and the problem.</summary>
public sealed class BadWavInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly byte[] SomeData = WavBuilder.Pcm16(1, 2, 3, 4);

    private void ShouldFail<TException>(byte[] bytes, string expectedProblem)
        where TException : AudioException
    {
        string path = _dir.Write("broken.wav", bytes);
        Action open = () =>
        {
            using ISampleSource source = AudioLoader.Default.Open(path);
            float[] buffer = new float[1024];
            while (source.Read(buffer) > 0)
            {
            }
        };
        var ex = open.Should().Throw<TException>().Which;
        ex.Message.Should().Contain(path).And.ContainEquivalentOf(expectedProblem);
        ex.AudioSourceName.Should().Be(path);
    }

    [Fact]
    public void Empty_file() => ShouldFail<AudioFormatException>([], "empty");

    [Fact]
    public void Riff_header_only() => ShouldFail<AudioFormatException>("RIFF\0\0\0\0WAVE"u8.ToArray(), "before a 'fmt ' chunk");

    [Fact]
    public void Truncated_inside_fmt()
    {
        byte[] full = new WavBuilder().Build(SomeData);
        ShouldFail<AudioFormatException>(full[..24], "fmt ");
    }

    [Fact]
    public void Truncated_sample_data_is_detected_from_the_declared_size()
    {
        byte[] full = new WavBuilder().Build(WavBuilder.Pcm16(new short[1000]));
        ShouldFail<AudioFormatException>(full[..(full.Length - 500)], "truncated");
    }

    [Fact]
    public void Truncated_sample_data_on_a_pipe_is_reported_when_reached()
    {
        byte[] full = new WavBuilder().Build(WavBuilder.Pcm16(new short[1000]));
        using var source = new MusicEmotion.Audio.Wav.WavSampleSource(new NonSeekableStream(full[..(full.Length - 500)]), "pipe:0");
        float[] buffer = new float[4096];
        Action read = () =>
        {
            while (source.Read(buffer) > 0)
            {
            }
        };
        read.Should().Throw<AudioFormatException>().WithMessage("pipe:0: sample data ends*truncated*");
    }

    [Fact]
    public void Chunk_size_past_the_end() =>
        ShouldFail<AudioFormatException>(
            Patch(new WavBuilder { ChunksBeforeData = [("LIST", new byte[8])] }.Build(SomeData), offset: 40, 0x7FFFFFF0), "past the end");

    [Fact]
    public void Data_size_past_the_end() =>
        ShouldFail<AudioFormatException>(new WavBuilder { DataSizeOverride = 1_000_000 }.Build(SomeData), "truncated");

    [Fact]
    public void Zero_channels() => ShouldFail<AudioFormatException>(new WavBuilder { Channels = 0, BlockAlignOverride = 2 }.Build(SomeData), "0 channels");

    [Fact]
    public void Absurd_channel_count() => ShouldFail<AudioFormatException>(new WavBuilder { Channels = 5000, BlockAlignOverride = 10000 }.Build(SomeData), "5000 channels");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)] // 4,294,967,295 Hz once read as unsigned
    [InlineData(5)]
    public void Absurd_sample_rate(int rate) => ShouldFail<AudioFormatException>(new WavBuilder { SampleRate = rate }.Build(SomeData), "absurd sample rate");

    [Theory]
    [InlineData(1, 12)]
    [InlineData(1, 0)]
    [InlineData(3, 16)]
    [InlineData(1, 65535)]
    public void Impossible_bit_depth(int tag, int bits) =>
        ShouldFail<AudioFormatException>(new WavBuilder { FormatTag = tag, BitsPerSample = bits, BlockAlignOverride = 2 }.Build(SomeData), "bits per sample");

    [Fact]
    public void Block_align_that_contradicts_the_format() =>
        ShouldFail<AudioFormatException>(new WavBuilder { Channels = 2, BlockAlignOverride = 3 }.Build(SomeData), "block align");

    [Fact]
    public void Fmt_chunk_too_small() => ShouldFail<AudioFormatException>(new WavBuilder { FmtSizeOverride = 8 }.Build(SomeData), "impossible size");

    [Fact]
    public void Data_before_fmt()
    {
        byte[] bytes = [.. "RIFF"u8, 20, 0, 0, 0, .. "WAVE"u8, .. "data"u8, 4, 0, 0, 0, 1, 2, 3, 4];
        ShouldFail<AudioFormatException>(bytes, "before the 'fmt ' chunk");
    }

    [Fact]
    public void Missing_data_chunk()
    {
        byte[] full = new WavBuilder().Build([]);
        ShouldFail<AudioFormatException>(full[..(full.Length - 8)], "'data' chunk");
    }

    [Fact]
    public void Random_bytes_are_not_audio()
    {
        byte[] bytes = new byte[10_000];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x12; // make sure no audio signature matches by chance
        ShouldFail<UnsupportedAudioFormatException>(bytes, "not a recognised audio format");
    }

    [Fact]
    public void A_text_file_renamed_to_wav_is_not_audio() =>
        ShouldFail<UnsupportedAudioFormatException>("hello, this is not audio\n"u8.ToArray(), "not a recognised audio format");

    private static byte[] Patch(byte[] bytes, int offset, uint value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset), value);
        return bytes;
    }
}
