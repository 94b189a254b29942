using System.Buffers.Binary;
using MusicEmotion.Audio.Tests.TestSupport;
using MusicEmotion.Audio.Wav;

namespace MusicEmotion.Audio.Tests.Wav;

public sealed class WavSampleSourceTests
{
    private static float[] ReadAll(byte[] wav, out AudioFormat format, int chunk = 4096)
    {
        using var source = new WavSampleSource(new MemoryStream(wav), "test.wav");
        format = source.Format;
        return SignalMeasure.ReadAll(source, chunk);
    }

    [Fact]
    public void Pcm8_is_unsigned_and_centred_on_128()
    {
        byte[] wav = new WavBuilder { BitsPerSample = 8 }.Build([0, 128, 255, 64]);
        float[] s = ReadAll(wav, out _);
        // Exact: 8-bit values map to (v - 128) / 128.
        s.Should().Equal(-1f, 0f, 127f / 128f, -0.5f);
    }

    [Fact]
    public void Pcm16_scales_by_32768()
    {
        byte[] wav = new WavBuilder().Build(WavBuilder.Pcm16(short.MinValue, 0, 16384, short.MaxValue));
        ReadAll(wav, out _).Should().Equal(-1f, 0f, 0.5f, 32767f / 32768f);
    }

    [Fact]
    public void Pcm24_sign_extends()
    {
        byte[] data = [0x00, 0x00, 0x80, /* -1.0 */ 0x00, 0x00, 0x40 /* 0.5 */, 0xFF, 0xFF, 0xFF /* -1 LSB */];
        byte[] wav = new WavBuilder { BitsPerSample = 24 }.Build(data);
        ReadAll(wav, out _).Should().Equal(-1f, 0.5f, -1f / 8388608f);
    }

    [Fact]
    public void Pcm32_scales_by_2_pow_31()
    {
        byte[] data = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(data, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), 1 << 30);
        byte[] wav = new WavBuilder { BitsPerSample = 32 }.Build(data);
        ReadAll(wav, out _).Should().Equal(-1f, 0.5f);
    }

    [Fact]
    public void Float32_and_float64_are_read_as_is_and_non_finite_values_become_silence()
    {
        byte[] f32 = new byte[12];
        BinaryPrimitives.WriteSingleLittleEndian(f32, 0.25f);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(4), float.NaN);
        BinaryPrimitives.WriteSingleLittleEndian(f32.AsSpan(8), -1.5f);
        ReadAll(new WavBuilder { FormatTag = 3, BitsPerSample = 32 }.Build(f32), out _).Should().Equal(0.25f, 0f, -1.5f);

        byte[] f64 = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, -0.125);
        BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8), double.PositiveInfinity);
        ReadAll(new WavBuilder { FormatTag = 3, BitsPerSample = 64 }.Build(f64), out _).Should().Equal(-0.125f, 0f);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(3, 32)]
    [InlineData(1, 24)]
    public void Extensible_format_uses_the_sub_format(int tag, int bits)
    {
        int bytes = bits / 8;
        byte[] data = new byte[bytes * 2 * 3]; // 3 stereo frames of silence
        using var source = new WavSampleSource(new MemoryStream(new WavBuilder { Extensible = true, FormatTag = tag, BitsPerSample = bits, Channels = 2 }.Build(data)), "x.wav");
        source.Header.FormatTag.Should().Be(0xFFFE);
        source.Format.Should().Be(new AudioFormat(8000, 2));
        source.LengthInFrames.Should().Be(3);
    }

    [Fact]
    public void Any_channel_count_is_interleaved()
    {
        short[] samples = Enumerable.Range(0, 6 * 4).Select(i => (short)(i * 100)).ToArray();
        float[] s = ReadAll(new WavBuilder { Channels = 6 }.Build(WavBuilder.Pcm16(samples)), out var format, chunk: 7);
        format.Channels.Should().Be(6);
        s.Should().HaveCount(24);
        s[13].Should().Be(1300 / 32768f);
    }

    [Fact]
    public void Unknown_chunks_are_skipped_honouring_odd_size_padding()
    {
        var builder = new WavBuilder
        {
            ChunksBeforeFmt = [("JUNK", new byte[3])],
            ChunksBeforeData = [("LIST", new byte[] { 1, 2, 3, 4, 5 }), ("fact", new byte[4])],
        };
        ReadAll(builder.Build(WavBuilder.Pcm16(1000, -1000)), out _).Should().Equal(1000 / 32768f, -1000 / 32768f);
    }

    [Fact]
    public void Open_ended_data_size_streams_until_the_end()
    {
        byte[] wav = new WavBuilder { DataSizeOverride = 0xFFFFFFFF }.Build(WavBuilder.Pcm16(1, 2, 3));
        using var source = new WavSampleSource(new NonSeekableStream(wav), "pipe");
        source.LengthInFrames.Should().BeNull();
        float[] buffer = new float[10];
        source.Read(buffer).Should().Be(3);
        source.Read(buffer).Should().Be(0);
    }

    [Fact]
    public void Reading_an_hour_long_stream_does_not_grow_memory()
    {
        // One hour of 44.1 kHz stereo 16-bit, generated on the fly (never held in memory).
        const int rate = 44100;
        long frames = 3600L * rate;
        using var stream = new SyntheticWavStream(rate, channels: 2, frames);
        using var source = new WavSampleSource(stream, "hour.wav");
        float[] buffer = new float[16384];
        source.Read(buffer); // warm-up allocates the reusable byte buffer
        long before = GC.GetAllocatedBytesForCurrentThread();
        long total = buffer.Length;
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            total += n;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        total.Should().Be(frames * 2);
        // Allowance: a few KB of incidental allocation, independent of the 635 MB that streamed through.
        allocated.Should().BeLessThan(64 * 1024);
    }
}

