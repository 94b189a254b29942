using MusicEmotion.Cli.Output;
using System.Buffers.Binary;
using MusicEmotion.Cli.Demo;
using System.CommandLine;
using System.Globalization;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer demo [--out demo.wav] [--seconds 30]</c>: synthesises a short two-part piece so that anyone can try
/// <c>mer analyze</c> without a song at hand: a calm, slow, soft minor first half (solo piano at 60 BPM) and an
/// energetic, loud, fast major second half (a rock band: drums, bass, distorted guitars at 140 BPM); see <see cref="DemoPiece"/>.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Sample rate of the demo WAV (the rate the emotion model works at).</summary>
    public const int SampleRate = DemoPiece.SampleRate;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var outPath = new Option<string>("--out") { Description = "Where to write the WAV (default demo.wav).", DefaultValueFactory = _ => "demo.wav" };
        var seconds = new Option<double>("--seconds") { Description = "Length in seconds, 4 to 600 (default 30): the first half calm, the second energetic.", DefaultValueFactory = _ => 30 };
        var command = new Command("demo", "Write a short synthetic song (calm minor half, then energetic major half) to try `mer analyze` on.") { outPath, seconds };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            string destination = parse.GetValue(outPath)!;
            double length = parse.GetValue(seconds);
            if (!(length is >= 4 and <= 600))
            {
                throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--seconds must be between 4 and 600 (got {length})"));
            }

            OutputPaths.EnsureWritable(destination);
            float[] samples = await Task.Run(() => Synthesize(length), cancellationToken).ConfigureAwait(false);
            WriteWavAtomically(destination, samples, SampleRate);
            string half = Output.AnalysisText.Clock(length / 2);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {destination}: {length:0.#} s, {SampleRate} Hz 16-bit mono; calm, soft {DemoPiece.CalmBpm:0} BPM minor piano until {half}, then an energetic, loud {DemoPiece.EnergeticBpm:0} BPM major rock band (drums, bass, distorted guitars)")).ConfigureAwait(false);
            string quoted = destination.Contains(' ', StringComparison.Ordinal) ? $"\"{destination}\"" : destination;
            string png = Path.ChangeExtension(destination, ".png");
            png = png.Contains(' ', StringComparison.Ordinal) ? $"\"{png}\"" : png;
            await output.WriteLineAsync($"next: mer analyze {quoted} --plot {png}").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The demo piece, mono, on [-1, 1]: <paramref name="seconds"/> long at <see cref="SampleRate"/> (<see cref="DemoPiece"/>).</summary>
    internal static float[] Synthesize(double seconds) => DemoPiece.Synthesize(seconds);

    /// <summary>Writes 16-bit PCM mono WAV bytes to a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
    internal static void WriteWavAtomically(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        byte[] bytes = new byte[44 + (samples.Length * 2)];
        Span<byte> b = bytes;
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b[4..], bytes.Length - 8);
        "WAVE"u8.CopyTo(b[8..]);
        "fmt "u8.CopyTo(b[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(b[20..], 1);             // PCM
        BinaryPrimitives.WriteInt16LittleEndian(b[22..], 1);             // mono
        BinaryPrimitives.WriteInt32LittleEndian(b[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(b[28..], sampleRate * 2); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(b[32..], 2);             // block align
        BinaryPrimitives.WriteInt16LittleEndian(b[34..], 16);            // bits per sample
        "data"u8.CopyTo(b[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[40..], samples.Length * 2);
        for (int i = 0; i < samples.Length; i++)
        {
            short s = (short)Math.Round(Math.Clamp(samples[i], -1f, 1f) * short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(b[(44 + (i * 2))..], s);
        }

        OutputPaths.WriteAtomically(path, bytes);
    }
}
