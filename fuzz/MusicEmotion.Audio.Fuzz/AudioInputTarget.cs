using MusicEmotion.Audio.Decoding;
using MusicEmotion.Audio.Managed;
using MusicEmotion.Audio.Wav;

namespace MusicEmotion.Audio.Fuzz;

/// <summary>
/// What the fuzzer (and the corpus tests) feed every input to: the content sniffer (<see cref="AudioSignatures"/>, each
/// decoder's <c>CanDecode</c>, <see cref="AudioLoader.SelectDecoder(ReadOnlySpan{byte}, string)"/>), the WAV header
/// parser, and then whichever in-process decoder claims the bytes (WAV, NLayer MP3, NVorbis), read to the end, from a
/// seekable and from a non-seekable stream. The rule under test: any input ends in a result or an
/// <see cref="AudioException"/>; every other exception escapes and is a finding. ffmpeg is left out (a child process
/// per input is too slow to fuzz and is not our parser).
/// </summary>
public static class AudioInputTarget
{
    /// <summary>Samples read per input at most (a tiny file can declare a long stream; the harness must stay fast).</summary>
    public const int MaxSamples = 1 << 20;

    private static readonly AudioLoader Loader = new([new WavDecoder(), new NLayerMp3Decoder(), new NVorbisDecoder()]);

    /// <summary>Runs one input through the sniffer, the parser and the decoders.</summary>
    public static void Run(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReadOnlySpan<byte> header = input.AsSpan(0, Math.Min(input.Length, AudioLoader.SniffLength));
        _ = AudioSignatures.Identify(header);
        foreach (IAudioDecoder decoder in Loader.Decoders)
        {
            _ = decoder.CanDecode(header);
        }

        byte[] sniffed = header.ToArray();
        Expect(() => _ = Loader.SelectDecoder(sniffed, "fuzz input"));
        Expect(() => _ = WavHeaderParser.Parse(new MemoryStream(input, writable: false), "fuzz input"));
        Expect(() => Drain(Loader.Open(new MemoryStream(input, writable: false), "fuzz input")));
        Expect(() => Drain(Loader.Open(new ForwardOnlyStream(input), "fuzz input")));
    }

    private static void Expect(Action action)
    {
        try
        {
            action();
        }
        catch (AudioException)
        {
            // The only acceptable failure.
        }
    }

    private static void Drain(ISampleSource source)
    {
        using (source)
        {
            if (source.Format.Channels < 1 || source.Format.SampleRate < 1)
            {
                throw new InvalidOperationException($"The source reports an impossible format: {source.Format}.");
            }

            float[] buffer = new float[4096];
            long total = 0;
            int n;
            while (total < MaxSamples && (n = source.Read(buffer)) > 0)
            {
                if (n % source.Format.Channels != 0 || n > buffer.Length)
                {
                    throw new InvalidOperationException($"Read returned {n} samples, not whole {source.Format.Channels}-channel frames within the buffer.");
                }

                for (int i = 0; i < n; i++)
                {
                    if (!float.IsFinite(buffer[i]))
                    {
                        throw new InvalidOperationException($"Read returned a non-finite sample ({buffer[i]}).");
                    }
                }

                total += n;
            }
        }
    }

    /// <summary>A read-only stream over bytes that cannot seek, like a network upload.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 777));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
