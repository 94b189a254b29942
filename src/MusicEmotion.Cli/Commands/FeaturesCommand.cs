using MusicEmotion.Cli.Output;
using System.CommandLine;
using System.Globalization;
using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Features;
using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.IO;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// <c>mer features &lt;audio&gt; --kind logmel|mfcc|descriptors [--settings file.json] --out file.npy</c>:
/// decodes, mixes down, resamples to the settings' rate and streams frames into a NumPy array.
/// </summary>
internal static class FeaturesCommand
{
    private const int ChunkSamples = 1 << 15;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var audio = new Argument<string>("audio") { Description = "The audio file to analyse." };
        var kind = new Option<FeatureKind>("--kind")
        {
            Description = "Which features: logmel, mfcc or descriptors.",
            Required = true,
            CustomParser = result => ParseKind(result.Tokens.Single().Value, result),
        };
        kind.AcceptOnlyFromAmong("logmel", "mfcc", "descriptors");
        var settings = new Option<string?>("--settings") { Description = "A FeatureSettings JSON file (default: librosa's defaults, 22050 Hz)." };
        var outPath = new Option<string>("--out") { Description = "Where to write the .npy array (frames × features, float32).", Required = true };
        var command = new Command("features", "Extract log-mel, MFCC or music descriptors from an audio file into a NumPy .npy file.")
        {
            audio, kind, settings, outPath,
        };
        command.SetAction((parse, cancellationToken) => CommandFailure.GuardAsync(error, async () =>
        {
            FeatureSettings featureSettings = LoadSettings(parse.GetValue(settings));
            string destination = parse.GetValue(outPath)!;
            OutputPaths.EnsureWritable(destination);
            IFeatureExtractor extractor = FeatureExtractorFactory.Create(parse.GetValue(kind), featureSettings);
            var (matrix, tempo) = await Task.Run(() => Extract(parse.GetValue(audio)!, extractor, cancellationToken), cancellationToken).ConfigureAwait(false);
            NpyWriter.Write(destination, matrix);
            string tempoText = tempo is { } bpm ? string.Create(CultureInfo.InvariantCulture, $", tempo {bpm:0.0} BPM") : string.Empty;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {matrix.Frames} frames x {matrix.Width} {FeatureKindRegistry.NameOf(parse.GetValue(kind))} features ({matrix.FrameRate:0.###} frames/s{tempoText}) to {destination}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static FeatureKind ParseKind(string value, System.CommandLine.Parsing.ArgumentResult result)
    {
        switch (value.ToLowerInvariant())
        {
            case "logmel":
                return FeatureKind.LogMel;
            case "mfcc":
                return FeatureKind.Mfcc;
            case "descriptors":
                return FeatureKind.Descriptors;
            default:
                result.AddError($"--kind must be logmel, mfcc or descriptors (got '{value}')");
                return default;
        }
    }

    private static FeatureSettings LoadSettings(string? path)
    {
        if (path is null)
        {
            return new FeatureSettings();
        }

        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: settings file not found");
        }

        try
        {
            return FeatureSettings.FromJson(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            throw new CliInputException($"{path}: not valid FeatureSettings JSON: {ex.Message}");
        }
    }

    private static (FeatureMatrix Matrix, double? Tempo) Extract(string path, IFeatureExtractor extractor, CancellationToken cancellationToken)
    {
        using ISampleSource source = AudioLoader.Default.Open(path, cancellationToken).ToMonoAt(extractor.Settings.SampleRate);
        IFeatureStream stream = extractor.CreateStream();
        var sink = new FeatureMatrixSink(extractor.Width, extractor.FeatureNames, extractor.FrameRate);
        float[] buffer = new float[ChunkSamples];
        int n;
        while ((n = source.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Push(buffer.AsSpan(0, n), sink);
        }

        stream.Complete(sink);
        double? tempo = stream is DescriptorStream descriptors ? descriptors.EstimateTempo() : null;
        return (sink.ToMatrix(), tempo is > 0 ? tempo : null);
    }
}
